// bytes → FileFacts: what the extractor records, with exact byte ranges.

import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract.js';
import { bytesToText } from '../../src/source/source-file.js';

const facts = (source: string) => extractFacts('t.c', source);
const at = (source: string, range: { start: number; end: number }) => source.slice(range.start, range.end);

describe('functions and prototypes', () => {
  const source = [
    'static PyObject *proto(PyObject *, PyObject *);',
    'static PyObject *',
    'f(PyObject *self, /* c */ PyObject *Py_UNUSED(ignored))',
    '{',
    '    int local = 0;',
    '    if (local) return;',
    '    return NULL;',
    '}',
    'void g(void) { h(); }',
    '',
  ].join('\n');
  const result = facts(source);

  it('records definitions with name, storage, parameters and body', () => {
    const [f, g] = result.functions;
    expect(f.name).toBe('f');
    expect(f.isStatic).toBe(true);
    expect(f.line).toBe(3);
    expect(f.paramList.params.map((p) => [p.name, p.ctype, p.wasm])).toEqual([
      ['self', 'PyObject *', 'i32'],
      ['ignored', 'PyObject *', 'i32'],
    ]);
    expect(at(source, f.paramList.range)).toBe('(PyObject *self, /* c */ PyObject *Py_UNUSED(ignored))');
    expect(f.paramList.comments.map((c) => at(source, c))).toEqual(['/* c */']);
    expect(f.result).toMatchObject({ ctype: 'PyObject *', wasm: 'i32' });
    expect(f.returns.map((r) => r.value?.text ?? null)).toEqual([null, 'NULL']);
    expect(f.fallsOffEnd).toBe(false);
    expect(f.bodyIndent).toBe('    ');
    expect(f.bodyIdentifiers).toEqual(expect.arrayContaining(['local']));
    expect(g.paramList.form).toBe('void');
    expect(g.result).toMatchObject({ wasm: 'void' });
    expect(at(source, g.result.specifierRange!)).toBe('void');
    expect(g.fallsOffEnd).toBe(true);
  });

  it('records prototypes, with unnamed parameters', () => {
    expect(result.prototypes).toHaveLength(1);
    expect(result.prototypes[0].paramList.params.map((p) => p.name)).toEqual([null, null]);
  });

  it('records direct calls with their arguments', () => {
    expect(result.calls.map((c) => [c.name, c.args.length])).toEqual([['h', 0]]);
  });
});

describe('tables', () => {
  it('maps positional, designated and head-macro initializers to fields', () => {
    const source = `
static PyMethodDef m[] = {
    {"a", (PyCFunction)(void(*)(void))fa, METH_VARARGS | METH_KEYWORDS, NULL},
    {.ml_flags = METH_O, .ml_meth = &fb, .ml_name = "b"},
    A_METHODDEF
    B(fc, METH_NOARGS),
    {NULL}
};
static PyTypeObject T = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "t.T", sizeof(int), 0,
    (destructor)t_dealloc,
    .tp_repr = t_repr,
};
static PyTypeObject Old = { PyObject_HEAD_INIT(NULL) "old", 0, 0, old_dealloc };
`;
    const [methods, type, old] = facts(source).tables;
    expect(methods.struct).toBe('PyMethodDef');
    expect(methods.entries).toHaveLength(5);
    const [a, b, macro, call] = methods.entries;
    expect(a.fields.ml_meth.func).toMatchObject({ name: 'fa', cast: 'laundered', castText: '(PyCFunction)(void(*)(void)){}' });
    expect(a.fields.ml_flags.text).toBe('METH_VARARGS | METH_KEYWORDS');
    expect(b.fields.ml_meth.func).toMatchObject({ name: 'fb', cast: 'address' });
    expect(b.fields.ml_flags.text).toBe('METH_O');
    expect(macro.macro).toMatchObject({ name: 'A_METHODDEF' });
    expect(call.macro).toMatchObject({ name: 'B', args: ['fc', 'METH_NOARGS'] });
    expect(type.entries[0].fields.tp_dealloc.func).toMatchObject({ name: 't_dealloc', cast: 'cast' });
    expect(type.entries[0].fields.tp_name.text).toBe('"t.T"');
    expect(type.entries[0].fields.tp_repr.func).toMatchObject({ name: 't_repr', cast: 'none' });
    expect(old.entries[0].fields.tp_dealloc.func?.name).toBe('old_dealloc');
  });

  it('finds tables declared with `struct` and inside functions', () => {
    const result = facts('void init(void) { static struct PyMethodDef local[] = {{"x", fx, METH_O, NULL}, {NULL}}; }');
    expect(result.tables.map((t) => [t.name, t.inFunction, t.entries.length])).toEqual([['local', 'init', 2]]);
  });
});

describe('uses, macros and errors', () => {
  it('records value uses with their context, but not locals', () => {
    const source = 'void f(void) { callback_t cb = g; int n = 0; x.tp_iternext = h; reg(k); n++; }';
    const uses = facts(source).uses.map((u) => [u.name, u.context, u.field ?? null]);
    expect(uses).toEqual(expect.arrayContaining([['g', 'initializer', null], ['h', 'assignment', 'tp_iternext'], ['k', 'argument', null]]));
    expect(uses.map((u) => u[0])).not.toContain('n');
  });

  it('records macros and the identifiers their bodies name', () => {
    const result = facts('#define CALL(o) do { reset(o); } while (0)\n#define FLAGS METH_O\n');
    expect(result.macros.map((m) => [m.name, m.params ?? null, m.body])).toEqual([
      ['CALL', ['o'], 'do { reset(o); } while (0)'],
      ['FLAGS', null, 'METH_O'],
    ]);
    expect(result.macroRefs.map((r) => r.name)).toEqual(expect.arrayContaining(['reset', 'o', 'METH_O']));
  });

  it('reports regions it cannot parse, including missing tokens', () => {
    const source = 'static PyObject *f PARAMS_BEGIN PyObject *self PARAMS_END { return 0; }\nint ok(void) { return 1; }\n';
    const result = facts(source);
    expect(result.parseErrors.length).toBeGreaterThan(0);
    expect(result.parseErrors.every((r) => r.end <= source.indexOf('int ok'))).toBe(true);
    expect(result.functions.map((f) => f.name)).toContain('ok');
  });
});

describe('byte offsets', () => {
  it('are byte offsets whatever the encoding before them', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('/* caf\u00e9 \u2014 ', 'utf8'),
      Buffer.from([0xe9, 0x00]),
      Buffer.from(' */\r\nstatic PyObject *f(PyObject *self) { return 0; }\r\n', 'latin1'),
    ]);
    const text = bytesToText(bytes);
    const fn = extractFacts('t.c', text).functions[0];
    expect(bytes.subarray(fn.paramList.range.start, fn.paramList.range.end).toString('latin1')).toBe('(PyObject *self)');
    expect(bytes.subarray(fn.nameRange.start, fn.nameRange.end).toString('latin1')).toBe('f');
  });

  it('parse files longer than the default input buffer', () => {
    const source = 'int x;\n'.repeat(10000) + 'static PyObject *last(PyObject *self) { return 0; }\n';
    expect(extractFacts('t.c', source).functions.map((f) => f.name)).toEqual(['last']);
  });
});
