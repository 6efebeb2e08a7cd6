// The lexical outline (src/extract/outline.ts) and the parsing of parts of a
// file (src/extract/parts.ts, extractFacts with parts): what the outline finds,
// when it doubts, and that facts of parts are those of a parse of the whole
// file wherever the parts parse cleanly — on every corpus file.

import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract.js';
import type { FileFacts } from '../../src/extract/facts.js';
import { includesOf, ITEM, itemsNamed, mayHaveWord, outline, wordHash, type Outline } from '../../src/extract/outline.js';
import { isEmpty, mergeFacts, noParts, partRanges, partsAround, partsSpelling, tableParts, type Parts } from '../../src/extract/parts.js';
import { corpusSources } from '../support/corpus.js';

/** The items as [start, end, body open, body close] tuples. */
const items = (o: Outline) => Array.from({ length: o.items.length / ITEM.size }, (_, k) => Array.from(o.items.subarray(k * ITEM.size, (k + 1) * ITEM.size)));
const itemText = (text: string, o: Outline, k: number) => text.slice(o.items[k * ITEM.size + ITEM.start], o.items[k * ITEM.size + ITEM.end]);
const headsOf = (o: Outline, name: string) => itemsNamed(o.heads, wordHash(name));

describe('outline: the top-level items of a file', () => {
  const text = [
    '#include "a.h"',
    '/* a comment { with braces } */',
    'static int counter = 0;',
    'static PyObject *',
    'spam_get(PyObject *self, PyObject *Py_UNUSED(ignored))',
    '{',
    '    const char *s = "}";',
    "    char c = '{';",
    '    return NULL;',
    '}',
    '#define SPAM_FLAGS METH_NOARGS',
    '#define SPAM_CALL(x, ...) f(x, __VA_ARGS__)',
    'static PyMethodDef spam_methods[] = {',
    '    {"get", (PyCFunction)spam_get, SPAM_FLAGS, NULL},',
    '    {NULL}',
    '};',
    '',
  ].join('\n');
  const o = outline(text);

  it('is sure of a plain file', () => expect(o.unsure).toBeUndefined());

  it('finds declarations, function definitions with their bodies, and tables', () => {
    expect(items(o).map((_, k) => itemText(text, o, k).split('\n')[0])).toEqual(['static int counter = 0;', 'static PyObject *', 'static PyMethodDef spam_methods[] = {']);
    const [decl, fn, table] = items(o);
    expect(decl.slice(2)).toEqual([-1, -1]);
    expect(text[fn[2]]).toBe('{');
    expect(text[fn[3]]).toBe('}');
    expect(fn[1]).toBe(fn[3] + 1);
    expect(table.slice(2)).toEqual([-1, -1]);
    expect(o.tables.map((at) => text.slice(at, at + 11))).toEqual(['PyMethodDef']);
    expect(tableParts(o).items).toEqual(new Set([2]));
  });

  it('names the function a head may define', () => {
    expect(headsOf(o, 'spam_get')).toEqual([1]);
    expect(headsOf(o, 'counter')).toEqual([]);
  });

  it('lists #defines by name, directive and all', () => {
    expect(o.defines.map((d) => [d.name, text.slice(d.start, d.end)])).toEqual([
      ['SPAM_FLAGS', '#define SPAM_FLAGS METH_NOARGS\n'],
      ['SPAM_CALL', '#define SPAM_CALL(x, ...) f(x, __VA_ARGS__)\n'],
    ]);
  });

  it('reads a string in a #define continued by a backslash on the next line, with either line end', () => {
    for (const eol of ['\n', '\r\n']) {
      const spliced = ['#define S "abc\\', 'def" spam_tail', 'int y;', ''].join(eol);
      const o = outline(spliced);
      expect(o.unsure, JSON.stringify(eol)).toBeUndefined();
      expect(o.defines.map((d) => spliced.slice(d.start, d.end)), JSON.stringify(eol)).toEqual([['#define S "abc\\', 'def" spam_tail', ''].join(eol)]);
      expect(mayHaveWord(o.words, wordHash('spam_tail'))).toBe(true);
    }
  });

  it('keeps the includes and every word outside comments', () => {
    expect(o.includes).toEqual(['a.h']);
    expect(o.includes).toEqual(includesOf(text));
    for (const word of ['spam_get', 'SPAM_FLAGS', 'METH_NOARGS', 'PyCFunction', 'Py_UNUSED', 'NULL']) expect(mayHaveWord(o.words, wordHash(word))).toBe(true);
  });

  it('counts every tail of a number run that starts with a letter as a word (how a lexer splits it is not guessed)', () => {
    const words = outline('int x = 0x1fspam_get;\n').words;
    for (const word of ['spam_get', 'fspam_get', 'x']) expect(mayHaveWord(words, wordHash(word)), word).toBe(true);
    // (The filter tells words apart: these are not in the text.)
    for (const word of ['spam_got', 'spam', 'int_x']) expect(mayHaveWord(words, wordHash(word)), word).toBe(false);
  });

  it('finds the parts that spell a name, and the parts around a range', () => {
    const spelling = partsSpelling(o, text, 'SPAM_FLAGS');
    expect([...spelling.items]).toEqual([2]);
    expect([...spelling.defines]).toEqual([0]);
    const at = text.indexOf('return NULL');
    expect([...partsAround(o, { start: at, end: at + 4 }).items]).toEqual([1]);
  });

  it('finds the #defines around a range: those that overlap or touch it', () => {
    const defs = '#define A 1\n#define B 2\nint x;\n#define C 3\n#define D 4\n';
    const od = outline(defs);
    const around = (from: string, to: string) => [...partsAround(od, { start: defs.indexOf(from), end: defs.indexOf(to) + to.length }).defines].sort();
    expect(around('B 2', 'int')).toEqual([1]);
    expect(around('2', 'C 3')).toEqual([1, 2]);
    expect(around('A', 'D 4')).toEqual([0, 1, 2, 3]);
    expect(around('x', 'x')).toEqual([]);
    // A range that starts where a #define ends, or ends where one starts, touches it.
    expect([...partsAround(od, { start: defs.indexOf('int'), end: defs.indexOf('#define C') }).defines].sort()).toEqual([1, 2]);
  });

  it('reads `extern "C" {` blocks as transparent and GNU nested functions as candidates', () => {
    const cpp = 'extern "C" {\nint f(void) { return 0; }\n}\n';
    const oc = outline(cpp);
    expect(oc.unsure).toBeUndefined();
    expect(headsOf(oc, 'f')).toHaveLength(1);
    const nested = 'int outer(void)\n{\n    int inner(int x) { return x; }\n    return inner(1);\n}\n';
    const on = outline(nested);
    expect(on.unsure).toBeUndefined();
    expect(on.nested).toContain('inner');
  });
});

describe('outline: where it doubts (the file is then read from a whole parse)', () => {
  const doubtful: [string, string][] = [
    ['branches that open a brace each', 'int f(int x)\n#ifdef A\n{\n#else\n{\n#endif\n    return x;\n}\n'],
    ['unbalanced braces', 'int f(void) {\n    return 0;\n'],
    ['a K&R definition', 'int f(a)\n    int a;\n{\n    return a;\n}\n'],
    ['a lone carriage return', 'int a;\rint b;\n'],
    ['a NUL byte', 'int a;\0int b;\n'],
    ['a byte outside ASCII in code', 'int caf\u00e9 = 1;\n'],
    ['an unclosed comment', 'int a; /* never closed\n'],
    ['an unclosed literal', 'const char *s = "open\nint b;\n'],
    ['a conditional without #endif', '#if A\nint a;\n'],
  ];
  for (const [why, text] of doubtful) it(`doubts ${why}`, () => expect(outline(text).unsure).toBeDefined());

  it('marks items that a conditional straddles as ragged, and parses a small file whole rather than in a window', () => {
    const text = 'int a;\n#ifdef X\nint b = 1;\n#else\nint b = 2,\n#endif\n    c = 3;\nint d;\n';
    const o = outline(text);
    expect(o.unsure).toBeUndefined();
    expect(o.ragged.length).toBeGreaterThan(0);
    const parts = noParts();
    parts.items.add(o.ragged[0]);
    const ranges = partRanges(o, parts);
    expect(ranges !== 'whole' && ranges.parseWhole).toBe(true);
  });

  it('marks an item that starts with a call on lines of its own (tree-sitter reads the call and what follows as one)', () => {
    const text = [
      'Dec_GETTER(prec)',
      'static PyObject *',
      'getter(PyObject *self, void *closure)',
      '{',
      '    return NULL;',
      '}',
      'PyAPI_FUNC(int) PyType_Ready(PyTypeObject *);',
      'static int same_line(void) { return 0; }',
      'main() { return 0; }',
      '',
    ].join('\n');
    const o = outline(text);
    expect(o.unsure).toBeUndefined();
    expect(items(o).map(([start]) => text.slice(start, text.indexOf('\n', start)))).toEqual([
      'Dec_GETTER(prec)', 'PyAPI_FUNC(int) PyType_Ready(PyTypeObject *);', 'static int same_line(void) { return 0; }', 'main() { return 0; }',
    ]);
    expect(o.calledFirst).toEqual([0]);
    expect(o.ragged).toEqual([]);
  });

  it('marks the items inside a conditional opened before them, not those that hold a whole conditional', () => {
    const text = [
      'int a;',
      '#ifdef X',
      'int b;',
      '#if Y',
      'int c;',
      '#endif',
      '#else',
      'int d;',
      '#endif',
      'int e(void)',
      '{',
      '#ifdef Z',
      '    return 1;',
      '#endif',
      '    return 0;',
      '}',
      'static int f[] = {',
      '#ifdef Z',
      '    1,',
      '#endif',
      '};',
      '',
    ].join('\n');
    const o = outline(text);
    expect(o.unsure).toBeUndefined();
    const names = o.conditioned.map((k) => text.slice(o.items[k * ITEM.size + ITEM.start], o.items[k * ITEM.size + ITEM.start] + 5));
    expect(names).toEqual(['int b', 'int c', 'int d']);
    expect(o.ragged).toEqual([]);
  });

  it('still sees every word of an unsure file', () => {
    const text = 'int f(a)\n    int a;\n{\n    return spam_word(a);\n}\n';
    const o = outline(text);
    expect(o.unsure).toBeDefined();
    expect(mayHaveWord(o.words, wordHash('spam_word'))).toBe(true);
  });
});

/** The facts of parts, compared where a whole parse has no error (where it
 * has, its error recovery may reach into items that parse cleanly alone). */
function sameAsWhole(parts: FileFacts, whole: FileFacts): void {
  const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
  expect(json(parts.tables)).toEqual(json(whole.tables));
  const byStart = new Map(whole.functions.map((f) => [f.range.start, f]));
  const headsOnly = new Set(parts.partial?.headsOnly ?? []);
  parts.functions.forEach((fn, i) => {
    const full = byStart.get(fn.range.start);
    expect(full, `function ${fn.name}`).toBeDefined();
    // A head read alone holds placeholders where the body's facts would be.
    if (headsOnly.has(i)) expect({ ...json(fn) as object, returns: 0, fallsOffEnd: 0, bodyIndent: 0, bodyIdentifiers: 0 }).toEqual({ ...json(full) as object, returns: 0, fallsOffEnd: 0, bodyIndent: 0, bodyIdentifiers: 0 });
    else expect(json(fn)).toEqual(json(full));
  });
  const macros = new Map(whole.macros.map((m) => [m.range.start, m]));
  for (const macro of parts.macros) expect(json(macro)).toEqual(json(macros.get(macro.range.start)));
}

describe('facts of parts are those of the whole file', () => {
  const files = corpusSources();

  it('covers the corpus', () => expect(files.length).toBeGreaterThan(50));

  it('for tables, every function head and every #define, on every corpus file', () => {
    let partial = 0;
    for (const { file, text } of files) {
      const o = outline(text);
      const parts = tableParts(o);
      if (o.unsure === undefined) {
        for (let k = 0; k < o.items.length / ITEM.size; k++) if (o.items[k * ITEM.size + ITEM.open] >= 0) parts.heads.add(k);
        o.defines.forEach((_, d) => parts.defines.add(d));
      }
      if (isEmpty(parts)) continue;
      const whole = extractFacts(file, text);
      const got = extractFacts(file, text, partRanges(o, parts));
      expect(got.partial, file).toBeDefined();
      // Read from a whole parse (unsure, ragged, or an error in the parts): exactly the whole facts.
      if (got.partial!.parsedWhole || whole.parseErrors.length === 0) sameAsWhole(got, whole);
      // Parts parsed alone, compared with the whole file's facts.
      if (!got.partial!.parsedWhole && whole.parseErrors.length === 0) partial++;
    }
    expect(partial).toBeGreaterThan(files.length / 3);
  });

  it('reads a #define inside the body of a function read head only', () => {
    const text = 'static PyObject *\nf(PyObject *self)\n{\n    int x = 1;\n#define INNER(a) ((a) + 1)\n    return NULL;\n}\n';
    const o = outline(text);
    const parts = noParts();
    parts.heads.add(0);
    parts.defines.add(0);
    const got = extractFacts('x.c', text, partRanges(o, parts));
    expect(got.partial?.headsOnly).toEqual([0]);
    expect(got.partial?.parsedWhole, 'read from the parse of the parts, not the whole file').toBeUndefined();
    expect(got.macros.map((m) => m.name)).toEqual(['INNER']);
    sameAsWhole(got, extractFacts('x.c', text));
  });

  it('joins the facts of a later parse of more parts as one parse of both would give', () => {
    let compared = 0;
    for (const { file, text } of files) {
      const o = outline(text);
      if (o.unsure !== undefined) continue;
      const heads: Parts = noParts();
      const tables = tableParts(o);
      for (let k = 0; k < o.items.length / ITEM.size; k++) if (o.items[k * ITEM.size + ITEM.open] >= 0 && !tables.items.has(k)) heads.heads.add(k);
      if (isEmpty(tables) || isEmpty(heads)) continue;
      const first = extractFacts(file, text, partRanges(o, tables));
      const second = extractFacts(file, text, partRanges(o, heads));
      const both = noParts();
      for (const k of tables.items) both.items.add(k);
      for (const k of heads.heads) both.heads.add(k);
      const once = extractFacts(file, text, partRanges(o, both));
      if (first.partial!.parsedWhole || second.partial!.parsedWhole || once.partial!.parsedWhole) continue;
      const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
      expect(json(mergeFacts(first, second)), file).toEqual(json(once));
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });
});
