// meth-arity: PyMethodDef entries whose function does not have the parameter
// list its ml_flags make CPython call it with.

import { METH_SHAPE_NEUTRAL, METH_SHAPES, TYPEDEFS } from '../src/abi/cpython.js';
import type { Expectation, RuleWarning, TableRule } from '../src/check/types.js';

export const methArity: TableRule = {
  kind: 'table',
  id: 'meth-arity',
  structs: ['PyMethodDef'],
  summary: 'PyMethodDef functions whose parameters do not match the call shape their ml_flags select',
  fix: 'appends the missing parameters (PyObject *Py_UNUSED(ignored), …), removes unused extra ones, updates same-file prototypes and calls',
  docs: `# meth-arity

Finds \`PyMethodDef\` entries whose C function does not take the parameters
CPython passes for the entry's \`ml_flags\`:

| flags | CPython calls |
|---|---|
| \`METH_NOARGS\` | \`f(self, NULL)\` |
| \`METH_O\` | \`f(self, arg)\` |
| \`METH_VARARGS\` | \`f(self, args)\` |
| \`METH_VARARGS|METH_KEYWORDS\` | \`f(self, args, kwargs)\` |
| \`METH_FASTCALL\` | \`f(self, PyObject *const *args, Py_ssize_t nargs)\` |
| \`METH_FASTCALL|METH_KEYWORDS\` | \`f(self, args, nargs, kwnames)\` |
| \`METH_METHOD|METH_FASTCALL|METH_KEYWORDS\` | \`f(self, PyTypeObject *cls, args, nargs, kwnames)\` |

\`METH_CLASS\`, \`METH_STATIC\` and \`METH_COEXIST\` do not change the shape.

## Why it traps

\`ml_meth\` is stored as a \`PyCFunction\` and CPython casts it back to the
type the flags select before calling. A native ABI tolerates a missing
trailing argument; WebAssembly's \`call_indirect\` compares the exact
signature and traps with "function signature mismatch". Only the wasm
signature matters: \`MyObject *self\` instead of \`PyObject *self\` is fine.

## Example

Before:

    static PyObject *spam_clear(SpamObject *self) { ... }
    {"clear", (PyCFunction)spam_clear, METH_NOARGS, NULL},

After \`fpcast fix\`:

    static PyObject *spam_clear(SpamObject *self, PyObject *Py_UNUSED(ignored)) { ... }

Prototypes and direct calls in the same file are updated (\`spam_clear(x)\`
becomes \`spam_clear(x, NULL)\`). An uncast function whose new signature no
longer matches \`PyCFunction\` gets the cast the file already uses for such
entries, else \`(PyCFunction)(void(*)(void))\`. The added parameter's
declarator follows \`--unused-param\` (default \`Py_UNUSED({name})\`).

## When it refuses

- the function has a prototype or a direct call in another file (\`multi-file\`);
- the definition, a call or the edit is inside a macro body (\`macro\`);
- the function is used elsewhere with another or an unknown shape: another
  table, a type slot, a function pointer, an argument (\`conflict\`);
- an extra parameter is used in the body, or a parameter has the wrong wasm
  type in the middle of the list (\`manual\`);
- the code around the edit does not parse (\`parse-error\`).

A flags expression fpcast cannot evaluate is reported as a warning, and so is
an entry whose initializer does not parse (a preprocessor conditional between
its fields): which text is the flags cannot be told, so it is not checked.
`,
  expectations(entry, table, ctx) {
    const meth = entry.fields.ml_meth;
    if (!meth?.func) return [];
    const func = meth.func;
    const flagsText = entry.fields.ml_flags?.text ?? '0';
    const evaluated = ctx.evaluate(flagsText, table.file);
    if ('unresolved' in evaluated) {
      const warning: RuleWarning = {
        warning: `cannot resolve the flags '${flagsText}' of method '${func.name}' (${evaluated.unresolved}); this entry was not checked`,
        range: entry.fields.ml_flags?.range ?? func.nameRange,
        func: func.name,
      };
      return [warning];
    }
    const shape = METH_SHAPES[evaluated.value & ~METH_SHAPE_NEUTRAL];
    if (!shape) {
      const warning: RuleWarning = {
        warning: `flags '${flagsText}' (0x${evaluated.value.toString(16)}) of method '${func.name}' are not a combination CPython accepts`,
        range: entry.fields.ml_flags?.range ?? func.nameRange,
        func: func.name,
      };
      return [warning];
    }
    const expectation: Expectation = {
      rule: this.id,
      file: table.file,
      table,
      entry,
      field: 'ml_meth',
      ref: func,
      valueRange: meth.range,
      signature: TYPEDEFS[shape.typedef],
      addedNames: shape.addedNames,
      what: `${shape.label} method`,
      call: shape.call,
      fieldTypedef: 'PyCFunction',
    };
    return [expectation];
  },
};
