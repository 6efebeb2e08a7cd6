// A source file is bytes. fpcast decodes them as Latin-1 so that every byte
// is exactly one JavaScript character: tree-sitter's string offsets are then
// byte offsets, and re-encoding as Latin-1 gives back the very same bytes
// (CRLF, BOM, non-UTF-8 comments, NUL bytes and all).

export type Eol = '\n' | '\r\n' | '\r';

export interface Range {
  start: number;
  end: number;
}

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in bytes like compilers do. */
  column: number;
}

export function bytesToText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export function textToBytes(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/** Offsets of the first byte of every line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // Without carriage returns, the native search finds the line ends many times faster.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

export class LineIndex {
  private starts: number[] | undefined;
  constructor(readonly text: string) {}

  position(offset: number): Position {
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  lineStart(offset: number): number {
    const { line } = this.position(offset);
    return this.starts![line - 1];
  }
}

/** A LineIndex per file, made on first use and kept; undefined for a file
 * whose text `textOf` does not know (each caller decides what to show then). */
export function lineIndexes(textOf: (file: string) => string | undefined): (file: string) => LineIndex | undefined {
  const indexes = new Map<string, LineIndex>();
  return (file) => {
    let index = indexes.get(file);
    if (!index) {
      const text = textOf(file);
      if (text === undefined) return undefined;
      index = new LineIndex(text);
      indexes.set(file, index);
    }
    return index;
  };
}

/** The line ending used by the line that contains `offset`; for the last
 * line (which may have none) the file's most common ending. */
export function eolAt(text: string, offset: number): Eol {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return '\n';
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
  }
  return dominantEol(text);
}

function dominantEol(text: string): Eol {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** Leading whitespace of the line that contains `offset`. */
export function indentOfLine(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** True when nothing but blanks precede `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}
