// runTask, the work done for one file in a worker thread: a tree kept for a
// file's parts serves a later look at the whole file, and a whole file's
// includes are left to a caller that has them from the outline.

import Parser from 'tree-sitter';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractFacts } from '../../src/extract/extract.js';
import { outline } from '../../src/extract/outline.js';
import { partRanges, tableParts } from '../../src/extract/parts.js';
import { releaseTrees, runTask } from '../../src/extract/tasks.js';

const source = [
  '#include "a.h"',
  'static PyObject *f(PyObject *self, PyObject *args) { return NULL; }',
  'static PyMethodDef m[] = {',
  '    {"f", f, METH_VARARGS, NULL},',
  '    {NULL}',
  '};',
  '',
].join('\n');

/** The table's parts, to be read from the whole tree (as for a file whose outline is unsure). */
function tablesReadWhole() {
  const o = outline(source);
  const want = partRanges(o, tableParts(o));
  if (want === 'whole') throw new Error('the table is a part');
  return { ...want, parseWhole: true };
}

describe('runTask', () => {
  afterEach(() => {
    releaseTrees();
    vi.restoreAllMocks();
  });

  it('parses a file once when its parts were read from its whole tree and then the whole is wanted', () => {
    const parse = vi.spyOn(Parser.prototype, 'parse');
    const parts = runTask('t.c', source, tablesReadWhole());
    const whole = runTask('t.c', source, 'whole');
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parts.kept).toBe(true);
    expect(whole.kept).toBe(true);
    expect(whole.facts).toStrictEqual(extractFacts('t.c', source));
  });

  it('keeps no tree of a file only ever wanted whole', () => {
    const parse = vi.spyOn(Parser.prototype, 'parse');
    expect(runTask('t.c', source, 'whole').kept).toBeUndefined();
    runTask('t.c', source, 'whole');
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('finds a file\'s line ends once for all its parts requests, and again for another text', () => {
    const o = outline(source);
    const tables = partRanges(o, tableParts(o));
    if (tables === 'whole') throw new Error('the table is a part');
    const indexOf = vi.spyOn(String.prototype, 'indexOf');
    const lineEndScans = () => indexOf.mock.calls.filter(([what]) => what === '\n').length;
    runTask('t.c', source, tables);
    const first = lineEndScans();
    expect(first).toBeGreaterThan(0);
    runTask('t.c', source, tables);
    expect(lineEndScans()).toBe(first);
    // Two lines more before the table: its points must move with them.
    const parse = vi.spyOn(Parser.prototype, 'parse');
    const moved = '\n\n' + source;
    runTask('t.c', moved, { ...tables, ranges: tables.ranges.map((r) => r + 2) });
    const [range] = (parse.mock.calls[0][2] as Parser.Options).includedRanges!;
    expect(range.startPosition).toEqual({ row: 4, column: 0 });
  });

  it('does not reuse a kept tree for another text of the file', () => {
    expect(runTask('t.c', source, tablesReadWhole()).kept).toBe(true);
    const changed = source.replace('"f"', '"g"');
    const other = runTask('t.c', changed, 'whole');
    expect(other.facts).toStrictEqual(extractFacts('t.c', changed));
    // Nor does it say it keeps one: the pool would send the file's next requests here for nothing.
    expect(other.kept).toBeUndefined();
  });

  it('reads a whole file\'s includes unless the caller has them from the outline', () => {
    expect(runTask('t.c', source, 'whole').facts.includes).toEqual(['a.h']);
    expect(runTask('t.c', source, 'whole, includes known').facts.includes).toEqual([]);
    expect(runTask('t.c', source, tablesReadWhole()).facts.includes).toEqual([]);
  });
});
