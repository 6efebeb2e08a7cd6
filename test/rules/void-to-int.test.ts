// A void function in a slot CPython reads an int from: which ones the fix
// turns into `int … return 0;` and which it leaves to a human.

import { describe, expect, it } from 'vitest';
import { changed } from './support.js';

const change = (source: string) => changed(source, 'inquiry');

describe('void → int', () => {
  it('turns bare returns into return 0 and closes a body that falls off its end', () => {
    expect(change('static void f(PyObject *self)\n{\n    if (x == NULL)\n        return;\n    g();\n}\n')).toBe(
      'static int f(PyObject *self)\n{\n    if (x == NULL)\n        return 0;\n    g();\n    return 0;\n}\n',
    );
  });

  it('adds nothing after a final return', () => {
    expect(change('static void f(PyObject *self) { g(); return; }')).toBe('static int f(PyObject *self) { g(); return 0; }');
  });

  it('refuses a bare return after a failure test', () => {
    expect(change('static void f(PyObject *m)\n{\n    if (PyModule_AddIntConstant(m, "X", 1) < 0)\n        return;\n}\n')).toBe(
      "manual: 'f' leaves with 'return;' after 'if (PyModule_AddIntConstant(m, \"X\", 1) < 0)', which may be a failure (-1 to CPython) rather than a success (0); that return needs a human",
    );
    expect(change('static void f(PyObject *m) { if (g(m) == -1) { return; } h(); }')).toMatch(/^manual: 'f' leaves with 'return;' after 'if \(g\(m\) == -1\) \{'/);
  });

  it('refuses a function that raises before a bare return', () => {
    expect(change('static void f(PyObject *o)\n{\n    if (!ok(o)) {\n        PyErr_SetString(PyExc_ValueError, "bad");\n        return;\n    }\n    use(o);\n}\n')).toMatch(
      /^manual: 'f' sets or checks a Python error and leaves early with 'return;'/,
    );
  });

  it('fixes a function that calls PyErr_ functions but never leaves early', () => {
    expect(change('static void f(PyObject *o) { PyErr_Clear(); }')).toBe('static int f(PyObject *o) { PyErr_Clear(); return 0; }');
  });

  it('refuses a void function that returns a value', () => {
    expect(change('static void f(PyObject *o) { return g(o); }')).toBe("manual: 'f' returns void but has 'return g(o);'; what it should return needs a human");
  });
});
