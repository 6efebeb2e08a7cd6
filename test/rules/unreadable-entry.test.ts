// Entries whose fields cannot be told apart (a preprocessor conditional
// between them, a Python 2 type layout) are a warning for every rule, never
// an expectation read from the wrong text.

import { describe, expect, it } from 'vitest';
import { getsetSignature } from '../../rules/getset-signature.js';
import { methArity } from '../../rules/meth-arity.js';
import { specSlot } from '../../rules/spec-slot.js';
import { check } from '../../src/check/check.js';
import { extractFacts } from '../../src/extract/extract.js';
import { plan } from '../../src/fix/plan.js';
import { link } from '../../src/index/link.js';
import { findingsOf } from './support.js';

const SPLIT_METHOD = `
static PyObject *parse(PyObject *self, PyObject *args) { return args; }
static PyMethodDef m[] = {
    {"parse", (PyCFunction)parse,
#ifdef METH_FASTCALL
     METH_VARARGS,
#else
     METH_VARARGS,
#endif
     NULL},
    {NULL, NULL, 0, NULL}
};`;

describe('an entry split by a preprocessor conditional', () => {
  it('is a warning for meth-arity, not flags read from the directive', () => {
    expect(findingsOf(methArity, SPLIT_METHOD)).toEqual([
      "warning: cannot tell which fields of an entry of 'm' hold what: part of its initializer does not parse (a preprocessor conditional or a macro between fields?); its functions were not checked",
    ]);
  });

  it('is nothing for an entry that names no function (a sentinel missing a comma)', () => {
    const source = `
static PyObject *spam_get(PyObject *self, PyObject *Py_UNUSED(ignored)) { return NULL; }
static PyMethodDef m[] = {
    {"get", (PyCFunction)spam_get, METH_NOARGS, NULL},
    {NULL, NULL, 0 0}
};
static PyType_Slot s[] = {
    {0 0}
};`;
    const facts = extractFacts('m.c', source);
    expect(facts.parseErrors.length).toBeGreaterThan(0);
    expect(check(link([facts]), [methArity, specSlot]).findings).toEqual([]);
  });

  it('leaves the functions it names unjudged, so another entry cannot have them changed', () => {
    const source = `
static PyObject *get_size(PyObject *self, void *closure) { return NULL; }
static PyGetSetDef g[] = {
    {"size", (getter)get_size,
#ifdef READ_ONLY
     NULL,
#else
     (setter)set_size,
#endif
     NULL, NULL},
    {NULL}
};
static PyMethodDef m[] = {
    {"size", (PyCFunction)get_size, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};`;
    const index = link([extractFacts('m.c', source)]);
    const result = check(index, [methArity, getsetSignature]);
    expect(result.unjudged.map((u) => u.func)).toContain('get_size');
    const [planned] = plan(result, index, () => source, { unusedParam: 'Py_UNUSED({name})', strategy: 'refuse' });
    expect(planned.fix).toBeUndefined();
    expect(planned.refusal?.reason).toBe('conflict');
  });
});
