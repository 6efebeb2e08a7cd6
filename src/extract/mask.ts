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
// Only the parts of a file that are parsed need masking: given ranges (which
// must begin and end between top-level items, or be the head of a function
// whose body is left out), the commas found in them are those a pass over the
// whole text finds there.

import { startsLine } from '../source/source-file.js';
import { escapeEnd, identPart, identStart, lineCommentEnd, literalStop } from './outline.js';

const TAB = 9, LF = 10, VT = 11, FF = 12, CR = 13, SPACE = 32, DQUOTE = 34, HASH = 35, AMP = 38, SQUOTE = 39,
  LPAREN = 40, RPAREN = 41, STAR = 42, COMMA = 44, DOT = 46, SLASH = 47, D0 = 48, D9 = 57, EQ = 61, BACKSLASH = 92,
  LBRACE = 123, RBRACE = 125;

/** Token kinds other than a punctuation character (which is its own code). */
const IDENT = -1;
const NUMBER = -2;
const NONE = -3;

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
}

class Masker {
  readonly commas: number[] = [];
  private readonly stack: List[] = [];
  private prev = NONE;
  /** Offset of the last space or tab (outside comments) since the previous token, or -1. */
  private lastBlank = -1;

  constructor(private readonly text: string) {}

  /** Mask `text[start, end)`, going on from the state the previous range left. */
  run(start: number, end: number): void {
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
        while (i < text.length && text.charCodeAt(i) !== LF) i = text.charCodeAt(i) === BACKSLASH ? escapeEnd(text, i) : i + 1;
      } else if (c === DQUOTE || c === SQUOTE) {
        const at = i;
        i = literalStop(text, at) + 1;
        this.token(c, at);
      } else if (identStart(c)) {
        const at = i;
        while (identPart(text.charCodeAt(++i)));
        i = this.token(IDENT, at) ?? i;
      } else if (c >= D0 && c <= D9) {
        while (isNumberPart(text.charCodeAt(++i)));
        this.token(NUMBER, i);
      } else {
        i = this.token(c, i) ?? i + 1;
      }
    }
  }

  /** One token; returns where to go on when the token swallowed more text (a call). */
  private token(kind: number, at: number): number | undefined {
    const top = this.stack[this.stack.length - 1];
    if (top?.init && top.level === 1) {
      const startsElement = kind === LBRACE || kind === IDENT || kind === DQUOTE || kind === DOT || kind === AMP || kind === LPAREN;
      if ((top.state === State.NAME && (kind === LBRACE || kind === IDENT)) || (top.state === State.CALL && startsElement && kind !== LPAREN)) {
        if (this.lastBlank >= 0) this.commas.push(this.lastBlank);
        top.state = State.START;
      }
    }
    if (kind === LBRACE) {
      const init = this.prev === EQ || (top?.init === true && (this.prev === COMMA || this.prev === LBRACE || top.state === State.START));
      if (top?.init) top.state = State.OTHER;
      this.stack.push({ init, state: State.START, level: init ? (top?.init ? top.level + 1 : 1) : 0 });
    } else if (kind === RBRACE) {
      this.stack.pop();
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
    this.prev = kind;
    this.lastBlank = -1;
    return undefined;
  }
}

/** `text` with the missing commas written in; `ranges` (flat start/end
 * pairs, in order) limits the work to the parts that will be parsed. */
export function maskMacroElements(text: string, ranges?: ArrayLike<number>): string {
  if (!text.includes('{')) return text;
  const masker = new Masker(text);
  if (!ranges) masker.run(0, text.length);
  else for (let k = 0; k < ranges.length; k += 2) masker.run(ranges[k], ranges[k + 1]);
  const commas = masker.commas;
  if (!commas.length) return text;
  let out = '';
  let from = 0;
  for (const at of commas) {
    out += text.slice(from, at) + ',';
    from = at + 1;
  }
  return out + text.slice(from);
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
