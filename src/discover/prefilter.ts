// What of which file tree-sitter must parse. Parsing is nearly the whole
// cost of a run, and most of a real tree is function bodies and files that
// hold no table. So fpcast first outlines every file (one pass over its
// characters, no parse: extract/outline.ts), parses only the items that may
// hold a table, and then, in rounds, only the parts the analysis asks about
// (extract/parts.ts): the head of every function a table names, the
// `#define` of every macro a flags expression or a macro entry uses, and,
// for the few functions with a finding, every item that spells their name.
// A part tree-sitter cannot read alone is read in a window of its neighbours
// (extract/windows.ts). Files whose outline cannot be trusted are parsed
// whole when needed at all.
//
// Why the result is the one a parse of every whole file gives. The analysis
// reads the files' facts through the project index: `tables` (complete:
// every item that may hold a table is parsed first), `includes` (read from
// the text of every file) and maps keyed by name (functions, prototypes,
// calls, uses, macros, macroRefs). Every name the analysis looks up is
// recorded, and then every part of every file that can hold a fact of that
// name is parsed: for `functions`, the items whose head spells the name
// followed by `(` (where the name of a function definition stands); for
// `macros`, the `#define`s of that name; for the others, every item and
// `#define` that spells the name. An analysis that looked up only names
// whose parts were all parsed saw what it would have seen with every file
// parsed, so its result is the result. Reading a whole map (iterating it)
// asks for everything: then every file is parsed whole. A function parsed
// without its body has guards on its body facts: reading one asks for the
// body. What the result relies on beyond names — a finding's whole
// definition, the parse errors around the text a fix edits — is parsed too
// (`required`).
//
// One difference remains, on purpose: where tree-sitter's error recovery on
// a whole file spills from a broken function body into its neighbours (inline
// assembly does that), the parts read alone are read correctly and the whole
// file is not.

import type { FileFacts, FunctionFact, Range } from '../extract/facts.js';
import { ASCII_IDENTIFIER, mayHaveWord, outline, wordHash, type Outline, type Shape } from '../extract/outline.js';
import {
  addsTo, isEmpty, itemAt, merge, mergeFacts, noParts, partRanges, partsAround, partsSpelling, partsToAdd, tableParts, type PartRanges,
  type Parts,
} from '../extract/parts.js';
import type { Want } from '../extract/tasks.js';
import type { ExpansionCache } from '../index/expand-entries.js';
import type { LinkOptions, ProjectIndex } from '../index/link.js';
import { SUPPRESSION_WORD } from '../check/suppress.js';
import { pushTo } from '../multimap.js';

/** Bytes of files outlined before their tables go to be parsed (the
 * workers parse while the rest is outlined). */
const FIRST_BATCH = 512 * 1024;

// ---------------------------------------------------------------------------
// Recording what the analysis asks.

/** Body facts of a function definition, unknown when it was parsed head only. */
const BODY_FIELDS = ['returns', 'fallsOffEnd', 'bodyIndent', 'bodyIdentifiers'] as const;

class Recorder {
  /** Names looked up in `functions`: only a file that may define such a function matters. */
  readonly functionNames = new Set<string>();
  /** Names looked up in `macros`: only a file that may define such a macro matters. */
  readonly macroNames = new Set<string>();
  /** Names looked up in any other map: every part that spells one matters. */
  readonly names = new Set<string>();
  /** Files whose facts were read other than through the index's maps. */
  readonly files = new Set<string>();
  /** Functions parsed head only whose body facts were read. */
  readonly bodies: { file: string; fact: FunctionFact }[] = [];
  everything = false;
  active = false;
  sealed = false;

  lookup(map: string, key: unknown): void {
    if (typeof key !== 'string') return;
    const names = map === 'macros' ? this.macroNames : map === 'functions' ? this.functionNames : this.names;
    if (this.sealed && !names.has(key) && !this.names.has(key)) {
      throw new Error(`internal: the project index was asked for '${key}' after the analysis ended; with the prefilter, the index may only be read inside analyze() (run with --no-prefilter to compare)`);
    }
    if (this.active) names.add(key);
  }

  readAll(): void {
    if (this.sealed) throw new Error('internal: a project index map was read whole after the analysis ended; with the prefilter, do that inside analyze()');
    if (this.active) this.everything = true;
  }

  readFacts(file: string, what: string): void {
    if (this.sealed) throw new Error(`internal: the ${what} of '${file}' were read after the analysis ended; with the prefilter, read them inside analyze()`);
    if (this.active) this.files.add(file);
  }

  readBody(file: string, fact: FunctionFact): void {
    if (this.sealed) throw new Error(`internal: the body of '${fact.name}' in '${file}' was read after the analysis ended; with the prefilter, read it inside analyze()`);
    if (this.active) this.bodies.push({ file, fact });
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

/** Index maps keyed by file, not by name: complete for every file. (The
 * include closures are asked file by file; they are no map to read whole.) */
const FILE_KEYED = new Set(['files']);
/** Facts of a file not parsed that are complete without a parse. */
const TEXT_FACTS = new Set<PropertyKey>(['file', 'includes']);
/** Facts of a file parsed in parts that are complete (see FileFacts.partial). */
const PARTIAL_FACTS = new Set<PropertyKey>(['file', 'includes', 'tables', 'parseErrors', 'partial']);

/** Facts of a file not parsed, or parsed in parts: any read of a fact that
 * may be missing (other than while linking) tells the recorder the file is
 * needed whole. */
function guardedFacts(facts: FileFacts, complete: Set<PropertyKey>, recorder: () => Recorder): FileFacts {
  return new Proxy(facts, {
    get(target, key, receiver) {
      if (!complete.has(key) && typeof key === 'string') recorder().readFacts(target.file, key);
      return Reflect.get(target, key, receiver);
    },
  });
}

const guarded = new WeakSet<FunctionFact>();

/** Body facts of functions parsed head only tell the recorder when read. */
function guardBodies(facts: FileFacts, recorder: () => Recorder): void {
  for (const index of facts.partial?.headsOnly ?? []) {
    const fact = facts.functions[index];
    if (guarded.has(fact)) continue;
    guarded.add(fact);
    for (const field of BODY_FIELDS) {
      const value = fact[field];
      Object.defineProperty(fact, field, {
        enumerable: true,
        configurable: true,
        get() {
          recorder().readBody(facts.file, fact);
          return value;
        },
      });
    }
  }
}

function wrapIndex(index: ProjectIndex, recorder: Recorder): void {
  const fields = index as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Map && !FILE_KEYED.has(key)) fields[key] = RecordingMap.wrap(value, key, recorder);
  }
}

// ---------------------------------------------------------------------------
// Which parts hold what a name asks for.

interface FileState {
  path: string;
  text: string;
  outline?: Outline;
  /** What is parsed so far (undefined: nothing, the file is skipped). */
  parsed?: Parts;
  facts?: FileFacts;
  /** A parse of this file is under way; `later` is what it was asked for meanwhile. */
  busy?: boolean;
  later?: Parts;
  /** Its tables were looked at for guesses (see `guess`). */
  guessed?: boolean;
}

type Add = (file: FileState, parts: Parts) => void;

/** Where the parts that may define a function or a macro, or spell a name,
 * are. Files join as they are outlined; a name is answered once, over the
 * files known then and over each file that joins later. */
class Definers {
  /** Function name hash → (file, item, whether in the item's body) triples,
   * from function heads and nested-function candidates. */
  private readonly functions = new Map<number, [FileState, number, boolean][]>();
  /** Macro name → (file, define index) pairs. */
  private readonly macros = new Map<string, [FileState, number][]>();
  /** Word → `#define`s that spell it among those tree-sitter may name after another word of their line. */
  private readonly garbled = new Map<string, [FileState, number][]>();
  /** Files whose outline cannot be trusted: for them, spelling a name is enough. */
  private readonly unsure: FileState[] = [];
  private readonly files: FileState[] = [];
  /** The names asked so far, by the kind of fact asked for. */
  private readonly asked = { functions: new Set<string>(), macros: new Set<string>(), names: new Set<string>() };
  private readonly askedFunctionHashes = new Set<number>();
  /** The identifiers among `asked.names`, with their hashes (odd names are asked oddly). */
  private readonly askedSpellings: [string, number][] = [];
  /** Names asked for that are not identifiers (looked for anywhere in a file). */
  private readonly askedOddly = new Set<string>();

  /** A file outlined: index it, and answer for it what was asked before.
   * Returns the `#define`s of macros asked before (their indexes). */
  addFile(file: FileState, add: Add): number[] {
    this.files.push(file);
    const outline = file.outline!;
    const answered: number[] = [];
    if (outline.unsure !== undefined) {
      this.unsure.push(file);
      for (const name of this.asked.functions) this.unsureDefinitions(file, name, 'functions', add);
      for (const name of this.asked.macros) this.unsureDefinitions(file, name, 'macros', add);
    } else {
      const heads = outline.heads;
      const parts = noParts();
      for (let k = 0; k < heads.length; k += 2) {
        pushTo(this.functions, heads[k], [file, heads[k + 1], false]);
        if (this.askedFunctionHashes.has(heads[k])) parts.heads.add(heads[k + 1]);
      }
      for (let k = 0; k < outline.nested.length; k += 2) {
        const name = outline.nested[k + 1] as string;
        pushTo(this.functions, wordHash(name), [file, outline.nested[k] as number, true]);
        if (this.asked.functions.has(name)) parts.items.add(outline.nested[k] as number);
      }
      outline.defines.forEach((define, k) => {
        pushTo(this.macros, define.name, [file, k]);
        if (this.asked.macros.has(define.name)) parts.defines.add(k);
        if (!define.garbled) return;
        for (const word of new Set(defineWords(file, k))) {
          pushTo(this.garbled, word, [file, k]);
          if (this.asked.macros.has(word)) parts.defines.add(k);
        }
      });
      add(file, parts);
      answered.push(...parts.defines);
    }
    for (const [name, h] of this.askedSpellings) this.spelling(file, name, h, add);
    for (const name of this.askedOddly) this.anywhere(file, name, add);
    return answered;
  }

  /** The parts that may define a function named `name`; false if asked before. */
  function(name: string, add: Add): boolean {
    if (this.asked.functions.has(name)) return false;
    this.asked.functions.add(name);
    if (!ASCII_IDENTIFIER.test(name)) {
      this.askOddly(name, add);
      return true;
    }
    const h = wordHash(name);
    this.askedFunctionHashes.add(h);
    for (const [file, item, inBody] of this.functions.get(h) ?? []) {
      const parts = noParts();
      // A head names the function it defines; a nested candidate sits in the body.
      if (inBody) parts.items.add(item);
      else parts.heads.add(item);
      add(file, parts);
    }
    for (const file of this.unsure) this.unsureDefinitions(file, name, 'functions', add);
    return true;
  }

  /** The parts that may define a macro named `name`; false if asked before. */
  macro(name: string, add: Add): boolean {
    if (this.asked.macros.has(name)) return false;
    this.asked.macros.add(name);
    if (!ASCII_IDENTIFIER.test(name)) {
      this.askOddly(name, add);
      return true;
    }
    for (const [file, k] of this.macros.get(name) ?? []) {
      const parts = noParts();
      parts.defines.add(k);
      add(file, parts);
    }
    for (const file of this.unsure) this.unsureDefinitions(file, name, 'macros', add);
    // tree-sitter's error recovery can name a garbled `#define` after another word of its line.
    for (const [file, k] of this.garbled.get(name) ?? []) {
      const parts = noParts();
      parts.defines.add(k);
      add(file, parts);
    }
    return true;
  }

  /** The parts that spell `name` (for the other maps: prototypes, calls, uses, macroRefs). */
  spelled(name: string, add: Add): void {
    if (this.asked.names.has(name)) return;
    this.asked.names.add(name);
    if (!ASCII_IDENTIFIER.test(name)) {
      this.askOddly(name, add);
      return;
    }
    const h = wordHash(name);
    this.askedSpellings.push([name, h]);
    for (const file of this.files) this.spelling(file, name, h, add);
  }

  /** The parts of `file` that spell `name`, an identifier whose hash is `h`. */
  private spelling(file: FileState, name: string, h: number, add: Add): void {
    if (mayHaveWord(file.outline!.words, h)) add(file, partsSpelling(file.outline!, file.text, name));
  }

  /** A name that is not an identifier, asked for any kind of fact: every file that holds it, once. */
  private askOddly(name: string, add: Add): void {
    if (this.askedOddly.has(name)) return;
    this.askedOddly.add(name);
    for (const file of this.files) this.anywhere(file, name, add);
  }

  /** A file whose outline is unsure is asked for its definitions of the name. */
  private unsureDefinitions(file: FileState, name: string, kind: 'functions' | 'macros', add: Add): void {
    if (!ASCII_IDENTIFIER.test(name) || !mayHaveWord(file.outline!.words, wordHash(name))) return;
    const parts = noParts();
    parts[kind].add(name);
    add(file, parts);
  }

  /** A name that is no plain identifier (a MISSING node's '', say): any file that holds it as text. */
  private anywhere(file: FileState, name: string, add: Add): void {
    if (!name || file.text.includes(name)) add(file, whole());
  }
}

/** Words, and every tail of a number run that starts with a letter (`0x1fname`). */
const WORDS = /[A-Za-z_][A-Za-z0-9_]*|(?<=[0-9][A-Za-z0-9_]*)[A-Za-z_][A-Za-z0-9_]*/g;

/** The words of a file's `#define` (an index into its outline's). */
function defineWords(file: FileState, k: number): string[] {
  const define = file.outline!.defines[k];
  return file.text.slice(define.start, define.end).match(WORDS) ?? [];
}

function whole(): Parts {
  const parts = noParts();
  parts.whole = true;
  return parts;
}

// ---------------------------------------------------------------------------
// Rounds: parse what may matter, analyze, record what the analysis asked for,
// parse what that names, until an analysis asks for nothing unparsed.

export interface ExtractRequest {
  file: string;
  want: Want;
  /** The file's outline, for parts (windows read it). */
  shape?: Shape;
}

export interface RoundsInput<R> {
  /** Every analyzed file, in analysis order, with its text. */
  files: { path: string; text: string }[];
  /** Facts for these requests (a failed file comes back with empty facts). */
  extract(requests: ExtractRequest[]): Promise<Map<string, { facts?: FileFacts }>>;
  /** Told when this thread starts (true) and ends (false) outlining the files. */
  outlining?(busy: boolean): void;
  /** Facts of a file that is not parsed: every field empty (includes are added here). */
  emptyFacts(file: string): FileFacts;
  link(facts: FileFacts[], options: LinkOptions): ProjectIndex;
  /** Everything after linking (check, plan): reads facts through the index,
   * or from `parsed` (the facts of the parsed files, in analysis order). */
  analyze(index: ProjectIndex, parsed: FileFacts[]): R;
  /** Stretches of files whose facts and parse errors `result` relies on
   * beyond what it looked up by name: a finding's definition (all of it),
   * the text a fix edits (its parse errors decide whether the fix stands). */
  required(result: R): Iterable<{ file: string; range: Range }>;
  /** Whether the analysis may read a whole map (then a first analysis with
   * nothing parsed finds out, and every file is parsed whole at once);
   * default true. A run that cannot need it saves that analysis. */
  probe?: boolean;
}

export interface RoundsResult<R> {
  /** The facts of the parsed files (whole or in parts), in analysis order,
   * to read what `FileFacts.partial` says is complete (reports of
   * unparsable regions). */
  parsedFacts: FileFacts[];
  /** The outlines of the files parsed (none when every file was parsed whole without one). */
  outlines: Map<string, Outline>;
  index: ProjectIndex;
  result: R;
}

export async function analyzeInRounds<R>(input: RoundsInput<R>): Promise<RoundsResult<R>> {
  const files: FileState[] = input.files.map((f) => ({ path: f.path, text: f.text }));
  const byPath = new Map(files.map((f) => [f.path, f]));
  let recorder = new Recorder();
  const current = () => recorder;

  /** Keep what a parse gave: `wanted` is what the file now has parsed;
   * `added`, when set, the ranges of a parse of more parts that joins the
   * facts known. */
  const take = (file: FileState, got: { facts?: FileFacts } | undefined, wanted: Parts, added?: number[]) => {
    let facts = got?.facts;
    if (!facts) return;
    if (!facts.partial) wanted = whole(); // a parse of parts that did not hold up came back whole
    else if (added && file.facts?.partial) facts = mergeFacts(file.facts, facts);
    // Facts come without their includes when the outline has them (see extract/tasks.ts).
    if (includesKnown(file)) facts.includes = file.outline!.includes;
    file.parsed = wanted;
    file.facts = facts;
    guardBodies(facts, current);
  };

  /** Parses under way (each settles when its files and what they were
   * asked for meanwhile are parsed). */
  const underway = new Set<Promise<void>>();
  let afterTake: ((file: FileState) => void) | undefined;

  /** Parse what `wants` adds to each file; a file being parsed gets it after. */
  const parse = (wants: Map<FileState, Parts>): void => {
    const requests: ExtractRequest[] = [];
    const targets: { file: FileState; parts: Parts; ranges: PartRanges }[] = [];
    for (const [file, parts] of wants) {
      if (file.busy) {
        file.later = file.later ? (merge(file.later, parts), file.later) : parts;
        continue;
      }
      // A want made while an earlier parse of the file was under way does not hold what that parse added.
      if (file.parsed) {
        if (!addsTo(file.parsed, parts)) continue;
        merge(parts, file.parsed);
      }
      // Only what is new is parsed; a file parsed in parts may need whole.
      const more = parts.whole || !file.parsed ? parts : partsToAdd(file.outline!, file.parsed, parts, file.facts?.partial?.ranges ?? []);
      const ranges = partRanges(file.outline!, more);
      // A file whose parts did not parse alone is read from its whole tree (which its worker keeps).
      if (ranges !== 'whole' && file.facts?.partial?.parsedWhole) ranges.parseWhole = true;
      if (ranges !== 'whole' && !ranges.ranges.length && !ranges.functions && !ranges.macros) {
        // Nothing to parse (a file wanted for its comments only).
        file.parsed = parts;
        file.facts ??= { ...input.emptyFacts(file.path), includes: file.outline!.includes, partial: { headsOnly: [], ranges: [] } };
        continue;
      }
      file.busy = true;
      targets.push({ file, parts: ranges === 'whole' ? whole() : parts, ranges });
      // A whole file's includes are known from its outline, as a part's are.
      if (ranges === 'whole') requests.push({ file: file.path, want: includesKnown(file) ? 'whole, includes known' : 'whole' });
      else requests.push({ file: file.path, want: ranges, shape: file.outline });
    }
    if (!requests.length) return;
    const done = input.extract(requests).then((got) => {
      underway.delete(done);
      const again = new Map<FileState, Parts>();
      for (const { file, parts, ranges } of targets) {
        file.busy = false;
        take(file, got.get(file.path), parts, ranges === 'whole' ? undefined : ranges.ranges);
        afterTake?.(file);
        if (file.later) again.set(file, file.later);
        file.later = undefined;
      }
      if (again.size) parse(again);
    });
    underway.add(done);
  };

  /** Until every parse asked for is done. */
  const settle = async () => {
    while (underway.size) await Promise.all([...underway]);
  };

  const definers = new Definers();

  /** Wants, added to as `add` is called (nothing a file has parsed already). */
  const collector = () => {
    const wants = new Map<FileState, Parts>();
    const add: Add = (file, parts) => {
      // A want of nothing (a name the words filter only may hold, say) is
      // none: it would parse nothing, yet cost an analysis round.
      if (isEmpty(parts) || (file.parsed && !addsTo(file.parsed, parts))) return;
      const want = wants.get(file) ?? (file.parsed ? clone(file.parsed) : noParts());
      merge(want, parts);
      wants.set(file, want);
    };
    return { wants, add };
  };

  /** Add what `names` may need, as functions and as macros, and what the
   * macros they name need in turn: a macro fetched for an entry is expanded
   * next, and the expansion asks for the functions and macros its body names. */
  const fetchNames = (names: Iterable<string>, wants: Map<FileState, Parts>, add: Add) => {
    let macros: string[] = [];
    for (const name of names) {
      definers.function(name, add);
      if (definers.macro(name, add)) macros.push(name);
    }
    const read = new Set<string>();
    while (macros.length) {
      const spoken = new Set<string>();
      for (const [file, want] of wants) {
        for (const k of want.defines) {
          const key = `${file.path}\0${k}`;
          if (file.parsed?.defines.has(k) || read.has(key)) continue;
          read.add(key);
          for (const word of defineWords(file, k)) spoken.add(word);
        }
      }
      macros = [];
      for (const name of spoken) {
        definers.function(name, add);
        if (definers.macro(name, add)) macros.push(name);
      }
    }
  };

  // Guesses that save rounds (parsing more never changes an answer): a table
  // names the functions and macros the analysis of its entries asks for.
  // They are fetched as soon as the table is parsed, while other files are.
  const guess = (file: FileState) => {
    if (file.guessed || !file.facts?.tables.length) return;
    file.guessed = true;
    const names = new Set<string>();
    for (const table of file.facts.tables) {
      for (const entry of table.entries) {
        if (entry.macro) names.add(entry.macro.name);
        for (const value of Object.values(entry.fields)) {
          if (!value.text.startsWith('"')) for (const word of value.text.match(WORDS) ?? []) names.add(word);
        }
      }
    }
    const { wants, add } = collector();
    fetchNames(names, wants, add);
    parse(wants);
  };

  // The probe: a rule that reads a whole map (every prototype, say) needs
  // every file, and then they are parsed whole in one go.
  // Lookups are recorded from the expansion of macro entries on (link's own lookups).
  const record = (index: ProjectIndex) => {
    wrapIndex(index, recorder);
    recorder.active = true;
  };
  // Each round links again; macro entries are expanded again only where their macros changed.
  const expansions: ExpansionCache = new Map();
  if (input.probe !== false) {
    const facts = files.map((f) => guardedFacts(input.emptyFacts(f.path), TEXT_FACTS, current));
    const index = input.link(facts, { beforeExpansion: record, expansions });
    input.analyze(index, []);
    recorder.active = false;
  }
  if (recorder.everything) {
    for (const file of files) file.outline = NOT_OUTLINED;
    parse(new Map(files.map((file) => [file, whole()])));
    await settle();
  } else {
    // Outlines, made here while the workers parse what they show: the items
    // that may hold a table, and files with `fpcast: ignore` comments (which
    // are reported used or not, so their files count as parsed). The main
    // thread yields now and then, so that guesses from the tables parsed so
    // far go out to the workers meanwhile.
    afterTake = guess;
    input.outlining?.(true);
    let batch = collector();
    let batchBytes = 0;
    for (const file of files) {
      file.outline = outline(file.text);
      // A macro asked before its file was outlined: what its `#define` names
      // is asked now, as fetchNames asks it of the macros it finds at once
      // (Argument Clinic's `FOO_METHODDEF`s sit in headers outlined after
      // the tables that use them: on CPython, 400 function heads a round sooner).
      const answered = definers.addFile(file, batch.add);
      if (answered.length) fetchNames(new Set(answered.flatMap((k) => defineWords(file, k))), batch.wants, batch.add);
      const tables = tableParts(file.outline);
      if (!isEmpty(tables)) batch.add(file, tables);
      // The one want of nothing: the file is parsed for its comments alone
      // (unless something else of it is wanted already).
      else if (file.text.includes(SUPPRESSION_WORD) && !batch.wants.has(file)) batch.wants.set(file, tables);
      batchBytes += file.text.length;
      if (batchBytes < FIRST_BATCH) continue;
      parse(batch.wants);
      batch = collector();
      batchBytes = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    parse(batch.wants);
    input.outlining?.(false);
    await settle();
    afterTake = undefined;
  }

  for (;;) {
    recorder = new Recorder();
    const facts = files.map((file) => {
      if (file.facts && file.parsed?.whole) return file.facts;
      if (file.facts) return guardedFacts(file.facts, PARTIAL_FACTS, current);
      return guardedFacts({ ...input.emptyFacts(file.path), includes: file.outline!.includes }, TEXT_FACTS, current);
    });
    const index = input.link(facts, { beforeExpansion: record, expansions });
    const parsedFacts = facts.filter((_, i) => files[i].facts);
    const result = input.analyze(index, parsedFacts);
    const required = [...input.required(result)];
    recorder.active = false;

    const { wants, add } = collector();
    if (recorder.everything) for (const file of files) add(file, whole());
    else {
      for (const name of recorder.functionNames) definers.function(name, add);
      fetchNames(recorder.macroNames, wants, add);
      for (const name of recorder.names) definers.spelled(name, add);
      for (const path of recorder.files) {
        const file = byPath.get(path);
        if (file) add(file, whole());
      }
      for (const { file: path, range } of required) {
        const file = byPath.get(path);
        if (file) add(file, partsAround(file.outline!, range));
      }
      for (const { file: path, fact } of recorder.bodies) {
        const file = byPath.get(path)!;
        const parts = noParts();
        const item = file.outline?.unsure === undefined ? itemAt(file.outline!, fact.body.start) : -1;
        if (item >= 0) parts.items.add(item);
        // A body asked for must come: if its item gives nothing new, the file does.
        if (item < 0 || (file.parsed && !addsTo(file.parsed, parts))) parts.whole = true;
        add(file, parts);
      }
    }
    // Whole wants skip the outline's parts.
    for (const [file, want] of wants) if (want.whole) wants.set(file, whole());
    if (!wants.size) {
      // With files skipped, a late question could get an incomplete answer: make it fail loudly instead.
      recorder.sealed = files.some((f) => !f.parsed?.whole);
      return {
        parsedFacts: files.flatMap((f) => (f.facts ? [f.facts] : [])),
        outlines: new Map(files.flatMap((f) => (f.facts && f.outline && f.outline !== NOT_OUTLINED ? [[f.path, f.outline]] : []))),
        index,
        result,
      };
    }
    parse(wants);
    await settle();
  }
}

function clone(parts: Parts): Parts {
  return {
    whole: parts.whole, items: new Set(parts.items), heads: new Set(parts.heads), defines: new Set(parts.defines), spots: new Set(parts.spots),
    functions: new Set(parts.functions), macros: new Set(parts.macros),
  };
}

/** The outline of every file of a run that parses them all whole without outlining them. */
const NOT_OUTLINED: Outline = { items: new Int32Array(0), heads: new Int32Array(0), ragged: [], calledFirst: [], conditioned: [], conditionals: [], nested: [], defines: [], words: new Uint32Array(0), tables: [], includes: [], length: 0 };

/** Whether the file's includes are known from its outline (then its extraction need not read them). */
const includesKnown = (file: FileState): boolean => file.outline !== undefined && file.outline !== NOT_OUTLINED;
