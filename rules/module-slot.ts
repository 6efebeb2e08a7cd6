// module-slot: PyModuleDef's m_traverse / m_clear / m_free and the
// Py_mod_create / Py_mod_exec entries of PyModuleDef_Slot arrays whose
// function does not have the signature CPython calls it through.

import { MODULE_SLOTS } from '../src/abi/cpython.js';
import type { TableRule } from '../src/check/types.js';
import {
  SLOT_FIX, SLOT_REFUSALS, WHY_SLOTS_TRAP, slotArrayExpectations, slotTableDocs, spellSlot, structFieldExpectations,
  type SlotArray,
} from './slot-table.js';

const MODULE_SLOT_ARRAY: SlotArray = {
  idField: 'slot',
  valueField: 'value',
  kind: 'module slot',
  slotOf(id) {
    if (!Object.hasOwn(MODULE_SLOTS, id)) return undefined;
    const { name, typedef } = MODULE_SLOTS[id];
    return { name, slot: name, typedef };
  },
};

export const moduleSlot: TableRule = {
  kind: 'table',
  id: 'module-slot',
  structs: ['PyModuleDef', 'PyModuleDef_Slot'],
  summary: 'PyModuleDef m_traverse/m_clear/m_free functions and Py_mod_create/Py_mod_exec slots whose parameters or result do not match',
  fix: 'appends missing parameters named by role, removes unused extra ones, makes void m_clear/m_traverse/Py_mod_exec functions return int (return 0), updates same-file prototypes, calls and entry casts',
  docs: `# module-slot

Finds the functions of a \`PyModuleDef\` (positional or designated) and of
its \`PyModuleDef_Slot\` array whose signature is not the one CPython calls
them through:

${slotTableDocs(['PyModuleDef'])}
| \`{Py_mod_create, f}\` | | \`${spellSlot('create', 'Py_mod_create')}\` |
| \`{Py_mod_exec, f}\` | | \`${spellSlot('exec', 'Py_mod_exec')}\` |

Slot ids are read as numbers, \`Py_mod_*\` names or macros that expand to
them; the data slots \`Py_mod_multiple_interpreters\` and \`Py_mod_gil\` are
skipped. \`PyModuleDef_Slot.value\` is \`void *\`, so no compiler warns about
those entries.

${WHY_SLOTS_TRAP}

The usual mistake is a \`Py_mod_exec\` or \`m_clear\` function written to
return \`void\`: CPython reads its result to tell success from failure.

## Example

Before:

    static void
    counter_exec(PyObject *module)
    {
        PyModule_AddIntConstant(module, "START", 0);
    }

    static PyModuleDef_Slot counter_slots[] = {
        {Py_mod_exec, counter_exec},
        {0, NULL}
    };

After \`fpcast fix\`:

    static int
    counter_exec(PyObject *module)
    {
        PyModule_AddIntConstant(module, "START", 0);
        return 0;
    }

(Whether the module should report \`PyModule_AddIntConstant\`'s failure is
for a human to decide; fpcast keeps the behaviour and fixes the signature.)

${SLOT_FIX} \`PyModuleDef_Slot\` entries never get a cast (\`value\` is
\`void *\`); an uncast \`m_clear\`, \`m_traverse\` or \`m_free\` whose function no
longer matches gets \`(inquiry)\`, \`(traverseproc)\` or \`(freefunc)\`.

${SLOT_REFUSALS}

A module slot id fpcast cannot evaluate, or a number CPython does not
define, is reported as a warning and the entry is not checked.
`,
  expectations(entry, table, ctx) {
    if (table.struct === 'PyModuleDef_Slot') return slotArrayExpectations(this.id, entry, table, ctx, MODULE_SLOT_ARRAY);
    return structFieldExpectations(this.id, entry, table, (field) => `${field} function`);
  },
};
