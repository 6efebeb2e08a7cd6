// spec-slot: PyType_Slot arrays ({Py_tp_repr, f}, {Py_nb_add, g}, …) whose
// function does not have the signature of the slot its id names.

import { TYPE_SLOT_FIELDS, fieldTypedefOf } from '../src/abi/cpython.js';
import type { TableRule } from '../src/check/types.js';
import { SLOT_FIX, SLOT_REFUSALS, WHY_SLOTS_TRAP, slotArrayExpectations, type SlotArray } from './slot-table.js';

const TYPE_SLOTS: SlotArray = {
  idField: 'slot',
  valueField: 'pfunc',
  kind: 'type slot',
  slotOf(id) {
    if (!Object.hasOwn(TYPE_SLOT_FIELDS, id)) return undefined;
    const field = TYPE_SLOT_FIELDS[id];
    return { name: `Py_${field}`, slot: field, typedef: fieldTypedefOf(field) };
  },
};

export const specSlot: TableRule = {
  kind: 'table',
  id: 'spec-slot',
  structs: ['PyType_Slot'],
  summary: 'PyType_Slot entries ({Py_tp_*, f}, {Py_nb_*, f}, …) whose function does not match the typedef of the slot its id names',
  fix: 'appends missing parameters named by role, removes unused extra ones, makes void functions of int slots return int (return 0), updates same-file prototypes and calls; never casts (pfunc is void *)',
  docs: `# spec-slot

Finds \`PyType_Slot\` entries of the arrays passed to \`PyType_FromSpec\` and
friends whose function does not have the signature of the slot its id names.
The id is read as CPython's typeslots.h number, written as \`Py_tp_repr\`, a
number, or a macro that expands to one; \`{Py_nb_add, f}\` expects
\`binaryfunc\`, \`{Py_tp_clear, f}\` \`inquiry\`, and so on for every \`Py_tp_*\`,
\`Py_nb_*\`, \`Py_sq_*\`, \`Py_mp_*\`, \`Py_am_*\` and \`Py_bf_*\` id (the
signatures are listed by \`fpcast rules type-slot\` and
\`fpcast rules protocol-slot\`). Ids of data slots (\`Py_tp_doc\`,
\`Py_tp_methods\`, \`Py_tp_members\`, \`Py_tp_getset\`, \`Py_tp_base\`,
\`Py_tp_bases\`, \`Py_tp_token\`) are skipped.

\`pfunc\` is declared \`void *\`, so no compiler ever warns about these entries.

${WHY_SLOTS_TRAP}

## Example

Before:

    static void
    Node_traverse(NodeObject *self, visitproc visit, void *arg)
    {
        Py_VISIT(self->child);
    }

    static PyType_Slot Node_slots[] = {
        {Py_tp_traverse, Node_traverse},
        {0, NULL},
    };

After \`fpcast fix\`:

    static int
    Node_traverse(NodeObject *self, visitproc visit, void *arg)
    {
        Py_VISIT(self->child);
        return 0;
    }

${SLOT_FIX} Entries never get a cast: \`pfunc\` is \`void *\`.

${SLOT_REFUSALS}

A slot id fpcast cannot evaluate, or a number CPython does not define, is
reported as a warning and the entry is not checked.
`,
  expectations(entry, table, ctx) {
    return slotArrayExpectations(this.id, entry, table, ctx, TYPE_SLOTS);
  },
};
