// decl-mismatch: a function defined with one wasm signature and declared with
// another in a different file. Direct calls compiled against the wrong
// declaration trap in WebAssembly (wasm-ld links them to a trapping stub).

import { compareSig, wasmSigOf } from '../src/check/signature.js';
import type { Finding, ProjectRule } from '../src/check/types.js';
import type { SignatureFact } from '../src/extract/facts.js';
import { resolveDefinitions } from '../src/index/link.js';

const spell = (s: SignatureFact) => `${s.result.ctype} (${s.result.wasm})`;

export const declMismatch: ProjectRule = {
  kind: 'project',
  id: 'decl-mismatch',
  optIn: 'it compares every prototype with every definition, so every file of the tree must be parsed',
  summary: 'functions declared in one file with another wasm signature than their definition in another',
  fix: 'none: reported with both places (changing a shared declaration is a multi-file fix)',
  docs: `# decl-mismatch

Finds a function whose definition and a prototype in another file disagree in
their WebAssembly signature: the number of parameters, a parameter's wasm type
(\`i32\`, \`i64\`, \`f32\`, \`f64\`), or \`void\` against a value result.

## Why it traps

Each file is compiled against the declaration it sees. A file that calls
\`foo\` through \`void foo(PyObject *)\` emits a call of type \`(i32) -> ()\`;
if \`foo\` is defined as \`int foo(PyObject *)\`, \`wasm-ld\` cannot link the two
and replaces the call with a stub that traps ("signature mismatch") — natively
the mismatch goes unnoticed. scipy's worst breakages were of this kind.

## Example

\`\`\`c
/* helpers.h */   void helper_reset(PyObject *module);
/* helpers.c */   int helper_reset(PyObject *module) { ...; return 0; }
\`\`\`

fpcast reports the prototype in \`helpers.h\` and names the definition in
\`helpers.c\`.

## Opt-in

This rule compares every prototype in the tree with every definition, so it
needs every file parsed; the table rules need only the files that can matter.
It is therefore off by default: run it with \`--select decl-mismatch\` (or
list it in \`select\` under \`[tool.fpcast]\`).

## When it refuses

Always: the declaration and the definition live in different files, so the
fix is \`multi-file\` by nature. Decide which of the two is right and change the
other. Declarations written \`f()\` (no prototype), and declarations whose
parameter list does not parse (a statement macro before a call reads as
one), are not compared, nor is a type fpcast cannot read (a result written
through a project macro such as \`XMLPARSEAPI(void)\`); same-file
disagreements are left to the compiler, which rejects them.
`,
  run(ctx) {
    const findings: Finding[] = [];
    for (const [name, prototypes] of ctx.index.prototypes) {
      for (const proto of prototypes) {
        // `f()` declares no prototype; a parameter list that does not parse
        // is most often a statement macro before a call (`Py_BEGIN_ALLOW_THREADS
        // f(x, 1);` reads as a declaration), not a declaration at all.
        if (proto.paramList.form === 'empty' || proto.paramList.hasError) continue;
        for (const def of resolveDefinitions(ctx.index, name, proto.file)) {
          if (def.file === proto.file || def.isStatic) continue;
          const mismatches = compareSig(wasmSigOf(proto), wasmSigOf(def));
          if (!mismatches.length) continue;
          const parts = mismatches.map((m) => {
            if (m.kind === 'count') return `declared with ${m.actual} parameter${m.actual === 1 ? '' : 's'}, defined with ${m.expected}`;
            if (m.kind === 'param') {
              const p = proto.paramList.params[m.index];
              const d = def.paramList.params[m.index];
              return `parameter ${m.index + 1} declared ${p.ctype} (${m.actual}), defined ${d.ctype} (${m.expected})`;
            }
            return `declared returning ${spell(proto)}, defined returning ${spell(def)}`;
          });
          findings.push({
            rule: 'decl-mismatch',
            severity: 'error',
            file: proto.file,
            range: proto.nameRange,
            func: name,
            message: `'${name}' is ${parts.join('; ')} at ${def.file}:${def.line}; calls through this declaration trap in WebAssembly`,
            actual: wasmSigOf(proto),
            expected: wasmSigOf(def),
            related: [{ file: def.file, range: def.nameRange, note: `'${name}' is defined here` }],
            refusal: {
              reason: 'multi-file',
              message: `the declaration and the definition of '${name}' are in different files; decide which is right and change the other`,
              locations: [
                { file: proto.file, range: proto.nameRange, note: `'${name}' is declared here` },
                { file: def.file, range: def.nameRange, note: `'${name}' is defined here` },
              ],
            },
          });
        }
      }
    }
    return findings;
  },
};
