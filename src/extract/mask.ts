// What tree-sitter parses is not quite the file. Table entries written as
// macros without a comma — `FOO_METHODDEF` before the next `{...}` (Argument
// Clinic's style) or `PyVarObject_HEAD_INIT(NULL, 0)` before the next field —
// are not C until the preprocessor runs, and tree-sitter's error recovery can
// then lose the rest of the table. Before parsing, fpcast writes the missing
// comma into a blank in front of the next element. The text keeps its length
// and its lines, so every offset and row stays right; only initializer lists
// are touched, and only where an element is followed by another without a
// comma (a syntax error as written). The masked text is parsed, never written.
//
// A preprocessor conditional between the entries of an array (`#ifdef
// HAVE_X` before an optional method) is not C to tree-sitter either: it
// reads every branch's entries all the same, and reports the directive lines
// as errors, which would make the file's parts parse as if broken. Such a
// line is blanked (its newlines kept): the entries read are the same, with
// no error. Between the fields of a struct only when every field after it is
// designated (`.m_free = f`: a positional field after an optional one would
// be read in the wrong place), and never inside an entry (which field a
// branch fills is then unknown).
//
// An attribute macro between a function's result type and its name
// (`static void _Py_NO_RETURN name(`, `int PTRCALL name(`) leaves two names
// in a row before the `(` where the type is complete already, which no C
// declaration has: tree-sitter reads the macro as the declarator and cannot
// read the rest. A name in that place that is spelled like a macro
// (capitals, after an optional `_Py_`-like prefix) is blanked. So is one
// after a parameter's name (`PyObject *args UNUSED)`, as libmpdec writes),
// and one that starts a function's head before its type (`NPY_NO_EXPORT
// PyObject *name(`, `EXTINLINE mpd_ssize_t name(`), which tree-sitter reads
// as the type.
//
// Only the parts of a file that are parsed need masking: given ranges (which
// must begin and end between top-level items, or be the head of a function
// whose body is left out), each is masked from a fresh state, and a text
// parsed whole is masked item by item from its outline, so that an item is
// masked alike in a part and in a whole parse.

import { startsLine } from '../source/source-file.js';
import { escapeEnd, identPart, identStart, ITEM, lineCommentEnd, literalStop, outline, type Shape } from './outline.js';

const TAB = 9, LF = 10, VT = 11, FF = 12, CR = 13, SPACE = 32, DQUOTE = 34, HASH = 35, AMP = 38, SQUOTE = 39,
  LPAREN = 40, RPAREN = 41, STAR = 42, COMMA = 44, DOT = 46, SLASH = 47, D0 = 48, D9 = 57, SEMI = 59, EQ = 61, RBRACKET = 93,
  BACKSLASH = 92, LBRACE = 123, RBRACE = 125;

/** A name spelled like a macro: capitals, digits and underscores, after an
 * optional `Py`/`Py_` prefix (`_Py_NO_RETURN`, `PTRCALL`; not `Py_ssize_t`). */
const MACRO_SPELLING = /^_*(?:Py_?)?[A-Z][A-Z0-9_]*$/;
/** Tokens remembered for `attributeBefore`: the name before a `(`, up to
 * four attribute macros before it, and the type's last token. */
const RECENT = 6;

/** Words after which the next name is the type, not an attribute
 * (`static HCERTSTORE name(`, `struct FOO name(`): tags, storage classes,
 * qualifiers and function specifiers. After any other word, or a `*`, the
 * type is complete. */
const BEFORE_A_TYPE = new Set([
  'struct', 'union', 'enum', 'static', 'extern', 'typedef', 'register', 'auto', '_Thread_local', 'thread_local', 'inline', '__inline',
  '__inline__', 'const', 'volatile', 'restrict', '__restrict', '__restrict__', '_Atomic', '__extension__', '_Noreturn',
]);

/** Words that are (part of) a type on their own (`unsigned long N`: N is the name). */
const TYPE_WORDS = new Set(['void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '_Bool', 'bool', '_Complex']);

/** Directives that open, switch or close a conditional. */
const CONDITIONAL = /^#[ \t]*(?:if|ifdef|ifndef|elif|elifdef|elifndef|else|endif)\b/;

/** Token kinds other than a punctuation character (which is its own code). */
const IDENT = -1;
const NUMBER = -2;
const NONE = -3;

/** Tokens a head starts after (NONE: the start of the text, or of a part). */
const HEAD_STARTS_AFTER = new Set([NONE, SEMI, LBRACE]);

const isNumberPart = (c: number) => identPart(c) || c === DOT;

/** Element state inside one initializer list. */
const enum State {
  START, NAME, CALL, OTHER,
}

interface List {
  init: boolean;
  state: State;
  /** 1 is the list right after `=`: where a table's entries (or a struct's
   * fields) sit and where macro elements appear; nested lists are left alone. */
  level: number;
  /** The initializer of an array (`name[] = {`), whose elements are entries. */
  array: boolean;
  /** In a struct's list: conditionals between fields, blanked when the list
   * ends if no positional field came after one (flat start/end pairs). */
  held: number[];
  positionalAfter: boolean;
}

class Masker {
  readonly commas: number[] = [];
  /** What is blanked: conditional directives between entries, attribute
   * macros (flat start/end pairs, in text order). */
  readonly blanks: number[] = [];
  private readonly stack: List[] = [];
  private prev: number = NONE;
  /** The token before the last `=`. */
  private beforeEquals: number = NONE;
  /** Parentheses open outside braces. */
  private topParens = 0;
  /** The last tokens outside braces, oldest first: kind, start and end of each. */
  private readonly recent = new Int32Array(RECENT * 3).fill(NONE);
  /** Offset of the last space or tab (outside comments) since the previous token, or -1. */
  private lastBlank = -1;

  constructor(private readonly text: string) {}

  /** Mask `text[start, end)`, which begins between top-level items (or at
   * the closing brace of a body left out): from a fresh state, so that an
   * item is masked alike whichever other items are masked with it. */
  run(start: number, end: number): void {
    this.stack.length = 0;
    this.recent.fill(NONE);
    this.topParens = 0;
    this.prev = this.beforeEquals = NONE;
    this.lastBlank = -1;
    const text = this.text;
    let i = start;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) {
        this.lastBlank = i++;
      } else if (c === LF || c === CR || c === FF || c === VT) {
        i++;
      } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? text.length : close + 2;
      } else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
        i = lineCommentEnd(text, i + 2);
      } else if (c === HASH && startsLine(text, i)) {
        // A preprocessor line (with continuations) is not part of the C around it.
        const at = i;
        while (i < text.length && text.charCodeAt(i) !== LF) i = text.charCodeAt(i) === BACKSLASH ? escapeEnd(text, i) : i + 1;
        if (this.betweenEntries() && CONDITIONAL.test(text.slice(at, Math.min(i, at + 32)))) {
          const top = this.stack[this.stack.length - 1];
          (top.array ? this.blanks : top.held).push(at, i);
        }
      } else if (c === DQUOTE || c === SQUOTE) {
        const at = i;
        i = literalStop(text, at) + 1;
        this.token(c, at);
      } else if (identStart(c)) {
        const at = i;
        while (identPart(text.charCodeAt(++i)));
        i = this.token(IDENT, at, i) ?? i;
      } else if (c >= D0 && c <= D9) {
        while (isNumberPart(text.charCodeAt(++i)));
        this.token(NUMBER, i);
      } else {
        i = this.token(c, i) ?? i + 1;
      }
    }
  }

  /** At a `(` outside braces and parentheses, after a name: blank the
   * attribute macros between the complete type and that name (see the top of
   * the file), the longest such run of names spelled like macros. */
  private attributeBefore(): void {
    const name = RECENT - 1;
    if (this.kindAt(name) !== IDENT) return;
    let first = name;
    while (first > 1 && this.spelledLikeMacro(first - 1)) first--;
    for (; first < name; first++) {
      if (this.typeEndsAt(first - 1)) {
        for (let k = first; k < name; k++) this.blankRecent(k);
        return;
      }
    }
    // Leading: the head's first token, spelled like a macro, before the words
    // of a type (none spelled like a macro or reserved, `__stdcall` say) and
    // the name's stars.
    let k = name - 1;
    while (k > 0 && this.kindAt(k) === STAR) k--;
    let words = 0;
    for (; k > 0 && this.kindAt(k) === IDENT && !this.spelledLikeMacro(k) && !this.textAt(k).startsWith('__'); k--) words++;
    if (words && k > 0 && this.spelledLikeMacro(k) && HEAD_STARTS_AFTER.has(this.kindAt(k - 1))) this.blankRecent(k);
  }

  /** At the `,` or `)` that ends a parameter of a function head: blank a name
   * spelled like a macro that follows the parameter's name, itself after its
   * type (`PyObject *args UNUSED`; not `int VALUE`, `struct s NAME`, `long N`). */
  private attributeAfterParameter(): void {
    const [type, name, attribute] = [RECENT - 3, RECENT - 2, RECENT - 1];
    if (!this.spelledLikeMacro(attribute) || this.kindAt(name) !== IDENT) return;
    if (TYPE_WORDS.has(this.textAt(name)) || BEFORE_A_TYPE.has(this.textAt(name))) return;
    if (this.typeEndsAt(type)) this.blankRecent(attribute);
  }

  // The tokens `recent` remembers, by position (0 the oldest).
  private kindAt(k: number): number {
    return this.recent[k * 3];
  }

  private textAt(k: number): string {
    return this.text.slice(this.recent[k * 3 + 1], this.recent[k * 3 + 2]);
  }

  private spelledLikeMacro(k: number): boolean {
    return this.kindAt(k) === IDENT && MACRO_SPELLING.test(this.textAt(k));
  }

  /** Whether a type is complete with the token at `k`: a `*`, or a word that
   * no type name follows (not a tag, storage class or qualifier). */
  private typeEndsAt(k: number): boolean {
    return this.kindAt(k) === STAR || (this.kindAt(k) === IDENT && !BEFORE_A_TYPE.has(this.textAt(k)));
  }

  private blankRecent(k: number): void {
    this.blanks.push(this.recent[k * 3 + 1], this.recent[k * 3 + 2]);
  }

  /** Whether the last token ended an element of a table's list (its comma,
   * or a macro element, which has none), or began the list. */
  private betweenEntries(): boolean {
    const top = this.stack[this.stack.length - 1];
    if (!top?.init || top.level !== 1) return false;
    return top.state === State.START || top.state === State.NAME || top.state === State.CALL;
  }

  /** One token; returns where to go on when the token swallowed more text (a call). */
  private token(kind: number, at: number, end = at + 1): number | undefined {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      // Function heads are outside braces; their bodies (most of a file) need no history.
      if (this.topParens === 1 && (kind === COMMA || kind === RPAREN)) this.attributeAfterParameter();
      if (kind === LPAREN || kind === RPAREN) {
        if (kind === LPAREN && this.topParens === 0) this.attributeBefore();
        this.topParens = Math.max(0, this.topParens + (kind === LPAREN ? 1 : -1));
      }
      const last = (RECENT - 1) * 3;
      this.recent.copyWithin(0, 3);
      this.recent[last] = kind;
      this.recent[last + 1] = at;
      this.recent[last + 2] = end;
    }
    if (top?.init && top.level === 1) {
      const startsElement = kind === LBRACE || kind === IDENT || kind === DQUOTE || kind === DOT || kind === AMP || kind === LPAREN;
      if ((top.state === State.NAME && (kind === LBRACE || kind === IDENT)) || (top.state === State.CALL && startsElement && kind !== LPAREN)) {
        if (this.lastBlank >= 0) this.commas.push(this.lastBlank);
        top.state = State.START;
      }
      // A field that starts after a conditional without a designator.
      if (top.held.length && top.state === State.START && kind !== DOT && kind !== RBRACE && kind !== COMMA) top.positionalAfter = true;
    }
    if (kind === LBRACE) {
      const init = this.prev === EQ || (top?.init === true && (this.prev === COMMA || this.prev === LBRACE || top.state === State.START));
      if (top?.init) top.state = State.OTHER;
      const array = this.prev === EQ && this.beforeEquals === RBRACKET;
      this.stack.push({ init, state: State.START, level: init ? (top?.init ? top.level + 1 : 1) : 0, array, held: [], positionalAfter: false });
    } else if (kind === RBRACE) {
      const closed = this.stack.pop();
      if (closed?.held.length && !closed.positionalAfter) this.blanks.push(...closed.held);
      const outer = this.stack[this.stack.length - 1];
      if (outer?.init) outer.state = State.OTHER;
    } else if (top?.init) {
      if (kind === COMMA) top.state = State.START;
      else if (top.state === State.START && kind === IDENT) top.state = State.NAME;
      else if (top.state === State.NAME && kind === LPAREN) {
        // A call as the whole element so far: skip to its `)`.
        const close = closingParen(this.text, at);
        if (close > 0) {
          top.state = State.CALL;
          this.prev = RPAREN;
          this.lastBlank = -1;
          return close + 1;
        }
        top.state = State.OTHER;
      } else top.state = State.OTHER;
    }
    if (kind === EQ) this.beforeEquals = this.prev;
    this.prev = kind;
    this.lastBlank = -1;
    return undefined;
  }
}

/** `text` with the missing commas written in, and the conditionals between
 * entries and the attribute macros in function heads blanked; `ranges` (flat
 * start/end pairs, in order) limits the work to the parts that will be
 * parsed (default: every top-level item). */
export function maskMacroElements(text: string, ranges?: ArrayLike<number>): string {
  if (!text.includes('{')) return text;
  const masker = new Masker(text);
  const parts = ranges ?? wholeMaskingRanges(outline(text));
  for (let k = 0; k < parts.length; k += 2) masker.run(parts[k], parts[k + 1]);
  const { commas, blanks } = masker;
  if (!commas.length && !blanks.length) return text;
  // Both lists are in text order, and a comma (written into a blank of C) never falls in a directive.
  let out = '';
  let from = 0;
  let c = 0;
  let b = 0;
  while (c < commas.length || b < blanks.length) {
    if (b >= blanks.length || (c < commas.length && commas[c] < blanks[b])) {
      out += text.slice(from, commas[c]) + ',';
      from = commas[c++] + 1;
    } else {
      out += text.slice(from, blanks[b]) + text.slice(blanks[b], blanks[b + 1]).replace(/[^\n\r]/g, ' ');
      from = blanks[b + 1];
      b += 2;
    }
  }
  return out + text.slice(from);
}

/** What masking goes over for a parse of the whole text whose outline this
 * is: its top-level items (see Masker.run); the text as one range when the
 * outline cannot be trusted (then it is only parsed whole). */
export function wholeMaskingRanges(shape: Shape): ArrayLike<number> {
  return shape.unsure !== undefined ? [0, shape.length] : maskingRanges(shape, [0, shape.length]);
}

/** What masking goes over for a parse of `ranges`: each item's part inside
 * them, item by item, as a whole text is masked (a window holds several
 * items, and the directives between them stay as they are). */
export function maskingRanges(shape: Shape, ranges: ArrayLike<number>): number[] {
  const items = shape.items;
  const count = items.length / ITEM.size;
  const out: number[] = [];
  let k = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    const start = ranges[r];
    const end = ranges[r + 1];
    while (k < count && items[k * ITEM.size + ITEM.end] <= start) k++;
    for (let j = k; j < count && items[j * ITEM.size + ITEM.start] < end; j++) {
      out.push(Math.max(start, items[j * ITEM.size + ITEM.start]), Math.min(end, items[j * ITEM.size + ITEM.end]));
    }
  }
  return out;
}

/** The `)` closing the `(` at `open`, skipping strings; -1 if none nearby. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 2000; i++) {
    const c = text.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) {
      i = literalStop(text, i);
      continue;
    }
    if (c === LPAREN) depth++;
    else if (c === RPAREN && --depth === 0) return i;
  }
  return -1;
}
