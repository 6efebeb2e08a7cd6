// The edits that give one function declarator (a definition or a prototype)
// the signature CPython calls it through.

import type { ParamSpec, SignatureSpec } from '../abi/cpython.js';
import { normalizeCType, spellParam } from '../abi/wasm.js';
import { compareSig, expectedSig, wasmSigOf } from '../check/signature.js';
import type { FunctionFact, SignatureFact } from '../extract/facts.js';
import { eolAt, indentOfLine, startsLine } from '../source/source-file.js';
import { appendParams, removeParams, type TextEdit } from './layout.js';

export interface SignatureChange {
  edits: TextEdit[];
  added: string[];
  removed: string[];
  newResult?: string;
  /** The C parameter types and result after the change (for cast decisions). */
  newCTypes: { params: string[]; result: string };
}

export type ChangeResult = SignatureChange | { manual: string };

/** `base`, else `base2`, `base3`, …: the first name not in `taken`, which
 * it then joins (a new parameter that shadows nothing, a wrapper's name). */
export function freshName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

export interface ChangeOptions {
  /** `Py_UNUSED({name})`, `NPY_UNUSED({name})`, `{name}`. */
  unusedParam: string;
  addedNames: string[];
}

/** Edits for `decl` to take `spec`'s parameters and return its result. */
export function signatureChange(decl: SignatureFact, spec: SignatureSpec, text: string, options: ChangeOptions): ChangeResult {
  const fn = 'body' in decl ? (decl as FunctionFact) : undefined;
  const actual = wasmSigOf(decl);
  const mismatches = compareSig(actual, expectedSig(spec));
  const edits: TextEdit[] = [];
  const change: SignatureChange = { edits, added: [], removed: [], newCTypes: { params: [], result: decl.result.ctype } };
  const params = decl.paramList.params;
  if (decl.paramList.variadic) return { manual: `'${decl.name}' is variadic` };

  for (const m of mismatches) {
    if (m.kind === 'param') {
      const p = params[m.index];
      return { manual: `parameter ${m.index + 1}${p.name ? ` '${p.name}'` : ''} is ${p.ctype} (${m.actual}) where CPython passes ${spec.params[m.index].ctype} (${m.expected}); the body must be rewritten by hand` };
    }
  }

  // Parameters.
  const kept = params.slice(0, spec.params.length).map((p) => p.ctype);
  if (params.length < spec.params.length) {
    const missing = spec.params.slice(params.length);
    const taken = new Set<string>([...params.map((p) => p.name ?? ''), ...(fn?.bodyIdentifiers ?? [])]);
    const unnamedStyle = !fn && params.length > 0 && params.every((p) => !p.name);
    const spelled = missing.map((p: ParamSpec, i: number) => {
      if (unnamedStyle) return p.ctype;
      const name = freshName(options.addedNames[params.length + i] ?? p.role, taken);
      return spellParam(p.ctype, options.unusedParam.replaceAll('{name}', name));
    });
    edits.push(...appendParams(decl.paramList, spelled, text));
    change.added = spelled;
    kept.push(...missing.map((p) => p.ctype));
  } else if (params.length > spec.params.length) {
    const extra = params.slice(spec.params.length);
    const used = extra.find((p) => p.name && fn?.bodyIdentifiers.includes(p.name));
    if (used) return { manual: `parameter '${used.name}' is used in the body, but CPython never passes it` };
    const removal = removeParams(decl.paramList, spec.params.length);
    if (typeof removal === 'string') return { manual: removal };
    edits.push(...removal);
    change.removed = extra.map((p) => p.name ?? p.ctype);
  }
  change.newCTypes.params = kept;

  // Result.
  const resultMismatch = mismatches.find((m) => m.kind === 'result');
  if (resultMismatch) {
    if (resultMismatch.actual !== 'void' || normalizeCType(spec.result.ctype) !== 'int' || !decl.result.specifierRange) {
      return { manual: `'${decl.name}' returns ${decl.result.ctype} where CPython expects ${spec.result.ctype}; changing what it returns needs a human` };
    }
    const unclear = fn && voidToIntProblem(fn, text);
    if (unclear) return { manual: unclear };
    edits.push({ range: decl.result.specifierRange, text: 'int' });
    change.newResult = 'int';
    change.newCTypes.result = 'int';
    if (fn) edits.push(...returnZeroEdits(fn, text));
  }
  return change;
}

/** Why making a void function return 0 would not be mechanical, if it would
 * not: a `return x;` has no 0 to become, and a bare `return;` that follows a
 * failure test, or sits in a function that sets or checks Python errors,
 * may mean failure (-1), not success. */
function voidToIntProblem(fn: FunctionFact, text: string): string | undefined {
  const valued = fn.returns.find((r) => r.value);
  if (valued) return `'${fn.name}' returns void but has 'return ${valued.value!.text};'; what it should return needs a human`;
  for (const ret of fn.returns) {
    const guard = guardBefore(text, fn.body.start, ret.range.start);
    if (FAILURE_TEST.test(guard)) {
      return `'${fn.name}' leaves with 'return;' after '${guard.trim().replace(/\s+/g, ' ')}', which may be a failure (-1 to CPython) rather than a success (0); that return needs a human`;
    }
  }
  if (fn.returns.length && fn.bodyIdentifiers.some((id) => id.startsWith('PyErr_'))) {
    return `'${fn.name}' sets or checks a Python error and leaves early with 'return;'; which of its returns mean failure (-1) rather than success (0) needs a human`;
  }
  return undefined;
}

/** C-API failure conventions: a negative status, -1, or the error indicator. */
const FAILURE_TEST = /<\s*0\b|==\s*-1\b|\bPyErr_/;

/** The text between the statement before `at` (ended by `;` or `}`) and `at`:
 * the condition of an `if` whose body starts with the statement at `at`. */
function guardBefore(text: string, bodyStart: number, at: number): string {
  const before = text.slice(Math.max(bodyStart + 1, at - 400), at);
  return before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf('}')) + 1);
}

/** `return;` → `return 0;`, and a `return 0;` where the body falls off its end. */
function returnZeroEdits(fn: FunctionFact, text: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const ret of fn.returns) {
    if (!ret.value) {
      const keyword = ret.range.start + 'return'.length;
      edits.push({ range: { start: keyword, end: keyword }, text: ' 0' });
    }
  }
  if (fn.fallsOffEnd) {
    const brace = fn.closeBrace;
    if (startsLine(text, brace)) {
      const lineStart = brace - indentOfLine(text, brace).length;
      edits.push({ range: { start: lineStart, end: lineStart }, text: `${fn.bodyIndent}return 0;${eolAt(text, brace)}` });
    } else {
      edits.push({ range: { start: brace, end: brace }, text: 'return 0; ' });
    }
  }
  return edits;
}
