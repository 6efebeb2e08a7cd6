import { describe, expect, it } from 'vitest';
import { protocolSlot } from '../../rules/protocol-slot.js';
import { expectationsOf, findingsOf, rawExpectationsOf } from './support.js';

const slots = (source: string) => expectationsOf(protocolSlot, source).map((e) => ('field' in e ? `${e.field}:${e.func}:${e.typedef}` : e.warning));

describe('protocol-slot', () => {
  it('reads a positional PyNumberMethods in CPython field order', () => {
    const source = `
static PyNumberMethods Vec_as_number = {
    vec_add,                /* nb_add */
    vec_sub,                /* nb_subtract */
    0,                      /* nb_multiply */
    0,                      /* nb_remainder */
    0,                      /* nb_divmod */
    (ternaryfunc)vec_pow,   /* nb_power */
    vec_neg,                /* nb_negative */
    0,                      /* nb_positive */
    0,                      /* nb_absolute */
    (inquiry)vec_bool,      /* nb_bool */
    0, 0, 0, 0, 0, 0,       /* nb_invert … nb_or */
    vec_int,                /* nb_int */
    0,                      /* nb_reserved */
    vec_float,              /* nb_float */
};`;
    expect(slots(source)).toEqual([
      'nb_add:vec_add:binaryfunc',
      'nb_subtract:vec_sub:binaryfunc',
      'nb_power:vec_pow:ternaryfunc',
      'nb_negative:vec_neg:unaryfunc',
      'nb_bool:vec_bool:inquiry',
      'nb_int:vec_int:unaryfunc',
      'nb_float:vec_float:unaryfunc',
    ]);
  });

  it('reads positional and designated sequence, mapping, async and buffer structs', () => {
    const source = `
static PySequenceMethods Seq_as_sequence = {
    .sq_length = seq_len,
    .sq_item = seq_item,
    .sq_ass_item = seq_ass_item,
    .sq_contains = seq_contains,
    .sq_repeat = seq_repeat,
};
static PyMappingMethods Seq_as_mapping = { seq_len, seq_subscript, seq_ass_subscript };
static PyAsyncMethods Seq_as_async = { seq_await, 0, seq_anext, seq_send };
static PyBufferProcs Seq_as_buffer = { .bf_releasebuffer = seq_release, .bf_getbuffer = seq_getbuffer };`;
    expect(slots(source)).toEqual([
      'sq_length:seq_len:lenfunc',
      'sq_repeat:seq_repeat:ssizeargfunc',
      'sq_item:seq_item:ssizeargfunc',
      'sq_ass_item:seq_ass_item:ssizeobjargproc',
      'sq_contains:seq_contains:objobjproc',
      'mp_length:seq_len:lenfunc',
      'mp_subscript:seq_subscript:binaryfunc',
      'mp_ass_subscript:seq_ass_subscript:objobjargproc',
      'am_await:seq_await:unaryfunc',
      'am_anext:seq_anext:unaryfunc',
      'am_send:seq_send:sendfunc',
      'bf_getbuffer:seq_getbuffer:getbufferproc',
      'bf_releasebuffer:seq_release:releasebufferproc',
    ]);
  });

  it('names a missing nb_power argument mod and casts with the slot typedef', () => {
    const source = `static PyNumberMethods n = { .nb_power = vec_pow };`;
    const [power] = rawExpectationsOf(protocolSlot, source);
    expect([power.what, power.call, power.addedNames, power.fieldTypedef]).toEqual(['nb_power slot', '(self, other, mod)', ['self', 'other', 'mod'], 'ternaryfunc']);
  });

  it('finds count and result mismatches, not pointer-only differences', () => {
    const source = `
static PyObject *vec_pow(PyObject *a, PyObject *b) { return NULL; }
static double vec_len(VecObject *self) { return 0; }
static long long vec_len64(VecObject *self) { return 0; }
static void vec_release(VecObject *self, Py_buffer *view) { }
static int vec_getbuffer(VecObject *self, Py_buffer *view) { return 0; }
static VecObject *vec_neg(VecObject *self) { return self; }
static long vec_contains(VecObject *self, VecObject *other) { return 0; }
static PyNumberMethods Vec_as_number = { .nb_power = vec_pow, .nb_negative = (unaryfunc)vec_neg };
static PySequenceMethods Vec_as_sequence = { .sq_length = (lenfunc)vec_len, .sq_contains = (objobjproc)vec_contains };
static PyMappingMethods Vec_as_mapping = { (lenfunc)vec_len64 };
static PyBufferProcs Vec_as_buffer = { (getbufferproc)vec_getbuffer, (releasebufferproc)vec_release };`;
    expect(findingsOf(protocolSlot, source)).toEqual([
      "error: nb_power slot 'vec_pow' takes 2 parameters; CPython calls it with 3 (self, other, mod)",
      "error: sq_length slot 'vec_len' returns double (f64); CPython expects Py_ssize_t (i32)",
      "error: mp_length slot 'vec_len64' returns long long (i64); CPython expects Py_ssize_t (i32)",
      "error: bf_getbuffer slot 'vec_getbuffer' takes 2 parameters; CPython calls it with 3 (self, view, flags)",
    ]);
  });
});
