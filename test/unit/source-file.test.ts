// Line starts and positions, which every message's line:column comes from:
// LF, CRLF and lone-CR line ends (a text without CR takes a faster path).

import { describe, expect, it } from 'vitest';
import { LineIndex, lineStarts } from '../../src/source/source-file.js';

describe('lineStarts', () => {
  const cases: [string, string, number[]][] = [
    ['LF', 'a\nbc\n\nd', [0, 2, 5, 6]],
    ['a final LF', 'a\n', [0, 2]],
    ['no line end', 'abc', [0]],
    ['nothing', '', [0]],
    ['CRLF', 'a\r\nbc\r\n', [0, 3, 7]],
    ['lone CR', 'a\rb\r\nc\nd', [0, 2, 5, 7]],
  ];
  for (const [what, text, starts] of cases) it(`finds the lines of ${what}`, () => expect(lineStarts(text)).toEqual(starts));

  it('gives the same lines with or without a CR elsewhere in the text', () => {
    const text = 'int a;\n\nstatic int\nf(void)\n{\n    return 0;\n}\n';
    // A lone CR at the very end adds one line and changes none before it.
    expect(lineStarts(`${text}\r`).slice(0, -1)).toEqual(lineStarts(text));
  });
});

describe('LineIndex', () => {
  it('turns offsets into 1-based lines and byte columns', () => {
    const lines = new LineIndex('ab\ncd\r\nef');
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(4)).toEqual({ line: 2, column: 2 });
    expect(lines.position(7)).toEqual({ line: 3, column: 1 });
    expect(lines.lineStart(8)).toBe(7);
  });
});
