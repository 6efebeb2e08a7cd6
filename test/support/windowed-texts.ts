// C texts that tree-sitter cannot read part by part as the outline
// promises, read in windows instead (src/extract/windows.ts): shared by the
// tests of windows and of the extraction pool.

/** Small functions around what a test is about, so that a window is far less than the file. */
export const fillers = (prefix: string, count: number): string =>
  Array.from({ length: count }, (_, k) => `static int\n${prefix}${k}(int x)\n{\n    return x + ${k};\n}\n`).join('\n');

/** A macro call without its `;` (CPython's _decimal.c writes getters so)
 * makes one item of itself and the function after it, `context_getround`. */
export const CALLED_FIRST = [
  fillers('before', 6),
  'Dec_CONTEXT_GET_SSIZE(prec)',
  'static PyObject *',
  'context_getround(PyObject *self, void *closure)',
  '{',
  '    return NULL;',
  '}',
  '',
  fillers('after', 6),
].join('\n');

/** A ragged item: a function (`spam`) whose conditional closes a brace in each branch. */
export const RAGGED = [
  fillers('before', 6),
  'static PyObject *',
  'spam(PyObject *self, PyObject *args)',
  '{',
  '    if (args != NULL) {',
  '#ifdef HAVE_ARGS',
  '        return NULL;',
  '    }',
  '#else',
  '        return args;',
  '    }',
  '#endif',
  '    return NULL;',
  '}',
  '',
  fillers('after', 6),
].join('\n');

/** A `#define` (`CHECK_REFCOUNT`) whose comment ends it early for
 * tree-sitter: the rest of its lines read as code and run on into whatever
 * range is parsed after it, here the head of `spam_get`, far below. */
export const EARLY_DEFINE_END = [
  fillers('before', 12),
  '#define CHECK_REFCOUNT() \\',
  '    do { \\',
  '        PyObject *obj = PyList_New(0); \\',
  '        /* the list is new */ \\',
  '        Py_DECREF(obj); \\',
  '    } while (0) \\',
  '',
  '',
  fillers('middle', 24),
  'static PyObject *',
  'spam_get(PyObject *self)',
  '{',
  '    return NULL;',
  '}',
  '',
  fillers('after', 24),
].join('\n');
