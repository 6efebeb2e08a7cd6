// The lines a byte range covers, as messages and suppression comments count them.

import type { Range } from '../extract/facts.js';
import type { LineIndex } from '../source/source-file.js';

export interface LineSpan {
  /** 1-based lines of the range's first and last byte (an empty range: its start's line). */
  first: number;
  last: number;
  /** 1-based column of the range's start. */
  column: number;
}

export function lineSpan(lines: LineIndex, range: Range): LineSpan {
  const start = lines.position(range.start);
  const last = lines.position(Math.max(range.start, range.end - 1)).line;
  return { first: start.line, last, column: start.column };
}
