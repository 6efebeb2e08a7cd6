// type-slot: functions in the tp_* slots of static PyTypeObject initializers
// whose signature is not the slot's typedef.

import type { TableRule } from '../src/check/types.js';
import { SLOT_FIX, SLOT_REFUSALS, WHY_SLOTS_TRAP, slotTableDocs, structFieldExpectations } from './slot-table.js';

export const typeSlot: TableRule = {
  kind: 'table',
  id: 'type-slot',
  structs: ['PyTypeObject'],
  summary: 'functions in the tp_* slots of a static PyTypeObject whose parameters or result do not match the slot\'s typedef',
  fix: 'appends missing parameters named by role, removes unused extra ones, makes void functions of int slots (tp_clear, tp_traverse, tp_init, …) return int (return 0), updates same-file prototypes, calls and entry casts',
  docs: `# type-slot

Finds the functions of a static \`PyTypeObject\` initializer whose signature
is not the typedef of the slot they fill. Positional initializers are read
in CPython's field order after \`PyVarObject_HEAD_INIT(type, size)\` or
\`PyObject_HEAD_INIT(type)\`, each of which fills the whole \`ob_base\` in
Python 3; designated ones (\`.tp_clear = f\`) by name. Every function slot
is checked:

${slotTableDocs(['PyTypeObject'])}

Types created from a spec are checked by \`spec-slot\`; the
\`tp_as_number\`, \`tp_as_sequence\`, … structs by \`protocol-slot\`.

${WHY_SLOTS_TRAP}

The usual mistakes: a \`tp_clear\` or \`tp_traverse\` written to return
\`void\`, a \`tp_dealloc\` with a second parameter, a \`tp_call\` without
\`kwargs\`, a \`tp_richcompare\` without \`op\`.

## Example

Before:

    static void
    Queue_clear(QueueObject *self)
    {
        if (self->items == NULL)
            return;
        Py_CLEAR(self->items);
    }

    static PyTypeObject Queue_Type = {
        PyVarObject_HEAD_INIT(NULL, 0)
        .tp_name = "queue.Queue",
        .tp_clear = (inquiry)Queue_clear,
        ...
    };

After \`fpcast fix\`:

    static int
    Queue_clear(QueueObject *self)
    {
        if (self->items == NULL)
            return 0;
        Py_CLEAR(self->items);
        return 0;
    }

An uncast entry whose function no longer matches the slot's declared type
gets the typedef as its cast (\`(destructor)\`, \`(inquiry)\`, …).

${SLOT_FIX}

${SLOT_REFUSALS}

\`PyObject_HEAD_INIT(NULL) 0,\` is Python 2's layout: in Python 3 the \`0\`
lands in \`tp_name\` and every later field is one slot off, so CPython calls
each function through its neighbour's typedef. fpcast reports such a type
as a warning (write \`PyVarObject_HEAD_INIT(NULL, 0)\`) and does not change
its functions.
`,
  expectations(entry, table) {
    return structFieldExpectations(this.id, entry, table, (field) => `${field} slot`);
  },
};
