// The outline of a C file, from one pass over its characters and no parse:
// its top-level items (declarations and function definitions, with where a
// function's body is), the names a function defined in it may have, the
// macros it defines, the words it spells and where a table may be declared.
// It decides which parts of a file tree-sitter must see (see `parts.ts`):
// most questions fpcast asks are about a few items of a file.
//
// The outline is trusted only where tree-sitter must see the same structure.
// Comments, string and character literals and preprocessor lines are skipped
// the way tree-sitter's lexer reads them, and whatever could make the two
// disagree makes the outline `unsure` (the file is then parsed whole when it
// is needed at all): braces or parentheses that do not balance, a
// preprocessor conditional whose branches open or close a brace or straddle
// the end of an item, a `{` at top level that is neither a function body, an
// initializer, a struct/union/enum nor `extern "C"`, a literal or comment left
// open, a `#` that does not start a directive, a byte outside ASCII in code.

import { STRUCTS } from '../abi/cpython.js';
import { covered, sortedPairs } from './ranges.js';

export interface Outline {
  /** Why the structure cannot be trusted, if it cannot: then only `words`,
   * `defines` and `tables` may be used. */
  unsure?: string;
  /** Top-level items as flat quadruples: start (the first token), end (just
   * past the closing `;` or `}`), and for a function definition the offsets
   * of its body's `{` and `}` (else -1, -1). Items are in text order and
   * cover every token outside directives. */
  items: Int32Array;
  /** Pairs (hash of a name, item index), sorted: the names a function defined
   * by that item may have (every identifier followed by `(` in its head). */
  heads: Int32Array;
  /** Items whose text tree-sitter may read otherwise than alone (a
   * preprocessor conditional straddles their ends, or opens and closes braces
   * in them unevenly): one of them is read with its neighbours (windows.ts). */
  ragged: number[];
  /** Items that start with a call standing on lines of its own
   * (`Dec_GETTER(prec)` before a function: a macro written without its
   * `;`), sorted. tree-sitter reads the call and what follows as one
   * construct, with an error, so the item is read in a window from the
   * start. Alone, it reads with that same error, which is why a fix's parse
   * check may still read it alone (see fix/parse-check.ts). */
  calledFirst: number[];
  /** Items inside a preprocessor conditional opened before them: tree-sitter
   * reads them as children of the conditional's node, where its error
   * recovery differs from an item read alone (sorted). */
  conditioned: number[];
  /** The conditional directives, as flat quadruples: the offset of the
   * `#`, of the line's end, +1 (`#if…`), 0 (`#else`, `#elif…`) or -1
   * (`#endif`), and 1 when it stands between items (else 0). A window leaves
   * out those between items of conditionals it does not hold whole (windows.ts). */
  conditionals: number[];
  /** Pairs (item index, name): names a function defined inside that item's
   * body may have (GNU nested functions, which tree-sitter reads). */
  nested: (number | string)[];
  /** `#define`s: the name, and the directive from its `#` to just past its
   * newline. `garbled` when tree-sitter may not read it as written and name
   * the macro after another word of the line (see `GARBLED_HEAD`). */
  defines: { name: string; start: number; end: number; garbled?: true }[];
  /** Every word outside comments, as a Bloom filter (see `mayHaveWord`):
   * asking it costs a false "yes" now and then, which only parses more. */
  words: Uint32Array;
  /** Offsets of the table type names that may begin a table declaration (see `tableOffsets`). */
  tables: number[];
  /** The `#include "…"` paths (see `includesOf`). */
  includes: string[];
  /** The length of the text outlined. */
  length: number;
}

/** What windows and masking read of an outline (windows.ts, mask.ts): the
 * part a caller hands an extraction worker with a file, so that the worker
 * need not outline the text again (it did, for a sixth of its time). */
export type Shape = Pick<Outline, 'items' | 'ragged' | 'conditionals' | 'length' | 'unsure'>;

/** An outline's shape alone (see Shape): what a worker is sent of it. */
export function shapeOf(outline: Shape): Shape {
  const shape: Shape = { items: outline.items, ragged: outline.ragged, conditionals: outline.conditionals, length: outline.length };
  if (outline.unsure !== undefined) shape.unsure = outline.unsure;
  return shape;
}

/** Fields of one item in `Outline.items`. */
export const ITEM = { size: 4, start: 0, end: 1, open: 2, close: 3 } as const;

/** FNV-1a over the char codes of `text[start, end)`. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

/** The hash a word has in `Outline.words` and `Outline.heads`. */
export const wordHash = (word: string): number => hashRange(word, 0, word.length);

/** A name that is a plain ASCII identifier (others are never outlined). */
export const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Bits of the words filter: 64 Ki, 8 KiB a file. */
const WORD_BITS = 1 << 16;

/** Filters handed out of one allocation (a typed array of its own costs an
 * allocation of its memory each, some 15 µs: a tenth of outlining a small file). */
const FILTERS_PER_BLOCK = 64;
let filterBlock = new Uint32Array(0);
let filtersHandedOut = 0;

/** A new, empty words filter. */
function newWordsFilter(): Uint32Array {
  const size = WORD_BITS / 32;
  if (filtersHandedOut === filterBlock.length / size) {
    filterBlock = new Uint32Array(size * FILTERS_PER_BLOCK);
    filtersHandedOut = 0;
  }
  return filterBlock.subarray(size * filtersHandedOut, size * ++filtersHandedOut);
}

function addWord(filter: Uint32Array, h: number): void {
  const a = h & (WORD_BITS - 1);
  const b = (h >>> 16) ^ ((h & 0xff) << 8);
  filter[a >>> 5] |= 1 << (a & 31);
  filter[b >>> 5] |= 1 << (b & 31);
}

/** Whether the file whose words filter this is may spell the word with hash `h`. */
export function mayHaveWord(filter: Uint32Array, h: number): boolean {
  if (!filter.length) return false;
  const a = h & (WORD_BITS - 1);
  const b = (h >>> 16) ^ ((h & 0xff) << 8);
  return (filter[a >>> 5] & (1 << (a & 31))) !== 0 && (filter[b >>> 5] & (1 << (b & 31))) !== 0;
}

/** Item indexes paired with `h` in `Outline.heads`. */
export function itemsNamed(heads: Int32Array, h: number): number[] {
  let lo = 0;
  let hi = heads.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (heads[mid * 2] < h) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let k = lo; k < heads.length / 2 && heads[k * 2] === h; k++) out.push(heads[k * 2 + 1]);
  return out;
}

// Character codes.
const TAB = 9, LF = 10, VT = 11, FF = 12, CR = 13, SPACE = 32, BANG = 33, DQUOTE = 34, HASH = 35, PERCENT = 37,
  AMP = 38, SQUOTE = 39, LPAREN = 40, RPAREN = 41, STAR = 42, PLUS = 43, MINUS = 45, SLASH = 47, D0 = 48, D9 = 57,
  SEMI = 59, LT = 60, EQ = 61, GT = 62, BACKSLASH = 92, CARET = 94, LBRACE = 123, PIPE = 124, RBRACE = 125;

/** Character classes for the lexer's main loop (ASCII only). */
const C_OTHER = 0;
const C_BLANK = 1;
const C_NEWLINE = 2;
const C_IDENT = 3;
const C_DIGIT = 4;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) CLASS[c] = C_BLANK;
  else if (c === 10) CLASS[c] = C_NEWLINE;
  else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) CLASS[c] = C_IDENT;
  else if (c >= 48 && c <= 57) CLASS[c] = C_DIGIT;
}
/** Whether the char code `c` may start an ASCII identifier. */
export const identStart = (c: number): boolean => c < 128 && CLASS[c] === C_IDENT;
/** Whether the char code `c` may continue an ASCII identifier. */
export const identPart = (c: number): boolean => c < 128 && CLASS[c] >= C_IDENT;

/** What the token before the current one was. */
const enum Prev {
  NONE, IDENT, RPAREN, RBRACE, EQUALS, STRING, OTHER,
}

/** How far an item that starts with a call has come (see Lexer.leadingCall). */
const enum Leading {
  NONE, NAME, ARGS, CALLED,
}

/** `if (x) {` is no nested function. */
const NOT_A_FUNCTION = new Set(['if', 'while', 'for', 'switch', 'return', 'sizeof', 'defined', 'else', 'do', '__attribute__', '_Alignof', 'alignof', '__typeof__', 'typeof']);

/** A preprocessor conditional that is open: the levels it was opened at. */
interface Conditional {
  depth: number;
  parens: number;
  /** The item it was opened in (-1: between items). */
  item: number;
  /** Where its branches ended so far (brace and parenthesis levels). */
  ends: [number, number][];
  hasElse: boolean;
}

class Lexer {
  readonly words = newWordsFilter();
  readonly includes: string[] = [];
  readonly items: number[] = [];
  readonly heads: number[] = [];
  readonly nested: (number | string)[] = [];
  readonly defines: Outline['defines'] = [];
  readonly ragged = new Set<number>();
  readonly conditioned = new Set<number>();
  readonly calledFirst: number[] = [];
  readonly conditionalLines: number[] = [];
  /** Comments outside directives (flat start/end pairs, in order). */
  readonly comments: number[] = [];
  unsure: string | undefined;

  private depth = 0; // braces, `extern "C" {` not counted
  private parens = 0;
  private linkage = 0;
  private prev = Prev.NONE;
  private prevStart = 0;
  private prevEnd = 0;
  /** The identifier just before the last string literal (`extern "C"`). */
  private externString = false;
  private atLineStart = true;
  private readonly conditionals: Conditional[] = [];
  // The current top-level item.
  private itemStart = -1;
  private itemEquals = false;
  private itemAggregate = false;
  private headNames: number[] = [];
  private bodyOpen = -1;
  /** A top-level block of no known kind is open. */
  private strayBlock = false;
  /** Inside a body: identifiers followed by `(` in the current statement, as offset pairs. */
  private statementCalls: number[] = [];
  /** Inside a body: per open `(`, the identifier before it (offset pair, or -1, -1). */
  private parenNames: number[] = [];
  /** An item that starts with a call standing on its lines of its own
   * (see Outline.calledFirst). `leadingCallEnd` is the offset of its `)`. */
  private leading = Leading.NONE;
  private leadingCallEnd = -1;
  /** The identifier before the `(` of the last `)` (offsets; -1 if none). */
  private closedStart = -1;
  private closedEnd = -1;

  constructor(private readonly text: string) {}

  private doubt(why: string, at: number): void {
    this.unsure ??= `${why} at offset ${at}`;
  }

  run(): void {
    const text = this.text;
    const n = text.length;
    const words = this.words;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const kind = c < 128 ? CLASS[c] : C_OTHER;
      if (kind === C_BLANK) {
        i++;
      } else if (kind === C_IDENT) {
        // Identifiers are most tokens: read here, hashed for the words filter.
        if (this.itemStart < 0) {
          this.itemStart = i;
          this.leading = Leading.NAME;
        } else if (this.leading !== Leading.NONE && this.leading !== Leading.ARGS) {
          if (this.leading === Leading.CALLED && text.lastIndexOf('\n', i) > this.leadingCallEnd) this.calledFirst.push(this.items.length / ITEM.size);
          this.leading = Leading.NONE;
        }
        this.atLineStart = false;
        const start = i;
        let h = 0x811c9dc5 | 0;
        let d = c;
        do {
          h = Math.imul(h ^ d, 16777619);
          d = text.charCodeAt(++i);
        } while (d < 128 && CLASS[d] >= C_IDENT);
        addWord(words, h);
        if (i - start <= 6 && this.depth === 0 && this.parens === 0 && isAggregateKeyword(text, start, i)) this.itemAggregate = true;
        this.prev = Prev.IDENT;
        this.prevStart = start;
        this.prevEnd = i;
      } else if (kind === C_NEWLINE) {
        this.atLineStart = true;
        i++;
      } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) {
          // tree-sitter reads no comment there: the words after it count.
          this.doubt('a comment that is never closed', i);
          i += 2;
        } else {
          this.comments.push(i, end + 2);
          i = end + 2;
        }
      } else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
        const end = lineCommentEnd(text, i + 2);
        this.comments.push(i, end);
        i = end;
      } else if (c === BACKSLASH && (text.charCodeAt(i + 1) === LF || (text.charCodeAt(i + 1) === CR && text.charCodeAt(i + 2) === LF))) {
        // A line splice joins two lines into one.
        i += text.charCodeAt(i + 1) === LF ? 2 : 3;
      } else if (c === HASH && this.atLineStart) {
        i = this.directive(i);
      } else {
        this.atLineStart = false;
        if (this.itemStart < 0) this.itemStart = i;
        i = this.token(c, i);
      }
    }
    if (this.itemStart >= 0) {
      this.ragged.add(this.items.length / ITEM.size);
      this.endItem(n, -1, -1);
    }
    if (this.depth !== 0 || this.linkage !== 0) this.doubt('braces that do not balance', n);
    if (this.parens !== 0) this.doubt('parentheses that do not balance', n);
    if (this.conditionals.length) this.doubt('a conditional without its #endif', n);
  }

  /** A token other than an identifier, starting with `c` at `i`; returns the offset after it. */
  private token(c: number, i: number): number {
    const text = this.text;
    if (this.leading === Leading.NAME) this.leading = c === LPAREN ? Leading.ARGS : Leading.NONE;
    else if (this.leading === Leading.CALLED) this.leading = Leading.NONE;
    if (c >= D0 && c <= D9) {
      // A number run: how a lexer splits `0x1fname` is not this pass's to
      // guess, so every tail that starts with a letter counts as a word.
      let j = i + 1;
      while (identPart(text.charCodeAt(j))) j++;
      for (let k = i + 1; k < j; k++) if (identStart(text.charCodeAt(k))) addWord(this.words, hashRange(text, k, j));
      this.prev = Prev.OTHER;
      return j;
    }
    if (c === DQUOTE || c === SQUOTE) {
      const end = literalEnd(text, i);
      if (end < 0) {
        // tree-sitter reads no literal there; what it reads instead is not this pass's to guess.
        this.doubt('a literal that is not closed on its line', i);
        this.prev = Prev.OTHER;
        const nl = text.indexOf('\n', i);
        return nl < 0 ? text.length : nl;
      }
      this.externString = c === DQUOTE && this.prev === Prev.IDENT && this.prevEnd - this.prevStart === 6 && text.startsWith('extern', this.prevStart);
      this.prev = c === DQUOTE ? Prev.STRING : Prev.OTHER;
      return end;
    }
    if (c >= 128) {
      this.doubt('a byte outside ASCII in code', i);
      this.prev = Prev.OTHER;
      return i + 1;
    }
    switch (c) {
      case LPAREN: {
        const named = this.prev === Prev.IDENT;
        if (named && this.depth === 0) this.headNames.push(hashRange(text, this.prevStart, this.prevEnd));
        if (this.bodyOpen >= 0) {
          if (named) this.statementCalls.push(this.prevStart, this.prevEnd);
          this.parenNames.push(named ? this.prevStart : -1, named ? this.prevEnd : -1);
        }
        this.parens++;
        this.prev = Prev.OTHER;
        break;
      }
      case RPAREN:
        if (--this.parens < 0) {
          this.doubt("a ')' without its '('", i);
          this.parens = 0;
        }
        if (this.leading === Leading.ARGS && this.parens === 0) {
          this.leading = Leading.CALLED;
          this.leadingCallEnd = i;
        }
        if (this.bodyOpen >= 0) {
          this.closedEnd = this.parenNames.pop() ?? -1;
          this.closedStart = this.parenNames.pop() ?? -1;
        }
        this.prev = Prev.RPAREN;
        break;
      case LBRACE:
        this.openBrace(i);
        break;
      case RBRACE:
        this.closeBrace(i);
        break;
      case SEMI:
        if (this.depth === 0 && this.parens === 0) this.endItem(i + 1, -1, -1);
        else if (this.statementCalls.length) this.statementCalls = [];
        this.prev = Prev.OTHER;
        break;
      case HASH:
        this.doubt("a '#' that does not start a directive", i);
        this.prev = Prev.OTHER;
        break;
      case EQ: {
        const after = text.charCodeAt(i + 1);
        if (after === EQ) {
          this.prev = Prev.OTHER;
          return i + 2;
        }
        const before = text.charCodeAt(i - 1);
        const compound = before === EQ || before === BANG || before === LT || before === GT || before === PLUS || before === MINUS ||
          before === STAR || before === SLASH || before === PERCENT || before === AMP || before === PIPE || before === CARET;
        if (!compound && this.depth === 0 && this.parens === 0) this.itemEquals = true;
        this.prev = compound ? Prev.OTHER : Prev.EQUALS;
        break;
      }
      default:
        this.prev = Prev.OTHER;
    }
    return i + 1;
  }

  private endItem(end: number, open: number, close: number): void {
    if (this.itemStart >= 0) {
      // A conditional opened in this item and closed after it leaves it ragged (see branchEnd).
      const index = this.items.length / ITEM.size;
      if (this.conditionals.some((open) => open.item !== index)) this.conditioned.add(index);
      this.items.push(this.itemStart, end, open, close);
    }
    this.itemStart = -1;
    this.itemEquals = false;
    this.itemAggregate = false;
    this.headNames = [];
    this.leading = Leading.NONE;
  }

  private openBrace(at: number): void {
    if (this.depth === 0 && this.parens === 0) {
      if (this.prev === Prev.RPAREN && !this.itemEquals) {
        // A function body: the names in its head are the names it may define.
        const item = this.items.length / ITEM.size;
        for (const h of this.headNames) this.heads.push(h, item);
        this.bodyOpen = at;
        this.statementCalls = [];
      } else if (this.prev === Prev.STRING && this.externString && !this.itemEquals) {
        // `extern "C" {`: what it holds are top-level items to tree-sitter too.
        this.linkage++;
        this.itemStart = -1;
        this.endItem(at, -1, -1);
        this.prev = Prev.OTHER;
        return;
      } else if (!this.itemEquals && !this.itemAggregate) {
        // Neither a function body, an initializer nor a struct. Right after a
        // block (a function's other body under #else) it is an item of its
        // own that ends with the block, read whole when needed; anything else
        // (K&R parameters, a macro) leaves the function it belongs to unknown.
        if (this.prev === Prev.RBRACE) this.strayBlock = true;
        else this.doubt("a '{' at top level that is neither a function body, an initializer nor a struct", at);
      }
    } else if (this.bodyOpen >= 0) {
      if (this.prev === Prev.RPAREN && this.closedStart >= 0) this.nestedCandidates();
      if (this.statementCalls.length) this.statementCalls = [];
    }
    this.depth++;
    this.prev = Prev.OTHER;
  }

  /** A `{` after `)` in a body: `name(…) {` may define a function `name`
   * (`name(…) __attribute__((…)) {`: any name called in the statement). */
  private nestedCandidates(): void {
    const item = this.items.length / ITEM.size;
    const before = this.text.slice(this.closedStart, this.closedEnd);
    if (before === '__attribute__') {
      const calls = this.statementCalls;
      for (let k = 0; k < calls.length; k += 2) {
        const name = this.text.slice(calls[k], calls[k + 1]);
        if (!NOT_A_FUNCTION.has(name)) this.nested.push(item, name);
      }
    } else if (!NOT_A_FUNCTION.has(before)) {
      this.nested.push(item, before);
    }
  }

  private closeBrace(at: number): void {
    this.prev = Prev.RBRACE;
    if (this.depth === 0) {
      if (this.linkage > 0 && this.parens === 0) {
        // The end of `extern "C" {`; an item left open before it is cut there.
        this.linkage--;
        if (this.itemStart !== at) {
          this.ragged.add(this.items.length / ITEM.size);
          this.endItem(at, -1, -1);
        }
        this.itemStart = -1;
        return;
      }
      this.doubt("a '}' without its '{'", at);
      return;
    }
    this.depth--;
    if (this.statementCalls.length) this.statementCalls = [];
    if (this.depth === 0 && this.parens === 0 && this.bodyOpen >= 0) {
      this.endItem(at + 1, this.bodyOpen, at);
      this.bodyOpen = -1;
      this.parenNames = [];
    } else if (this.depth === 0 && this.parens === 0 && this.strayBlock) {
      this.ragged.add(this.items.length / ITEM.size);
      this.endItem(at + 1, -1, -1);
      this.strayBlock = false;
    }
  }

  /** The end of a branch of `open` at an `#elif`, `#else` or `#endif`. The
   * preprocessor keeps one branch of several: the next branch starts from
   * the levels the conditional started at, and when every branch ends at the
   * same levels the text goes on from there (a lone branch is kept).
   * Branches that open or close braces or parentheses leave the items they
   * touch ragged (tree-sitter reads every branch, so its reading of them is
   * its own); branches that end at different levels leave the whole outline
   * in doubt. */
  private branchEnd(open: Conditional, name: string, item: number, at: number): void {
    open.ends.push([this.depth, this.parens]);
    if (name === 'else') open.hasElse = true;
    if (name !== 'endif') {
      this.depth = open.depth;
      this.parens = open.parens;
      return;
    }
    this.conditionals.pop();
    // Without an #else, the one branch is read (a brace it opens is closed by
    // a later conditional of the same kind, as tree-sitter sees the tokens).
    const [depth, parens] = open.ends[0];
    if (open.ends.some(([d, p]) => d !== depth || p !== parens)) {
      this.doubt(`#${name} ends branches at different brace or parenthesis levels`, at);
      return;
    }
    this.depth = depth;
    this.parens = parens;
    if (depth !== open.depth || parens !== open.parens || open.item !== item) {
      // The items from the one the conditional began in (or the next one) to this one.
      const first = open.item >= 0 ? open.item : this.items.length / ITEM.size;
      const last = item >= 0 ? item : this.items.length / ITEM.size - 1;
      for (let k = first; k <= last; k++) this.ragged.add(k);
    }
  }

  /** The `"…"` path of an `#include` whose `#` is at `start`, if it is one:
   * the preprocessor's view (comments and splices may stand between the parts). */
  private include(start: number): void {
    const text = this.text;
    const k = gapEnd(text, start + 1);
    if (!text.startsWith('include', k) || identPart(text.charCodeAt(k + 7))) return;
    const open = gapEnd(text, k + 7);
    if (text.charCodeAt(open) !== DQUOTE) return;
    for (let e = open + 1; e < text.length; e++) {
      const c = text.charCodeAt(e);
      if (c === LF) return;
      if (c === DQUOTE) {
        this.includes.push(text.slice(open + 1, e));
        return;
      }
    }
  }

  /** The preprocessor line whose `#` is at `start`; returns the offset of its
   * newline (or the end of the text). */
  private directive(start: number): number {
    const text = this.text;
    const n = text.length;
    let j = start + 1;
    while (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB) j++;
    let k = j;
    while (identPart(text.charCodeAt(k))) k++;
    const name = text.slice(j, k);
    this.include(start);
    const item = this.itemStart >= 0 ? this.items.length / ITEM.size : -1;
    if (name === 'if' || name === 'ifdef' || name === 'ifndef') {
      this.conditionals.push({ depth: this.depth, parens: this.parens, item, ends: [], hasElse: false });
    } else if (name === 'elif' || name === 'else' || name === 'endif' || name === 'elifdef' || name === 'elifndef') {
      const open = this.conditionals[this.conditionals.length - 1];
      if (!open) this.doubt(`#${name} without its #if`, start);
      else this.branchEnd(open, name, item, start);
    }
    let named = name !== 'define';
    let defineName = '';
    let garbled = !named && !wellFormedHead(text, start);
    // The rest of the logical line. Its words count (a macro body names
    // things); its comments do not.
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === LF) break;
      if (c === BACKSLASH) {
        k = escapeEnd(text, k);
      } else if (c === SLASH && text.charCodeAt(k + 1) === STAR) {
        const end = text.indexOf('*/', k + 2);
        k = end < 0 ? n : end + 2;
        // tree-sitter ends a macro's body at a comment; what follows on the line is read otherwise.
        if (name === 'define' && !garbled && goesOn(text, k)) garbled = true;
      } else if (c === SLASH && text.charCodeAt(k + 1) === SLASH) {
        k = lineCommentEnd(text, k + 2);
        break;
      } else if (identStart(c)) {
        const s = k;
        while (identPart(text.charCodeAt(k))) k++;
        addWord(this.words, hashRange(text, s, k));
        if (!named) {
          defineName = text.slice(s, k);
          named = true;
        }
      } else if (c >= D0 && c <= D9) {
        const s = k++;
        while (identPart(text.charCodeAt(k))) k++;
        for (let t = s + 1; t < k; t++) if (identStart(text.charCodeAt(t))) addWord(this.words, hashRange(text, t, k));
      } else if (c === LT && name === 'include') {
        // `<sys/*x>` holds no comment.
        while (k < n && text.charCodeAt(k) !== GT && text.charCodeAt(k) !== LF) k++;
      } else if (c === DQUOTE || c === SQUOTE) {
        // Words inside count too; the literal may run to the line's end.
        k++;
        while (k < n) {
          const d = text.charCodeAt(k);
          if (d === c || d === LF) break;
          if (d === BACKSLASH) k = escapeEnd(text, k);
          else if (identStart(d)) {
            const s = k;
            while (identPart(text.charCodeAt(k))) k++;
            addWord(this.words, hashRange(text, s, k));
          } else k++;
        }
        if (text.charCodeAt(k) === c) k++;
      } else k++;
    }
    if (defineName || garbled) {
      const define: Outline['defines'][number] = { name: defineName, start, end: Math.min(n, k + 1) };
      if (garbled) define.garbled = true;
      this.defines.push(define);
    }
    const step = CONDITIONAL_STEP.get(name);
    if (step !== undefined) this.conditionalLines.push(start, k, step, item < 0 ? 1 : 0);
    return k;
  }
}

/** How a conditional directive moves the nesting (see Outline.conditionals). */
const CONDITIONAL_STEP = new Map([
  ['if', 1], ['ifdef', 1], ['ifndef', 1],
  ['elif', 0], ['else', 0], ['elifdef', 0], ['elifndef', 0],
  ['endif', -1],
]);

export function outline(text: string): Outline {
  const lexer = new Lexer(text);
  lexer.run();
  const out: Outline = {
    items: Int32Array.from(lexer.items),
    heads: Int32Array.from(sortedPairs(lexer.heads)),
    ragged: [...lexer.ragged].sort((a, b) => a - b),
    calledFirst: lexer.calledFirst,
    conditioned: [...lexer.conditioned].sort((a, b) => a - b),
    conditionals: lexer.conditionalLines,
    nested: lexer.nested,
    defines: lexer.defines,
    words: lexer.words,
    tables: tableOffsets(text),
    includes: lexer.includes,
    length: text.length,
  };
  if (lexer.unsure !== undefined) out.unsure = lexer.unsure;
  // (The regular expression only where the native search finds a carriage return at all.)
  else if (text.includes('\r') && /\r(?!\n)/.test(text)) out.unsure = 'a line that ends in a lone carriage return';
  // tree-sitter reads a NUL byte as the end of the text, even in a comment.
  else if (text.includes('\0')) out.unsure = 'a NUL byte';
  else {
    // A table the items do not hold would be missed: the items are wrong.
    // (Text in a `#define` or a comment looks like a table but is none to tree-sitter.)
    const outside = out.tables.find(
      (offset) => itemIndexAt(out.items, offset) < 0 && !out.defines.some((d) => d.start <= offset && offset < d.end) && !covered(lexer.comments, offset, offset),
    );
    if (outside !== undefined) out.unsure = `a table outside the items at offset ${outside}`;
  }
  // The lexer's reading of an unsure file may hide words from it (in what it
  // took for a comment or a directive): every word of the text counts.
  if (out.unsure !== undefined) out.words = everyWord(text);
  return out;
}

/** The words filter of every word in `text`, comments, literals and all. */
function everyWord(text: string): Uint32Array {
  const words = newWordsFilter();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (identStart(c)) {
      const start = i;
      while (identPart(text.charCodeAt(++i)));
      addWord(words, hashRange(text, start, i));
    } else if (c >= D0 && c <= D9) {
      let j = i + 1;
      while (identPart(text.charCodeAt(j))) j++;
      for (let k = i + 1; k < j; k++) if (identStart(text.charCodeAt(k))) addWord(words, hashRange(text, k, j));
      i = j;
    } else i++;
  }
  return words;
}

/** The index of the item of `items` (see Outline.items) holding `offset`, or -1. */
export function itemIndexAt(items: Int32Array, offset: number): number {
  let lo = 0;
  let hi = items.length / ITEM.size - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < items[mid * ITEM.size + ITEM.start]) hi = mid - 1;
    else if (offset >= items[mid * ITEM.size + ITEM.end]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The end of what may separate a directive's parts from `at`: blanks,
 * closed comments, line splices. */
function gapEnd(text: string, at: number): number {
  let k = at;
  for (;;) {
    const c = text.charCodeAt(k);
    if (c === SPACE || c === TAB || c === FF || c === VT || c === CR) k++;
    else if (c === BACKSLASH && text.charCodeAt(k + 1) === LF) k += 2;
    else if (c === BACKSLASH && text.charCodeAt(k + 1) === CR && text.charCodeAt(k + 2) === LF) k += 3;
    else if (c === SLASH && text.charCodeAt(k + 1) === STAR) {
      const end = text.indexOf('*/', k + 2);
      if (end < 0) return k;
      k = end + 2;
    } else return k;
  }
}

/** `#define NAME` then a blank, a line end or a well-formed parameter list: what tree-sitter reads as written. */
const GARBLED_HEAD = /#[ \t]*define(?![ \t]+[A-Za-z_][A-Za-z0-9_]*(?:[ \t\r\n]|\\\r?\n|\((?:[ \t]*(?:[A-Za-z_][A-Za-z0-9_]*|\.\.\.)[ \t]*(?:,[ \t]*(?:[A-Za-z_][A-Za-z0-9_]*|\.\.\.)[ \t]*)*)?\)))/y;

function wellFormedHead(text: string, start: number): boolean {
  GARBLED_HEAD.lastIndex = start;
  return !GARBLED_HEAD.test(text);
}

/** Whether something other than blanks and line continuations follows `at` on its logical line. */
function goesOn(text: string, at: number): boolean {
  let k = at;
  for (;;) {
    const c = text.charCodeAt(k);
    if (c === SPACE || c === TAB) k++;
    else if (c === BACKSLASH && text.charCodeAt(k + 1) === LF) k += 2;
    else if (c === BACKSLASH && text.charCodeAt(k + 1) === CR && text.charCodeAt(k + 2) === LF) k += 3;
    else return k < text.length && c !== LF && c !== CR && c !== BACKSLASH && c !== VT && c !== FF && c !== 0xa0;
  }
}

function isAggregateKeyword(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 6) return text.startsWith('struct', start);
  if (length === 5) return text.startsWith('union', start);
  if (length === 4) return text.startsWith('enum', start);
  return false;
}

/** End of a `//` comment: the newline that is not escaped by a backslash. */
export function lineCommentEnd(text: string, from: number): number {
  let j = from;
  for (;;) {
    const nl = text.indexOf('\n', j);
    if (nl < 0) return text.length;
    let k = nl - 1;
    if (text.charCodeAt(k) === CR) k--;
    if (text.charCodeAt(k) !== BACKSLASH) return nl;
    j = nl + 1;
  }
}

/** Offset past the backslash at `at` and what it escapes: one character, or
 * the line end it splices (`\` CR LF is one splice, as `\` LF is). */
export function escapeEnd(text: string, at: number): number {
  return at + (text.charCodeAt(at + 1) === CR && text.charCodeAt(at + 2) === LF ? 3 : 2);
}

/** Where the string or character literal opened by the quote at `start`
 * stops: the offset of its closing quote, or of the line end (or the text's
 * end) that cuts it short. Escapes are skipped, a spliced line end among
 * them. Every pass over C text that steps over literals reads them so. */
export function literalStop(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  const n = text.length;
  let j = start + 1;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d === quote || d === LF) return j;
    j = d === BACKSLASH ? escapeEnd(text, j) : j + 1;
  }
  return n;
}

/** Offset just past the string or character literal at `start`, or -1 when
 * its line ends first (tree-sitter reads no literal there). */
function literalEnd(text: string, start: number): number {
  const stop = literalStop(text, start);
  return stop < text.length && text.charCodeAt(stop) !== LF ? stop + 1 : -1;
}

// ---------------------------------------------------------------------------
// Where a table may be declared.

const TABLE_TYPE_WORD = new RegExp(`(?<![A-Za-z0-9_$])(?:${Object.keys(STRUCTS).join('|')})(?![A-Za-z0-9_$])`, 'g');

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
  if (c === DQUOTE || c === SQUOTE) return Math.min(text.length, literalStop(text, i) + 1);
  return i;
}

/** Offsets of the table struct names in `text` that are followed, before any
 * `;`, `{` or `}`, by `=` and then `{` (comments, strings and character
 * literals skipped): the only text from which tree-sitter can build a
 * declaration of that type with an initializer list (`static PyMethodDef
 * m[] = {`, `struct PyModuleDef d = {`). A struct definition, a parameter or
 * a pointer variable is not one. */
function tableOffsets(text: string): number[] {
  const found: number[] = [];
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
      if (c === SEMI || c === RBRACE) break;
      if (c === LBRACE) {
        if (sawEquals) found.push(match.index);
        break;
      }
      if (c === EQ) sawEquals = true;
      i++;
    }
    TABLE_TYPE_WORD.lastIndex = Math.max(TABLE_TYPE_WORD.lastIndex, i);
  }
  return found;
}

/** Whether `text` may hold a table declaration (see `tableOffsets`). */
export function mayHoldTable(text: string): boolean {
  return tableOffsets(text).length > 0;
}

// ---------------------------------------------------------------------------
// `#include "…"`, as the preprocessor sees it (tree-sitter misses those inside
// initializers; the include graph must be the same whether a file is parsed
// or not).

/** The `"…"` paths of every `#include` directive, in order, as the
 * preprocessor sees directives: at the start of a logical line (line splices
 * joined, comments and blanks before and between the parts), outside
 * comments and literals; `<…>` and macro includes are left out. Directives
 * inside `#if` blocks count: which branch is compiled is unknown. */
export function includesOf(text: string): string[] {
  if (!text.includes('include')) return [];
  const lexer = new Lexer(text);
  lexer.run();
  return lexer.includes;
}
