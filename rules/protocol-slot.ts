// protocol-slot: functions in PyNumberMethods, PySequenceMethods,
// PyMappingMethods, PyAsyncMethods and PyBufferProcs initializers whose
// signature is not the slot's typedef.

import type { TableRule } from '../src/check/types.js';
import { SLOT_FIX, SLOT_REFUSALS, WHY_SLOTS_TRAP, slotTableDocs, structFieldExpectations } from './slot-table.js';

const PROTOCOLS = ['PyNumberMethods', 'PySequenceMethods', 'PyMappingMethods', 'PyAsyncMethods', 'PyBufferProcs'];

export const protocolSlot: TableRule = {
  kind: 'table',
  id: 'protocol-slot',
  structs: PROTOCOLS,
  summary: 'functions in number, sequence, mapping, async and buffer protocol structs whose parameters or result do not match the slot\'s typedef',
  fix: 'appends missing parameters named by role (mod, view, …), removes unused extra ones, makes void functions of int slots (nb_bool, bf_getbuffer, sq_ass_item, …) return int (return 0), updates same-file prototypes, calls and entry casts',
  docs: `# protocol-slot

Finds the functions of \`PyNumberMethods\`, \`PySequenceMethods\`,
\`PyMappingMethods\`, \`PyAsyncMethods\` and \`PyBufferProcs\` initializers,
positional (in CPython's field order) or designated, whose signature is not
the typedef of the slot they fill:

${slotTableDocs(PROTOCOLS)}

${WHY_SLOTS_TRAP}

The usual mistakes: \`nb_power\` without its third (modulo) argument, a
\`bf_releasebuffer\` or \`sq_ass_item\` written with the wrong result, a
\`sq_length\` returning \`double\` or \`long long\`.

## Example

Before:

    static PyObject *
    Vec_pow(PyObject *self, PyObject *exponent)
    { ... }

    static PyNumberMethods Vec_as_number = {
        .nb_power = (ternaryfunc)Vec_pow,
    };

After \`fpcast fix\`:

    static PyObject *
    Vec_pow(PyObject *self, PyObject *exponent, PyObject *Py_UNUSED(mod))
    { ... }

An uncast entry whose function no longer matches the slot's declared type
gets the typedef as its cast (\`(binaryfunc)\`, \`(getbufferproc)\`, …).

${SLOT_FIX}

${SLOT_REFUSALS}
`,
  expectations(entry, table) {
    return structFieldExpectations(this.id, entry, table, (field) => `${field} slot`);
  },
};
