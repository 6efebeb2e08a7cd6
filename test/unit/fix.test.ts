// Planning edits: layout-preserving parameter edits, calls, results, and
// where a wrapper goes (the edit applier's safety: test/robustness/edits.test.ts).

import { describe, expect, it } from 'vitest';
import { methArity } from '../../rules/meth-arity.js';
import { check } from '../../src/check/check.js';
import { extractFacts } from '../../src/extract/extract.js';
import { applyEdits } from '../../src/fix/edits.js';
import { appendArgs, appendParams, removeArgs, removeParams } from '../../src/fix/layout.js';
import { plan } from '../../src/fix/plan.js';
import { link } from '../../src/index/link.js';
import { changed } from '../rules/support.js';

const fn = (source: string) => extractFacts('t.c', source).functions[0];

describe('appendParams', () => {
  it('appends inline lists inline, after a trailing comment', () => {
    const source = 'int f(int a /* x */) {}';
    expect(applyEdits(source, appendParams(fn(source).paramList, ['int b'], source))).toBe('int f(int a /* x */, int b) {}');
  });

  it('keeps one parameter per line, with the line ending of that line', () => {
    const source = 'int f(int a,\r\n      int b)\r\n{}';
    expect(applyEdits(source, appendParams(fn(source).paramList, ['int c', 'int d'], source))).toBe('int f(int a,\r\n      int b,\r\n      int c,\r\n      int d)\r\n{}');
  });

  it('writes the whole list for (void) and ()', () => {
    for (const source of ['int f(void) {}', 'int f() {}']) {
      expect(applyEdits(source, appendParams(fn(source).paramList, ['int a', 'int b'], source))).toBe('int f(int a, int b) {}');
    }
  });
});

describe('removeParams and call edits', () => {
  it('removes trailing parameters, refusing when a comment would go with them', () => {
    const source = 'int f(int a, int b, int c) {}';
    expect(applyEdits(source, removeParams(fn(source).paramList, 1) as never)).toBe('int f(int a) {}');
    const commented = 'int f(int a, /* keep */ int b) {}';
    expect(removeParams(fn(commented).paramList, 1)).toBe('a comment sits among the parameters to remove');
  });

  it('adds and drops call arguments, refusing to drop side effects', () => {
    const source = 'void g(void) { f(x); f(); h(y, z++); h(y, NULL); }';
    const calls = extractFacts('t.c', source).calls;
    expect(applyEdits(source, [...appendArgs(calls[0], ['NULL']), ...appendArgs(calls[1], ['NULL', 'NULL'])])).toBe('void g(void) { f(x, NULL); f(NULL, NULL); h(y, z++); h(y, NULL); }');
    expect(removeArgs(calls[2], 1)).toBe("the argument 'z++' may have a side effect");
    expect(applyEdits(source, removeArgs(calls[3], 1) as never)).toBe('void g(void) { f(x); f(); h(y, z++); h(y); }');
  });
});

describe('signatureChange', () => {
  it('adds getter closures and named roles', () => {
    expect(changed('static PyObject *get_x(Obj *self) { return 0; }', 'getter')).toBe('static PyObject *get_x(Obj *self, void *Py_UNUSED(closure)) { return 0; }');
  });

  it('turns a void slot into an int one: return; → return 0; and a final return 0;', () => {
    const source = 'static void\nclear(PyObject *self)\n{\n    if (!self)\n        return;\n    cleanup(self);\n}\n';
    expect(changed(source, 'inquiry')).toBe('static int\nclear(PyObject *self)\n{\n    if (!self)\n        return 0;\n    cleanup(self);\n    return 0;\n}\n');
  });

  it('does not add a return after a final return', () => {
    expect(changed('void c(PyObject *s) { return; }', 'inquiry')).toBe('int c(PyObject *s) { return 0; }');
  });

  it('refuses what is not mechanical', () => {
    expect(changed('PyObject *f(PyObject *s) { return 0; }', 'destructor')).toMatch(/^manual: 'f' returns PyObject \* where CPython expects void/);
    expect(changed('PyObject *f(PyObject *s, double d) { return 0; }', 'binaryfunc')).toMatch(/^manual: parameter 2 'd' is double \(f64\)/);
    expect(changed('PyObject *f(PyObject *s, PyObject *a, PyObject *k) { return k; }', 'PyCFunction')).toBe("manual: parameter 'k' is used in the body, but CPython never passes it");
    expect(changed('PyObject *f(const char *fmt, ...) { return 0; }', 'PyCFunction')).toBe("manual: 'f' is variadic");
  });

  it('never shadows a name the function uses', () => {
    expect(changed('PyObject *f(PyObject *s) { int ignored = 0; return 0; }', 'PyCFunction', ['self', 'ignored'])).toBe(
      'PyObject *f(PyObject *s, PyObject *Py_UNUSED(ignored2)) { int ignored = 0; return 0; }',
    );
  });
});

/** `source` after `fix --strategy wrapper` with meth-arity. */
function wrapped(source: string): string {
  const index = link([extractFacts('m.c', source)]);
  const [planned] = plan(check(index, [methArity]), index, () => source, { unusedParam: 'Py_UNUSED({name})', strategy: 'wrapper' });
  return applyEdits(source, planned.fix!.edits);
}

describe('wrapper placement', () => {
  // `f` is also stored in a pointer: changing it could break that use, so it gets a wrapper.
  const FUNC = 'static PyObject *f(PyObject *self) { return self; }\nstatic void *keep = (void *)f;\n';
  const TABLE = 'static PyMethodDef m[] = {\n    {"f", (PyCFunction)f, METH_NOARGS, NULL},\n    {NULL}\n};\n';
  const WRAPPER = '/* METH_NOARGS method wrapper: CPython calls it (self, NULL). */\nstatic PyObject *\nf_noargs(PyObject *self, PyObject *Py_UNUSED(ignored))\n{\n    return f(self);\n}\n\n';
  const WRAPPED_TABLE = TABLE.replace('(PyCFunction)f,', '(PyCFunction)f_noargs,');

  it('goes at the start of the line the table begins', () => {
    expect(wrapped(`${FUNC}  ${TABLE}`)).toBe(`${FUNC}${WRAPPER}  ${WRAPPED_TABLE}`);
  });

  it('goes right before a table that follows the end of a comment on its line, not inside the comment', () => {
    const comment = '/* the method\n   table */ ';
    expect(wrapped(`${FUNC}${comment}${TABLE}`)).toBe(`${FUNC}${comment}${WRAPPER}${WRAPPED_TABLE}`);
  });
});
