import { describe, expect, it } from 'vitest';
import { getsetSignature } from '../../rules/getset-signature.js';
import { expectationsOf, findingsOf, rawExpectationsOf } from './support.js';

const FUNCS = `
typedef struct { PyObject_HEAD double x; } PointObject;
static PyObject *get_x(PointObject *self) { return NULL; }
static void set_x(PointObject *self, PyObject *value, void *closure) { return; }
static PyObject *get_y(PointObject *self, void *closure) { return NULL; }
static int set_y(PyObject *self, PyObject *value, void *Py_UNUSED(closure)) { return 0; }
`;

describe('getset-signature', () => {
  it('expects getter and setter of a positional entry', () => {
    const source = `${FUNCS}
static PyGetSetDef point_getset[] = {
    {"x", (getter)get_x, (setter)set_x, "x coordinate", NULL},
    {NULL}
};`;
    expect(expectationsOf(getsetSignature, source)).toEqual([
      { field: 'get', func: 'get_x', typedef: 'getter', what: 'getter', call: '(self, closure)', fieldTypedef: 'getter' },
      { field: 'set', func: 'set_x', typedef: 'setter', what: 'setter', call: '(self, value, closure)', fieldTypedef: 'setter' },
    ]);
  });

  it('expects only the fields a designated entry names', () => {
    const source = `${FUNCS}
static PyGetSetDef point_getset[] = {
    {.name = "y", .set = set_y, .doc = "y"},
    {.get = get_y, .name = "y2"},
    {NULL}
};`;
    expect(expectationsOf(getsetSignature, source).map((e) => 'field' in e && `${e.field}:${e.func}`)).toEqual(['set:set_y', 'get:get_y']);
  });

  it('finds a getter without closure and a setter returning void, not the correct ones', () => {
    const source = `${FUNCS}
static PyGetSetDef point_getset[] = {
    {"x", (getter)get_x, (setter)set_x, NULL, NULL},
    {"y", (getter)get_y, (setter)set_y, NULL, NULL},
    {NULL}
};`;
    expect(findingsOf(getsetSignature, source)).toEqual([
      "error: getter 'get_x' takes 1 parameter; CPython calls it with 2 (self, closure)",
      "error: setter 'set_x' returns void; CPython expects int (i32)",
    ]);
  });

  it('names the added parameter closure', () => {
    const source = `${FUNCS}
static PyGetSetDef g[] = { {"x", (getter)get_x, NULL, NULL, NULL}, {NULL} };`;
    expect(rawExpectationsOf(getsetSignature, source)[0].addedNames).toEqual(['self', 'closure']);
  });

  it('does not report pointer-only differences', () => {
    const source = `
static PyObject *get_a(struct Point *self, const char *closure) { return NULL; }
static long set_a(PointObject *self, PyObject *value, PyGetSetDef *closure) { return 0; }
static PyGetSetDef g[] = { {"a", (getter)get_a, (setter)set_a, NULL, NULL}, {NULL} };`;
    expect(findingsOf(getsetSignature, source)).toEqual([]);
  });

  it('finds a setter whose value parameter has another wasm type', () => {
    const source = `
static int set_d(PyObject *self, double value, void *closure) { return 0; }
static PyGetSetDef g[] = { {"d", NULL, (setter)set_d, NULL, NULL}, {NULL} };`;
    expect(findingsOf(getsetSignature, source)).toEqual([
      "error: setter 'set_d' parameter 2 'value' is double (f64); CPython passes PyObject * (i32)",
    ]);
  });
});
