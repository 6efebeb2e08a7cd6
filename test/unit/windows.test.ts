// Windows (src/extract/windows.ts): parts tree-sitter cannot read alone are
// read with a neighbour item on each side instead of parsing the whole file,
// and read there as the whole file reads them.

import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract.js';
import type { FileFacts } from '../../src/extract/facts.js';
import { ITEM, itemsNamed, outline, wordHash } from '../../src/extract/outline.js';
import { noParts, partRanges } from '../../src/extract/parts.js';
import { lengthOf, overlapsAny } from '../../src/extract/ranges.js';
import { spanRanges, widen } from '../../src/extract/windows.js';
import { CALLED_FIRST, EARLY_DEFINE_END, fillers, RAGGED } from '../support/windowed-texts.js';


/** The facts of the item whose head names `name`, read head only (with the
 * `#define`s named `defines`), and of the whole file; and whether the parts
 * asked for a window before any parse of them. */
function readHead(text: string, name: string, defines: string[] = []): { got: FileFacts; whole: FileFacts; parsed: number; windowAtOnce: boolean } {
  const o = outline(text);
  expect(o.unsure).toBeUndefined();
  const parts = noParts();
  for (const k of itemsNamed(o.heads, wordHash(name))) parts.heads.add(k);
  expect(parts.heads.size).toBe(1);
  o.defines.forEach((define, k) => {
    if (defines.includes(define.name)) parts.defines.add(k);
  });
  expect(parts.defines.size).toBe(defines.length);
  const ranges = partRanges(o, parts);
  if (ranges === 'whole') throw new Error('a head is a part');
  expect(ranges.parseWhole).toBeUndefined();
  const got = extractFacts('w.c', text, ranges);
  return { got, whole: extractFacts('w.c', text), parsed: lengthOf(got.partial!.ranges), windowAtOnce: ranges.windows !== undefined };
}

const signature = (facts: FileFacts, name: string) => {
  const fn = facts.functions.find((f) => f.name === name);
  return fn && { range: fn.range, params: fn.paramList.params.map((p) => p.ctype), result: fn.result };
};

describe('a part that does not parse alone', () => {
  // A macro call without its `;` before a function.
  const text = CALLED_FIRST;

  it('is read in a window, as the whole file reads it, with its errors', () => {
    const { got, whole, parsed, windowAtOnce } = readHead(text, 'context_getround');
    // The outline sees the call before the function (Outline.calledFirst): no parse of the part alone is tried first.
    expect(windowAtOnce).toBe(true);
    expect(whole.parseErrors.length).toBeGreaterThan(0);
    expect(got.partial!.parsedWhole, 'not from a parse of the whole file').toBeUndefined();
    expect(parsed).toBeLessThan(text.length / 2);
    expect(signature(got, 'context_getround')?.params).toEqual(['PyObject *', 'void *']);
    expect(signature(got, 'context_getround')).toEqual(signature(whole, 'context_getround'));
    expect(got.parseErrors).toEqual(whole.parseErrors);
  });
});

describe('a #define whose comment ends it early for tree-sitter', () => {
  // The function far below is read in a window with it.
  const text = EARLY_DEFINE_END;

  it('is read in a window with the function after it, and the function as the whole file reads it', () => {
    const { got, whole, windowAtOnce } = readHead(text, 'spam_get', ['CHECK_REFCOUNT']);
    expect(windowAtOnce, 'the window comes from the parse of the parts').toBe(false);
    expect(got.partial!.parsedWhole, 'not from a parse of the whole file').toBeUndefined();
    expect(whole.parseErrors.length).toBeGreaterThan(0);
    expect(got.parseErrors).toEqual(whole.parseErrors);
    expect(signature(got, 'spam_get')?.params).toEqual(['PyObject *']);
    expect(signature(got, 'spam_get')).toEqual(signature(whole, 'spam_get'));
    expect(got.macros.map((m) => m.name)).toEqual(whole.macros.map((m) => m.name));
  });
});

describe('a ragged item (a conditional whose branches close a brace each)', () => {
  const text = RAGGED;

  it('is outlined as ragged', () => {
    const o = outline(text);
    const spam = itemsNamed(o.heads, wordHash('spam'));
    expect(o.ragged).toEqual(spam);
  });

  it('is read in a window, body and all, as the whole file reads it', () => {
    const { got, whole, parsed, windowAtOnce } = readHead(text, 'spam');
    expect(windowAtOnce).toBe(true);
    expect(got.partial!.parsedWhole).toBeUndefined();
    // With its body; its neighbours, there to stand at the top level, are read as heads.
    const headsOnly = got.partial!.headsOnly.map((k) => got.functions[k].name);
    expect(headsOnly).toEqual(['before5', 'after0']);
    expect(got.parseErrors.length).toBeGreaterThan(0);
    expect(got.parseErrors).toEqual(whole.parseErrors);
    expect(parsed).toBeLessThan(text.length / 2);
    const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    const spam = (facts: FileFacts) => json(facts.functions.find((f) => f.name === 'spam'));
    expect(spam(got)).toBeDefined();
    expect(spam(got)).toEqual(spam(whole));
  });

  it('is read from the whole file when its window would be half the file', () => {
    const small = text.replace(fillers('before', 6), '').replace(fillers('after', 6), '');
    const o = outline(small);
    const parts = noParts();
    for (const k of itemsNamed(o.heads, wordHash('spam'))) parts.heads.add(k);
    const ranges = partRanges(o, parts);
    expect(ranges !== 'whole' && ranges.parseWhole).toBe(true);
  });
});

/** Whether the ranges parsed hold any of the body of function `name` (between its braces). */
function parsesBodyOf(text: string, ranges: number[], name: string): boolean {
  const o = outline(text);
  const [k] = itemsNamed(o.heads, wordHash(name));
  const open = o.items[k * ITEM.size + ITEM.open];
  const close = o.items[k * ITEM.size + ITEM.close];
  expect(open).toBeGreaterThanOrEqual(0);
  return overlapsAny(ranges, open + 1, close);
}

describe("a window's neighbours", () => {
  const text = CALLED_FIRST;
  const o = outline(text);
  const item = (name: string) => itemsNamed(o.heads, wordHash(name))[0];

  it('are parsed without their bodies when only the window is wanted', () => {
    const parts = noParts();
    parts.heads.add(item('context_getround'));
    const ranges = partRanges(o, parts);
    if (ranges === 'whole') throw new Error('a head is a part');
    expect(ranges.windows).toBeDefined();
    expect(parsesBodyOf(text, ranges.ranges, 'before5')).toBe(false);
    expect(parsesBodyOf(text, ranges.ranges, 'after0')).toBe(false);
    // The window's own item is read body and all.
    expect(parsesBodyOf(text, ranges.ranges, 'context_getround')).toBe(true);
    // A neighbour wanted entire keeps its body.
    parts.items.add(item('after0'));
    const withNeighbour = partRanges(o, parts);
    if (withNeighbour === 'whole') throw new Error('items are parts');
    expect(parsesBodyOf(text, withNeighbour.ranges, 'after0')).toBe(true);
    expect(parsesBodyOf(text, withNeighbour.ranges, 'before5')).toBe(false);
  });

  it('are parsed without their bodies in a widened window, unless wanted entire', () => {
    const parts = noParts();
    parts.items.add(item('before3'));
    const alone = partRanges(o, parts);
    if (alone === 'whole') throw new Error('an item is a part');
    const at = (name: string) => o.items[item(name) * ITEM.size + ITEM.start];
    // Trouble in before3: its window has before2 and before4 for neighbours.
    const widened = widen(o, alone, [{ start: at('before3'), end: at('before3') + 1 }], 1);
    expect(parsesBodyOf(text, widened.ranges, 'before3')).toBe(true);
    expect(parsesBodyOf(text, widened.ranges, 'before2')).toBe(false);
    expect(parsesBodyOf(text, widened.ranges, 'before4')).toBe(false);
    parts.items.add(item('before4'));
    const both = partRanges(o, parts);
    if (both === 'whole') throw new Error('items are parts');
    const widenedBoth = widen(o, both, [{ start: at('before3'), end: at('before3') + 1 }], 1);
    expect(parsesBodyOf(text, widenedBoth.ranges, 'before4')).toBe(true);
  });

  it('read as heads give the facts of the whole file for the window', () => {
    const { got, whole } = readHead(text, 'context_getround');
    for (const name of ['before5', 'after0']) expect(signature(got, name)).toEqual(signature(whole, name));
    expect(got.partial!.headsOnly.map((k) => got.functions[k].name).sort()).toEqual(['after0', 'before5']);
  });
});

describe('what a window parses', () => {
  const text = ['int a;', '#ifdef X', 'int b;', '#endif', 'int c;', '#if Y', 'int d;', '#endif', 'int e;', ''].join('\n');
  const o = outline(text);
  const start = (k: number) => o.items[k * ITEM.size + ITEM.start];
  const end = (k: number) => o.items[k * ITEM.size + ITEM.end];

  it('keeps a conditional it holds whole and leaves out one it holds in part', () => {
    // From `int a;` to `int d;`: `#ifdef X … #endif` is inside, `#if Y` is closed after.
    const ranges = spanRanges(o, [start(0), end(3)]);
    const read = Array.from({ length: ranges.length / 2 }, (_, k) => text.slice(ranges[k * 2], ranges[k * 2 + 1])).join('');
    expect(read).toContain('#ifdef X\nint b;\n#endif');
    expect(read).not.toContain('#if Y');
    expect(read).toContain('int d;');
  });

  it('leaves out an #endif whose #if stands before it', () => {
    const ranges = spanRanges(o, [start(3), end(4)]);
    const read = Array.from({ length: ranges.length / 2 }, (_, k) => text.slice(ranges[k * 2], ranges[k * 2 + 1])).join('');
    expect(read).toBe('int d;\n\nint e;');
  });
});
