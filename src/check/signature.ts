// Comparing a C definition with the signature CPython calls it through, the
// way call_indirect does: parameter count, each parameter's wasm type, result.

import type { SignatureSpec } from '../abi/cpython.js';
import type { WasmResult, WasmSig, WasmType } from '../abi/wasm.js';
import type { SignatureFact } from '../extract/facts.js';

/** The wasm signature clang gives a C function on wasm32. A variadic
 * function takes its fixed parameters plus one pointer to the varargs buffer. */
export function wasmSigOf(fn: SignatureFact): WasmSig {
  const params: WasmType[] = fn.paramList.params.map((p) => (p.ctype === '...' ? 'i32' : p.wasm));
  return { params, result: fn.result.wasm };
}

export function expectedSig(spec: SignatureSpec): WasmSig {
  return { params: spec.params.map((p) => p.wasm), result: spec.result.wasm };
}

export type Mismatch =
  | { kind: 'count'; actual: number; expected: number }
  | { kind: 'param'; index: number; actual: WasmType; expected: WasmType }
  | { kind: 'result'; actual: WasmResult; expected: WasmResult };

/** An unknown type (a project typedef, a struct by value, a result type
 * written through a project macro such as `EXPORTAPI(void)`) is no evidence
 * of a mismatch, not even against `void`: fpcast cannot tell what it is. */
export function sameType(a: WasmResult, b: WasmResult): boolean {
  return a === b || a === 'unknown' || b === 'unknown';
}

export function compareSig(actual: WasmSig, expected: WasmSig): Mismatch[] {
  const mismatches: Mismatch[] = [];
  if (actual.params.length !== expected.params.length) {
    mismatches.push({ kind: 'count', actual: actual.params.length, expected: expected.params.length });
  }
  const shared = Math.min(actual.params.length, expected.params.length);
  for (let i = 0; i < shared; i++) {
    if (!sameType(actual.params[i], expected.params[i])) {
      mismatches.push({ kind: 'param', index: i, actual: actual.params[i], expected: expected.params[i] });
    }
  }
  if (!sameType(actual.result, expected.result)) {
    mismatches.push({ kind: 'result', actual: actual.result, expected: expected.result });
  }
  return mismatches;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `METH_NOARGS method 'spam_clear' takes 1 parameter; CPython calls it with 2 (self, NULL)` */
export function describeMismatches(
  what: string,
  func: string,
  fn: SignatureFact,
  spec: SignatureSpec,
  call: string,
  mismatches: Mismatch[],
): string {
  const parts = mismatches.map((m) => {
    switch (m.kind) {
      case 'count':
        return `takes ${plural(m.actual, 'parameter')}; CPython calls it with ${m.expected} ${call}`;
      case 'param': {
        const param = fn.paramList.params[m.index];
        const expectedParam = spec.params[m.index];
        const name = param.name ? ` '${param.name}'` : '';
        return `parameter ${m.index + 1}${name} is ${param.ctype} (${m.actual}); CPython passes ${expectedParam.ctype} (${m.expected})`;
      }
      case 'result':
        if (m.actual === 'void') return `returns void; CPython expects ${spec.result.ctype} (${m.expected})`;
        if (m.expected === 'void') return `returns ${fn.result.ctype} (${m.actual}); CPython expects void`;
        return `returns ${fn.result.ctype} (${m.actual}); CPython expects ${spec.result.ctype} (${m.expected})`;
    }
  });
  return `${what} '${func}' ${parts.join('; it ')}`;
}
