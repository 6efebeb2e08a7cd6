// The ABI fact: C spellings → wasm32 value types, and how signatures compare.

import { describe, expect, it } from 'vitest';
import { METH_SHAPE_NEUTRAL, METH_SHAPES, STRUCTS, TYPEDEFS } from '../../src/abi/cpython.js';
import { normalizeCType, scalarWasmType } from '../../src/abi/wasm.js';
import { compareSig, describeMismatches, expectedSig, sameType, wasmSigOf } from '../../src/check/signature.js';
import { extractFacts } from '../../src/extract/extract.js';

describe('scalarWasmType', () => {
  it.each([
    ['int', 'i32'], ['unsigned long', 'i32'], ['Py_ssize_t', 'i32'], ['Py_hash_t', 'i32'], ['size_t', 'i32'],
    ['const int', 'i32'], ['enum color', 'i32'], ['long long', 'i64'], ['int64_t', 'i64'],
    ['unsigned long long int', 'i64'], ['float', 'f32'], ['double', 'f64'], ['const double', 'f64'],
    ['MyStruct', 'unknown'], ['long double', 'unknown'],
  ])('%s is %s', (ctype, wasm) => {
    expect(scalarWasmType(ctype)).toBe(wasm);
  });
});

describe('normalizeCType', () => {
  it('spells pointers one way', () => {
    expect(normalizeCType('PyObject*')).toBe('PyObject *');
    expect(normalizeCType('PyObject  *  const *')).toBe('PyObject *const *');
    expect(normalizeCType('PyObject**')).toBe('PyObject **');
  });
});

describe('CPython data', () => {
  it('gives every function field of every struct a known typedef', () => {
    let fields = 0;
    for (const layout of Object.values(STRUCTS)) {
      for (const field of layout.fields) {
        if (!field.typedef) continue;
        fields++;
        expect(TYPEDEFS[field.typedef], `${layout.name}.${field.name}`).toBeDefined();
      }
    }
    expect(fields).toBeGreaterThan(50);
  });

  it('maps every METH shape to a typedef with one parameter per name', () => {
    for (const shape of Object.values(METH_SHAPES)) {
      expect(TYPEDEFS[shape.typedef].params.length, shape.label).toBe(shape.addedNames.length);
    }
    expect(METH_SHAPES[0x4 | 0x10 & ~METH_SHAPE_NEUTRAL].label).toBe('METH_NOARGS');
  });
});

function definition(source: string) {
  return extractFacts('t.c', source).functions[0];
}

describe('wasm signatures of definitions', () => {
  it('treats any pointer as i32 and ignores the pointee', () => {
    const fn = definition('static PyObject *f(MyObject *self, PyObject *Py_UNUSED(ignored)) { return 0; }');
    expect(wasmSigOf(fn)).toEqual({ params: ['i32', 'i32'], result: 'i32' });
    expect(compareSig(wasmSigOf(fn), expectedSig(TYPEDEFS.PyCFunction))).toEqual([]);
  });

  it('counts (void) and () as zero parameters', () => {
    expect(wasmSigOf(definition('PyObject *f(void) { return 0; }')).params).toEqual([]);
    expect(wasmSigOf(definition('PyObject *f() { return 0; }')).params).toEqual([]);
  });

  it('gives a variadic function its fixed parameters plus the varargs pointer', () => {
    expect(wasmSigOf(definition('int f(const char *fmt, ...) { return 0; }')).params).toEqual(['i32', 'i32']);
  });

  it('types scalars, function pointers and arrays', () => {
    const fn = definition('void f(double d, long long n, int (*cb)(int), char *argv[], float x) {}');
    expect(wasmSigOf(fn)).toEqual({ params: ['f64', 'i64', 'i32', 'i32', 'f32'], result: 'void' });
  });

  it('reports count, parameter type and result mismatches, but not unknown types', () => {
    const expected = expectedSig(TYPEDEFS.setter);
    expect(compareSig({ params: ['i32'], result: 'void' }, expected)).toEqual([
      { kind: 'count', actual: 1, expected: 3 },
      { kind: 'result', actual: 'void', expected: 'i32' },
    ]);
    expect(compareSig({ params: ['i32', 'f64', 'i32'], result: 'i32' }, expected)).toEqual([
      { kind: 'param', index: 1, actual: 'f64', expected: 'i32' },
    ]);
    expect(compareSig({ params: ['i32', 'unknown', 'i32'], result: 'unknown' }, expected)).toEqual([]);
    expect(compareSig({ params: ['i32', 'i32', 'i32'], result: 'i64' }, expected)).toEqual([
      { kind: 'result', actual: 'i64', expected: 'i32' },
    ]);
  });

  it('takes an unknown type as no evidence of a mismatch, against void too', () => {
    expect(sameType('unknown', 'void')).toBe(true);
    expect(sameType('void', 'unknown')).toBe(true);
    expect(sameType('unknown', 'i64')).toBe(true);
    expect(sameType('i32', 'void')).toBe(false);
    expect(sameType('f64', 'i32')).toBe(false);
    expect(compareSig({ params: ['i32'], result: 'unknown' }, expectedSig(TYPEDEFS.destructor))).toEqual([]);
    expect(compareSig({ params: ['i32'], result: 'void' }, { params: ['i32'], result: 'unknown' })).toEqual([]);
  });

  it('does not compare a result type written through a project macro', () => {
    for (const source of ['static EXPORTAPI(void) f(PyObject *self) {}', 'static MY_INLINE void f(PyObject *self) {}']) {
      const fn = definition(source);
      expect(fn.result.wasm, source).toBe('unknown');
      expect(compareSig(wasmSigOf(fn), expectedSig(TYPEDEFS.destructor)), source).toEqual([]);
    }
    // A result it can read still counts.
    expect(compareSig(wasmSigOf(definition('static int f(PyObject *self) { return 0; }')), expectedSig(TYPEDEFS.destructor))).toEqual([
      { kind: 'result', actual: 'i32', expected: 'void' },
    ]);
  });

  it('describes a mismatch the way the README shows', () => {
    const fn = definition('static PyObject *spam_clear(PyObject *self) { return 0; }');
    const message = describeMismatches('METH_NOARGS method', 'spam_clear', fn, TYPEDEFS.PyCFunction, '(self, NULL)', compareSig(wasmSigOf(fn), expectedSig(TYPEDEFS.PyCFunction)));
    expect(message).toBe("METH_NOARGS method 'spam_clear' takes 1 parameter; CPython calls it with 2 (self, NULL)");
  });
});
