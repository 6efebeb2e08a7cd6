// The data the slot rules rest on is consistent, and each rule documents
// what it finds, why it traps, an example, and when it refuses.

import { describe, expect, it } from 'vitest';
import { FIELD_ROLES, FIELD_TYPEDEFS, MODULE_SLOTS, STRUCTS, TYPEDEFS, TYPE_SLOT_FIELDS, TYPE_SLOT_IDS } from '../../src/abi/cpython.js';
import { RULES, ruleById } from '../../rules/index.js';
import { slotTableDocs, spellSlot } from '../../rules/slot-table.js';

const SLOT_RULES = ['getset-signature', 'type-slot', 'spec-slot', 'protocol-slot', 'module-slot'];
const TYPE_STRUCTS = ['PyTypeObject', 'PyNumberMethods', 'PySequenceMethods', 'PyMappingMethods', 'PyAsyncMethods', 'PyBufferProcs'];

describe('slot data', () => {
  it('gives every function field of every struct a known typedef', () => {
    for (const layout of Object.values(STRUCTS)) {
      for (const field of layout.fields) if (field.typedef) expect(TYPEDEFS, `${layout.name}.${field.name}`).toHaveProperty([field.typedef]);
    }
  });

  it('maps every typeslots.h id to a field of PyTypeObject or a protocol struct, and back', () => {
    const fields = new Set(TYPE_STRUCTS.flatMap((s) => STRUCTS[s].fields.map((f) => f.name)));
    for (const [id, n] of Object.entries(TYPE_SLOT_IDS)) {
      // Py_tp_token (3.14) fills PyHeapTypeObject.ht_token: data, no PyTypeObject field.
      expect(fields.has(TYPE_SLOT_FIELDS[n]), id).toBe(id !== 'Py_tp_token');
      expect(`Py_${TYPE_SLOT_FIELDS[n]}`).toBe(id);
    }
    // Spot checks against typeslots.h.
    expect([TYPE_SLOT_IDS.Py_bf_getbuffer, TYPE_SLOT_IDS.Py_tp_repr, TYPE_SLOT_IDS.Py_tp_traverse, TYPE_SLOT_IDS.Py_am_send]).toEqual([1, 66, 71, 81]);
  });

  it('knows which module slots hold functions', () => {
    expect(Object.values(MODULE_SLOTS).filter((s) => s.typedef).map((s) => s.name)).toEqual(['Py_mod_create', 'Py_mod_exec']);
    for (const slot of Object.values(MODULE_SLOTS)) if (slot.typedef) expect(TYPEDEFS).toHaveProperty([slot.typedef]);
  });

  it('knows assigned slot fields by their prefixed names only, not the plain get/set of PyGetSetDef', () => {
    expect(FIELD_TYPEDEFS).toMatchObject({ tp_iternext: 'iternextfunc', nb_add: 'binaryfunc', m_clear: 'inquiry', bf_getbuffer: 'getbufferproc' });
    expect(FIELD_TYPEDEFS).not.toHaveProperty('get');
    expect(FIELD_TYPEDEFS).not.toHaveProperty('set');
  });

  it('names as many parameters as each overridden slot takes', () => {
    for (const [field, roles] of Object.entries(FIELD_ROLES)) {
      expect(roles.length, field).toBe(TYPEDEFS[FIELD_TYPEDEFS[field]].params.length);
    }
  });

  it('spells a slot signature in C with CPython parameter names', () => {
    expect(spellSlot('tp_call', 'ternaryfunc')).toBe('PyObject *tp_call(PyObject *self, PyObject *args, PyObject *kwargs)');
    expect(spellSlot('tp_traverse', 'traverseproc')).toBe('int tp_traverse(PyObject *self, visitproc visit, void *arg)');
    expect(spellSlot('m_free', 'freefunc')).toBe('void m_free(void *module)');
  });
});

describe('slot rule documentation', () => {
  it('registers every slot rule', () => {
    expect(RULES.map((r) => r.id)).toEqual(expect.arrayContaining(SLOT_RULES));
  });

  for (const id of SLOT_RULES) {
    it(`${id} says what it finds, why it traps, shows an example and when it refuses`, () => {
      const rule = ruleById(id)!;
      expect(rule.summary).not.toMatch(/\n/);
      expect(rule.fix).not.toMatch(/\n/);
      expect(rule.docs).toMatch(new RegExp(`^# ${id}\n`));
      for (const heading of ['## Why it traps', '## Example', '## When it refuses']) expect(rule.docs).toContain(heading);
      expect(rule.docs).toMatch(/Before:[\s\S]*After `fpcast fix`:/);
    });
  }

  it('lists every function field of a struct in its table', () => {
    const table = slotTableDocs(['PyTypeObject']);
    const functionFields = STRUCTS.PyTypeObject.fields.filter((f) => f.typedef);
    expect(table.split('\n')).toHaveLength(functionFields.length + 2);
    expect(table).toContain('| `tp_clear` | `inquiry` | `int tp_clear(PyObject *self)` |');
  });
});
