// Seeing through macros: expansion, initializer text, function references.

import { describe, expect, it } from 'vitest';
import type { MacroFact } from '../../src/extract/facts.js';
import { funcRefFromText, parseInitializerElements } from '../../src/index/initializer-text.js';
import { expandMacros } from '../../src/index/preprocess.js';

function macro(name: string, body: string, params?: string[]): MacroFact {
  const range = { start: 0, end: 0 };
  return { name, body, params, nameRange: range, line: 1, range, bodyRange: range };
}

const macros = new Map(
  [
    macro('FOO_METHODDEF', '\\\n    {"foo", (PyCFunction)foo, METH_NOARGS, foo__doc__},'),
    macro('METHOD', '{#name, (PyCFunction)impl_##name, flags, NULL}', ['name', 'flags']),
    macro('NOARGS', 'METHOD(name, METH_NOARGS)', ['name']),
    macro('SELF', 'SELF + 1'),
    macro('VA', 'call(__VA_ARGS__)', ['first', '__VA_ARGS__']),
  ].map((m) => [m.name, m]),
);
const lookup = (name: string) => macros.get(name);

describe('expandMacros', () => {
  it('expands object-like macros with line continuations', () => {
    expect(expandMacros('FOO_METHODDEF', lookup).trim()).toBe('{"foo", (PyCFunction)foo, METH_NOARGS, foo__doc__},');
  });

  it('stringizes, pastes and rescans function-like macros', () => {
    expect(expandMacros('NOARGS(reset)', lookup)).toBe('{"reset", (PyCFunction)impl_reset, METH_NOARGS, NULL}');
  });

  it('does not expand a macro inside itself', () => {
    expect(expandMacros('SELF', lookup)).toBe('SELF + 1');
  });

  it('passes variadic arguments', () => {
    expect(expandMacros('VA(a, b, c)', lookup)).toBe('call(b, c)');
  });

  it('leaves a function-like macro name without arguments alone', () => {
    expect(expandMacros('METHOD', lookup)).toBe('METHOD');
  });
});

describe('initializer text', () => {
  it('splits entries and designators at top-level commas only', () => {
    const elements = parseInitializerElements('{"a,b", f(x, y), .ml_flags = (A|B)}, {NULL},');
    expect(elements).toHaveLength(2);
    const first = elements[0].value;
    expect(first.kind).toBe('list');
    if (first.kind !== 'list') return;
    expect(first.elements.map((e) => [e.designator ?? null, e.value.kind === 'expr' ? e.value.text : 'list'])).toEqual([
      [null, '"a,b"'],
      [null, 'f(x, y)'],
      ['ml_flags', '(A|B)'],
    ]);
  });

  it.each([
    ['f', 'none', undefined],
    ['&f', 'address', '&{}'],
    ['(PyCFunction)f', 'cast', '(PyCFunction){}'],
    ['(PyCFunction)(void(*)(void))f', 'laundered', '(PyCFunction)(void(*)(void)){}'],
    ['_PyCFunction_CAST(f)', 'macro', '_PyCFunction_CAST({})'],
    ['(f)', 'none', undefined],
  ])('recognizes %s', (text, cast, castText) => {
    expect(funcRefFromText(text, { start: 1, end: 2 })).toEqual({ name: 'f', nameRange: { start: 1, end: 2 }, cast, ...(castText ? { castText } : {}) });
  });

  it('does not mistake other expressions for a function', () => {
    expect(funcRefFromText('"doc"', { start: 0, end: 0 })).toBeUndefined();
    expect(funcRefFromText('a + b', { start: 0, end: 0 })).toBeUndefined();
    expect(funcRefFromText('g(f)', { start: 0, end: 0 })).toBeUndefined();
  });
});
