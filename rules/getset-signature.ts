// getset-signature: PyGetSetDef getters and setters whose signature is not
// the getter / setter typedef CPython calls them through.

import type { TableRule } from '../src/check/types.js';
import { SLOT_FIX, SLOT_REFUSALS, WHY_SLOTS_TRAP, slotTableDocs, structFieldExpectations } from './slot-table.js';

const WHAT: Record<string, string> = { get: 'getter', set: 'setter' };

export const getsetSignature: TableRule = {
  kind: 'table',
  id: 'getset-signature',
  structs: ['PyGetSetDef'],
  summary: 'PyGetSetDef getters and setters that do not take (self, [value,] void *closure) or a setter that does not return int',
  fix: 'appends void *Py_UNUSED(closure) (and a setter\'s value), makes void setters return int (return 0), updates same-file prototypes and calls, casts an uncast entry to (getter)/(setter) where needed',
  docs: `# getset-signature

Finds \`PyGetSetDef\` entries, positional or designated, whose getter or
setter does not have the signature CPython calls it through:

${slotTableDocs(['PyGetSetDef'])}

The \`closure\` argument is passed on every call, NULL or not.

${WHY_SLOTS_TRAP}

A getter written without \`closure\` traps on the first attribute read, a
setter without it (or returning \`void\`) on the first assignment.

## Example

Before:

    static PyObject *
    Point_get_x(PointObject *self)
    { return PyFloat_FromDouble(self->x); }

    static void
    Point_set_x(PointObject *self, PyObject *value, void *closure)
    { self->x = PyFloat_AsDouble(value); }

    static PyGetSetDef Point_getset[] = {
        {"x", (getter)Point_get_x, (setter)Point_set_x, "x coordinate", NULL},
        {NULL}
    };

After \`fpcast fix\`:

    static PyObject *
    Point_get_x(PointObject *self, void *Py_UNUSED(closure))
    { return PyFloat_FromDouble(self->x); }

    static int
    Point_set_x(PointObject *self, PyObject *value, void *closure)
    { self->x = PyFloat_AsDouble(value); return 0; }

An uncast entry whose function no longer matches the field's declared type
gets \`(getter)\` or \`(setter)\`.

${SLOT_FIX}

${SLOT_REFUSALS}
`,
  expectations(entry, table) {
    return structFieldExpectations(this.id, entry, table, (field) => WHAT[field]);
  },
};
