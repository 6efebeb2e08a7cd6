import { describe, expect, it } from 'vitest';
import { METH_FLAGS } from '../../src/abi/cpython.js';
import { ruleContext } from '../../src/check/check.js';
import { evaluate } from '../../src/check/evaluate.js';
import { extractFacts } from '../../src/extract/extract.js';
import { link } from '../../src/index/link.js';

const macros: Record<string, string> = {
  KW: '(METH_VARARGS | METH_KEYWORDS)',
  NESTED: 'KW|METH_CLASS',
  LOOP: 'LOOP | 1',
};
const lookup = (name: string) => METH_FLAGS[name] ?? macros[name];

describe('evaluate', () => {
  it.each([
    ['METH_NOARGS', 4],
    ['METH_VARARGS | METH_KEYWORDS', 3],
    ['(METH_FASTCALL|METH_KEYWORDS)', 0x82],
    ['0x0200 | 0x80 | 2', 0x282],
    ['010', 8],
    ['NESTED', 0x13],
    ['METH_O /* one arg */', 8],
    ['~0 & 7', 7],
    ['1 << 3', 8],
  ])('%s = %i', (expression, value) => {
    expect(evaluate(expression, lookup)).toEqual({ value });
  });

  it('says why it cannot resolve an expression', () => {
    expect(evaluate('UNKNOWN_FLAGS', lookup)).toEqual({ unresolved: "'UNKNOWN_FLAGS' is not defined in the analyzed files" });
    expect(evaluate('LOOP', lookup)).toEqual({ unresolved: "macro 'LOOP' refers to itself" });
    expect(evaluate('METH_O |', lookup)).toEqual({ unresolved: 'expression ends early' });
    expect(evaluate('f(x)', lookup)).toHaveProperty('unresolved');
  });
});

describe('ruleContext.evaluate', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('reads a flags macro continued with a backslash (%s) as the preprocessor joins it', (_, eol) => {
    const source = `#define MYFLAGS METH_VARARGS \\${eol}    | METH_KEYWORDS${eol}`;
    const ctx = ruleContext(link([extractFacts('m.c', source)]));
    expect(ctx.evaluate('MYFLAGS', 'm.c')).toEqual({ value: 3 });
  });
});
