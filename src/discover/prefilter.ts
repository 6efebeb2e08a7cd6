// Text tests that decide which files need a tree-sitter parse. Parsing is
// nearly the whole cost of a run and most files of a real tree hold no table,
// so a file is parsed only when its text shows it can matter:
//
// 1. it may hold a table: a table struct's name followed, before any `;`,
//    `{` or `}`, by `=` and then `{` (comments, strings and character
//    literals skipped) — the only text from which tree-sitter can build a
//    declaration of that type with an initializer list;
// 2. it spells a name the analysis looks up (a function a table names, a
//    macro a flags expression uses, …): found by a second, targeted pass over
//    the identifiers of the files not parsed yet (see `NameSearch`).
//
// Both tests err only on the side of parsing: a skipped file holds no table,
// and no fact of it is keyed by a name the analysis asks for.

import { STRUCTS } from '../abi/cpython.js';

const TABLE_TYPES = Object.keys(STRUCTS);
/** Every `fpcast: ignore` comment spells it. */
export const SUPPRESSION_WORD = 'fpcast';
const TABLE_TYPE_WORD = new RegExp(`(?<![A-Za-z0-9_$])(?:${TABLE_TYPES.join('|')})(?![A-Za-z0-9_$])`, 'g');

const SLASH = 47;
const STAR = 42;
const NEWLINE = 10;
const BACKSLASH = 92;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const SEMICOLON = 59;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const EQUALS = 61;

/** Offset just past the comment, string or character literal that starts at
 * `i`, or `i` itself when none starts there. */
function skipLexical(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === SLASH) {
    const next = text.charCodeAt(i + 1);
    if (next === STAR) {
      const end = text.indexOf('*/', i + 2);
      return end < 0 ? text.length : end + 2;
    }
    if (next === SLASH) return lineCommentEnd(text, i + 2);
    return i;
  }
  if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
    let j = i + 1;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === BACKSLASH) j += 2;
      else if (d === c || d === NEWLINE) return j + 1;
      else j++;
    }
    return text.length;
  }
  return i;
}

/** End of a `//` comment: the newline that is not escaped by a backslash. */
function lineCommentEnd(text: string, from: number): number {
  let j = from;
  for (;;) {
    const nl = text.indexOf('\n', j);
    if (nl < 0) return text.length;
    let k = nl - 1;
    if (text.charCodeAt(k) === 13) k--;
    if (text.charCodeAt(k) !== BACKSLASH) return nl;
    j = nl + 1;
  }
}

/** Whether `text` may hold a declaration of a table struct with an
 * initializer list (`static PyMethodDef m[] = {`, `PyTypeObject T = {`,
 * `struct PyMethodDef x = {`). A struct definition (`struct PyMethodDef {`),
 * a parameter or a pointer variable is not one. */
export function mayHoldTable(text: string): boolean {
  TABLE_TYPE_WORD.lastIndex = 0;
  for (let match = TABLE_TYPE_WORD.exec(text); match; match = TABLE_TYPE_WORD.exec(text)) {
    let sawEquals = false;
    let i = match.index + match[0].length;
    while (i < text.length) {
      const skipped = skipLexical(text, i);
      if (skipped !== i) {
        i = skipped;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === SEMICOLON || c === CLOSE_BRACE) break;
      if (c === OPEN_BRACE) {
        if (sawEquals) return true;
        break;
      }
      if (c === EQUALS) sawEquals = true;
      i++;
    }
    TABLE_TYPE_WORD.lastIndex = Math.max(TABLE_TYPE_WORD.lastIndex, i);
  }
  return false;
}

/** What may separate a directive's parts: blanks, comments, backslash-newlines.
 * The comment pattern ends at the first `*\/` and cannot be stretched past it
 * (a lazy `[\s\S]*?` would be, on every failed try: quadratic). */
const GAP = String.raw`(?:[ \t\f\v\r]|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/|\\\r?\n)*`;

/** Comments and literals (skipped whole), or an `#include` at the start of a
 * logical line, with its `"…"` path if it has one. One native regex scan:
 * a character loop in JavaScript is as fast only once the JIT has warmed up. */
const DIRECTIVE = new RegExp(
  String.raw`\/\*[\s\S]*?(?:\*\/|$)|\/\/(?:[^\n\\]|\\[\s\S])*|"(?:[^"\\\n]|\\[\s\S])*"?|'(?:[^'\\\n]|\\[\s\S])*'?` +
    String.raw`|(?:^|(?<!\\\r?)\n)${GAP}#${GAP}include(?![A-Za-z0-9_])${GAP}(?:"([^"\n]*)")?`,
  'g',
);

/** The `"…"` paths of every `#include` directive, in order, as the
 * preprocessor sees directives: at the start of a logical line (backslash
 * continuations joined), outside comments and strings; `<…>` and macro
 * includes are left out. Directives inside `#if` blocks count: which branch
 * is compiled is unknown. */
export function includesOf(text: string): string[] {
  if (!text.includes('include')) return [];
  const out: string[] = [];
  for (const match of text.matchAll(DIRECTIVE)) if (match[1] !== undefined) out.push(match[1]);
  return out;
}

// ---------------------------------------------------------------------------
// The targeted pass: which files spell one of a set of names.

/** FNV-1a over char codes: identifiers are compared by hash first (a
 * collision only costs a needless parse), by text when a name is not a plain
 * ASCII identifier. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

const isIdentStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57);

const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Comments, which hold no identifier tree-sitter reports, and what must
 * be read whole so that a `/*` inside is not taken for one: strings,
 * character literals, `#include <…>` paths. */
const COMMENT_OR_LITERAL = new RegExp(
  String.raw`("(?:[^"\\\n]|\\[\s\S])*"?|'(?:[^'\\\n]|\\[\s\S])*'?|#[ \t]*include[ \t]*<[^>\n]*>)` +
    String.raw`|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/|\/\*[\s\S]*|\/\/(?:[^\n\\]|\\[\s\S])*`,
  'g',
);

/** Sorted, distinct hashes of every word of `text` outside comments: a
 * letter or `_` followed by letters, digits and `_`. Every identifier
 * tree-sitter reports, and every identifier of a macro body, is one of them.
 * Where a word starts right after digits (`0x1fname`), every tail of the run
 * that starts with a letter counts too: how a lexer splits such a run is not
 * this function's to guess. */
export function wordHashes(source: string): Int32Array {
  const text = source.includes('/') ? source.replace(COMMENT_OR_LITERAL, '$1 ') : source;
  const hashes: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isIdentStart(c)) {
      let h = 0x811c9dc5 | 0;
      let j = i;
      let d = c;
      do {
        h = Math.imul(h ^ d, 16777619);
        d = text.charCodeAt(++j);
      } while (isIdentPart(d));
      hashes.push(h);
      i = j;
    } else if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (isIdentPart(text.charCodeAt(j))) j++;
      for (let k = i + 1; k < j; k++) if (isIdentStart(text.charCodeAt(k))) hashes.push(hashRange(text, k, j));
      i = j;
    } else {
      i++;
    }
  }
  const sorted = Int32Array.from(hashes).sort();
  let w = 0;
  for (let r = 0; r < sorted.length; r++) if (r === 0 || sorted[r] !== sorted[r - 1]) sorted[w++] = sorted[r];
  return sorted.slice(0, w);
}

function hasHash(sorted: Int32Array, h: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === h) return true;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Answers "which of these files spell any of these names?" over a fixed set
 * of texts, hashing each text's words once, on first need. */
export class NameSearch {
  private readonly hashes = new Map<string, Int32Array>();

  constructor(private readonly textOf: (file: string) => string) {}

  /** Files among `files` whose text spells one of `names` as a word outside
   * comments (a name that is not a plain ASCII identifier is looked for as a
   * substring, comments included). (Error recovery makes facts of words in
   * any position, so nothing narrower than "spells it" is safe.) */
  filesMentioning(files: Iterable<string>, names: Iterable<string>): string[] {
    const wanted: number[] = [];
    const odd: string[] = [];
    for (const name of names) {
      if (ASCII_IDENTIFIER.test(name)) wanted.push(hashRange(name, 0, name.length));
      else if (name) odd.push(name);
    }
    if (!wanted.length && !odd.length) return [];
    const found: string[] = [];
    for (const file of files) {
      const text = this.textOf(file);
      let words = this.hashes.get(file);
      if (!words) {
        words = wordHashes(text);
        this.hashes.set(file, words);
      }
      if (wanted.some((h) => hasHash(words, h)) || odd.some((name) => text.includes(name))) found.push(file);
    }
    return found;
  }

  /** Files among `files` that may hold a macro named one of `names`: those
   * that `#define` it, and those that spell it and have a `#define` with a
   * comment inside its (continued) line, from which tree-sitter's error
   * recovery makes macros named after nearby words (`for`, a field name, an
   * identifier of the next line). */
  filesDefining(files: Iterable<string>, names: Iterable<string>): string[] {
    const wanted = [...names];
    if (!wanted.length) return [];
    const wantedSet = new Set(wanted);
    const found: string[] = [];
    for (const file of files) {
      let defined = this.defines.get(file);
      if (!defined) {
        const text = this.textOf(file);
        defined = { names: definedNames(text), garbled: GARBLED_DEFINE.test(text) };
        this.defines.set(file, defined);
      }
      if (defined.names.some((name) => wantedSet.has(name)) || (defined.garbled && this.filesMentioning([file], wanted).length)) found.push(file);
    }
    return found;
  }

  private readonly defines = new Map<string, { names: string[]; garbled: boolean }>();
}

/** A `#define` tree-sitter may not read as written, so that its error
 * recovery names the macro after a later word: one whose logical line
 * (continuations joined) goes on after a block comment (which ends the body
 * early), or that is not followed by a name and a well-formed parameter list. */
const GARBLED_DEFINE = new RegExp(
  String.raw`#[ \t]*define(?:[^\n\\]|\\\r?\n|\\[^\n])*?\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/(?:[ \t]|\\\r?\n)*[^\s\\]` +
    String.raw`|#[ \t]*define(?![ \t]+[A-Za-z_][A-Za-z0-9_]*(?:[ \t\r\n]|\\\r?\n|\((?:[ \t]*(?:[A-Za-z_][A-Za-z0-9_]*|\.\.\.)[ \t]*(?:,[ \t]*(?:[A-Za-z_][A-Za-z0-9_]*|\.\.\.)[ \t]*)*)?\)))`,
);

/** tree-sitter reads a directive as `#`, spaces or tabs, then `define`; the
 * name may follow blanks, comments or line continuations. */
const DEFINE = /#[ \t]*define(?:\s|\\\r?\n|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/)*([A-Za-z_][A-Za-z0-9_]*)/g;

/** The names `text` may define as macros (a superset of tree-sitter's). */
export function definedNames(text: string): string[] {
  if (!text.includes('define')) return [];
  return [...new Set(Array.from(text.matchAll(DEFINE), (m) => m[1]))];
}

// ---------------------------------------------------------------------------
// Rounds: parse what may matter, analyze, record what the analysis asked for,
// parse what that names, until an analysis asks for nothing unparsed.
//
// Why this is exact. The analysis reads the files' facts through the project
// index: `tables` (complete, since every file that may hold a table is parsed
// first), `includes` (read from the text of every file, parsed or not), and
// maps keyed by name (functions, prototypes, calls, uses, macros, …). A
// skipped file contributes nothing to any map; every name the analysis looks
// up after linking is recorded, and every file that spells it is then parsed.
// An analysis that looked up only names whose every file was parsed saw
// exactly what it would have seen with every file parsed, so its result is
// the result. A name looked up in the `macros` map needs only the files that
// may hold a macro of that name. Reading a whole map (iterating it) asks for
// every name: then every file is parsed. The lookups `link()` makes itself
// (expanding table entries written as macros) happen before anything can be
// recorded, so they are replayed on the recording index (`relink`).

import type { FileFacts } from '../extract/facts.js';
import type { ProjectIndex } from '../index/link.js';

export interface RoundsInput<R> {
  /** Every analyzed file, in analysis order, with its text. */
  files: { path: string; text: string }[];
  /** Facts of these files (failed ones come back as empty facts). */
  extract(files: string[]): Promise<Map<string, FileFacts>>;
  /** Facts of a file that is not parsed: every field empty (includes are added here). */
  emptyFacts(file: string): FileFacts;
  link(facts: FileFacts[]): ProjectIndex;
  /** Make again, on `index`, every lookup `link()` made while building it
   * (so that they are recorded); must not change `index`. */
  relink(index: ProjectIndex): void;
  /** Everything after linking (check, plan): reads facts through the index,
   * or from `parsed` (the facts of the parsed files, in analysis order). */
  analyze(index: ProjectIndex, parsed: FileFacts[]): R;
}

export interface RoundsResult<R> {
  /** Facts of every file in analysis order; skipped files have empty facts. */
  facts: FileFacts[];
  /** The files that were parsed. */
  parsed: Set<string>;
  index: ProjectIndex;
  result: R;
  rounds: number;
}

/** Records the names looked up in the index's maps and the skipped files
 * whose facts were read. */
class Recorder {
  /** Names looked up in the `macros` map: only a file that may hold such a macro matters. */
  readonly macroNames = new Set<string>();
  /** Names looked up in any other map: every file that spells one matters. */
  readonly names = new Set<string>();
  readonly files = new Set<string>();
  everything = false;
  active = false;
  sealed = false;

  lookup(map: string, key: unknown): void {
    if (typeof key !== 'string') return;
    const names = map === 'macros' ? this.macroNames : this.names;
    // Files that spell a name are a superset of those that may define it as a macro.
    if (this.sealed && !names.has(key) && !this.names.has(key)) {
      throw new Error(`internal: the project index was asked for '${key}' after the analysis ended; with the prefilter, the index may only be read inside analyze() (run with --no-prefilter to compare)`);
    }
    if (this.active) names.add(key);
  }

  readAll(): void {
    if (this.sealed) throw new Error('internal: a project index map was read whole after the analysis ended; with the prefilter, do that inside analyze()');
    if (this.active) this.everything = true;
  }
}

/** A Map that tells the recorder what was asked of it. */
class RecordingMap<K, V> extends Map<K, V> {
  private recorder!: Recorder;
  private field!: string;

  static wrap<K, V>(map: Map<K, V>, field: string, recorder: Recorder): RecordingMap<K, V> {
    const wrapped = new RecordingMap<K, V>(map);
    wrapped.recorder = recorder;
    wrapped.field = field;
    return wrapped;
  }

  override get(key: K): V | undefined {
    this.recorder?.lookup(this.field, key);
    return super.get(key);
  }

  override has(key: K): boolean {
    this.recorder?.lookup(this.field, key);
    return super.has(key);
  }

  override get size(): number {
    this.recorder?.readAll();
    return super.size;
  }

  override keys(): MapIterator<K> {
    this.recorder?.readAll();
    return super.keys();
  }

  override values(): MapIterator<V> {
    this.recorder?.readAll();
    return super.values();
  }

  override entries(): MapIterator<[K, V]> {
    this.recorder?.readAll();
    return super.entries();
  }

  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.recorder?.readAll();
    super.forEach(callback, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.recorder?.readAll();
    return super.entries();
  }
}

/** Index fields keyed by file, not by name: complete for every file. */
const FILE_KEYED = new Set(['files', 'includes']);
/** Facts of a skipped file that are complete without a parse. */
const TEXT_FACTS = new Set<PropertyKey>(['file', 'includes']);

/** Facts of a skipped file: empty, and any read of them (other than while
 * linking) tells the recorder the file is needed after all. */
function skippedFacts(facts: FileFacts, recorder: Recorder): FileFacts {
  return new Proxy(facts, {
    get(target, key, receiver) {
      if (!TEXT_FACTS.has(key) && typeof key === 'string') {
        if (recorder.sealed) throw new Error(`internal: the facts of '${target.file}' were read after the analysis ended; with the prefilter, read them inside analyze()`);
        if (recorder.active) recorder.files.add(target.file);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

function wrapIndex(index: ProjectIndex, recorder: Recorder): void {
  const fields = index as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Map && !FILE_KEYED.has(key)) fields[key] = RecordingMap.wrap(value, key, recorder);
  }
}

export async function analyzeInRounds<R>(input: RoundsInput<R>): Promise<RoundsResult<R>> {
  const textOf = new Map(input.files.map((f) => [f.path, f.text]));
  const search = new NameSearch((file) => textOf.get(file)!);
  const parsed = new Map<string, FileFacts>();
  const searched = new Set<string>();
  const unparsed = () => input.files.map((f) => f.path).filter((p) => !parsed.has(p));
  const parse = async (files: string[]) => {
    for (const [file, facts] of await input.extract(files)) parsed.set(file, facts);
  };
  const searchedMacros = new Set<string>();
  const includesCache = new Map<string, string[]>();
  /** Files that spell names not searched for before. */
  const mentioning = (names: Iterable<string>): string[] => {
    const fresh = [...names].filter((n) => !searched.has(n));
    for (const n of fresh) searched.add(n);
    return fresh.length ? search.filesMentioning(unparsed(), fresh) : [];
  };
  /** Files that may define macros not searched for before. */
  const defining = (names: Iterable<string>): string[] => {
    const fresh = [...names].filter((n) => !searchedMacros.has(n) && !searched.has(n));
    for (const n of fresh) searchedMacros.add(n);
    return fresh.length ? search.filesDefining(unparsed(), fresh) : [];
  };

  // Tables, and `fpcast: ignore` comments (every one is reported, used or not).
  let toParse = input.files.filter((f) => mayHoldTable(f.text) || f.text.includes(SUPPRESSION_WORD)).map((f) => f.path);
  let rounds = 0;
  for (let probe = true; ; probe = false) {
    if (!probe && toParse.length) await parse(toParse);
    // The first round runs before any parse: a rule that reads a whole map
    // (every prototype, say) then needs every file, and they are parsed in one go.
    rounds++;
    const recorder = new Recorder();
    const facts = input.files.map(({ path, text }) => {
      const known = parsed.get(path);
      if (known) return known;
      const empty = input.emptyFacts(path);
      empty.includes = includesCache.get(path) ?? includesCache.set(path, includesOf(text)).get(path)!;
      return skippedFacts(empty, recorder);
    });
    const index = input.link(facts);
    wrapIndex(index, recorder);
    recorder.active = true;
    input.relink(index);
    const result = input.analyze(index, input.files.filter((f) => parsed.has(f.path)).map((f) => parsed.get(f.path)!));
    recorder.active = false;
    if (probe) {
      if (recorder.everything) toParse = unparsed();
      continue;
    }
    // A whole map read, or a name no text can show (a MISSING identifier's ''): every file.
    if (recorder.everything || recorder.names.has('') || recorder.macroNames.has('')) toParse = unparsed();
    else toParse = [...new Set([...mentioning(recorder.names), ...defining(recorder.macroNames), ...[...recorder.files].filter((f) => !parsed.has(f))])];
    if (!toParse.length) {
      // With files skipped, a late question could get an incomplete answer: make it fail loudly instead.
      recorder.sealed = parsed.size < input.files.length;
      return { facts, parsed: new Set(parsed.keys()), index, result, rounds };
    }
  }
}
