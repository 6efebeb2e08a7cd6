// Applying edits: merged in one pass over the original text; overlapping,
// duplicated or out-of-range edits are planner bugs and throw instead of
// corrupting a file.

import { describe, expect, it } from 'vitest';
import { applyEdits, OverlappingEditsError, sortEdits } from '../../src/fix/edits.js';

const at = (start: number, end: number, text: string) => ({ range: { start, end }, text });

describe('applyEdits', () => {
  it('applies edits from several findings in one pass, whatever their order', () => {
    const text = 'f(a) g(b) h(c)';
    const edits = [at(13, 13, ', NULL'), at(3, 3, ', NULL'), at(8, 8, ', NULL')];
    expect(applyEdits(text, edits)).toBe('f(a, NULL) g(b, NULL) h(c, NULL)');
  });

  it('keeps insertions at one offset in the order given', () => {
    expect(applyEdits('ab', [at(1, 1, 'x'), at(1, 1, 'y')])).toBe('axyb');
    expect(applyEdits('ab\u00e9\r\n', [at(1, 1, 'X'), at(1, 1, 'Y')])).toBe('aXYb\u00e9\r\n');
  });

  it('replaces and deletes byte ranges, leaving every other byte alone', () => {
    const text = 'caf\xE9\r\n(void)\x00\tend';
    expect(applyEdits(text, [at(7, 11, 'PyObject *self'), at(12, 13, '')])).toBe('caf\xE9\r\n(PyObject *self)\tend');
  });

  const bugs: [string, ReturnType<typeof at>[], RegExp][] = [
    ['overlapping replacements', [at(0, 4, 'x'), at(2, 6, 'y')], /overlapping edits 0-4 "x" and 2-6 "y"/],
    ['an insertion inside a replacement', [at(0, 4, 'x'), at(2, 2, 'y')], /overlapping edits/],
    ['a replacement inside a replacement', [at(1, 4, ''), at(2, 3, 'x')], /overlapping edits/],
    ['the same insertion twice (duplicated fix-its)', [at(3, 3, ', NULL'), at(3, 3, ', NULL')], /the same edit twice: 3-3 ", NULL"/],
    ['the same replacement twice', [at(1, 2, 'z'), at(1, 2, 'z')], /overlapping edits/],
    ['a reversed range', [at(4, 2, 'x')], /malformed edit 4-2/],
    ['a negative offset', [at(-1, 0, 'x')], /malformed edit/],
  ];
  for (const [name, edits, message] of bugs) {
    it(`throws on ${name}`, () => {
      expect(() => applyEdits('0123456789', edits)).toThrow(OverlappingEditsError);
      expect(() => sortEdits(edits)).toThrow(message);
    });
  }

  it('throws on an edit past the end of the text', () => {
    expect(() => applyEdits('abc', [at(2, 5, 'x')])).toThrow(/reaches past the end of the 3-byte text/);
  });
});
