// Which parts of a file tree-sitter parses. A question about a file is
// nearly always about a few of its top-level items — its tables, the head of
// a function a table names, a `#define` — and tree-sitter parses a list of
// byte ranges as if the rest were not there (node offsets stay file
// offsets). `Parts` says what is wanted; `partRanges` turns it into ranges
// from the file's outline.
//
// Why the facts of the parsed parts are those a whole-file parse gives: a
// top-level item parses alike whatever items stand before it (C's top level
// is a list of independent items, and tree-sitter's C grammar keeps no
// typedef table), provided tree-sitter sees the item's tokens as the outline
// does. The outline vouches for that, and the extractor checks it on the
// tree: a parse of parts with an ERROR or MISSING node (but inside a
// `#define` alone), or in which a function head did not come out as that
// function's definition, is thrown away. Then, and for ragged items and
// items that start with a call (see Outline.calledFirst), the parts are read
// in windows, with a neighbour item on each side (see
// windows.ts); where even the widest window does not do, and for files whose
// outline is unsure, the file is parsed whole and the parts are read from
// that tree: the top-level nodes that hold them, which are the nodes a
// whole-file walk reads them from.

import type { FileFacts, Range } from './facts.js';
import { ITEM, ASCII_IDENTIFIER, identPart, itemIndexAt, type Outline } from './outline.js';
import { covered, mergeFlat, sortedPairs } from './ranges.js';
import { costsAsMuchAsWhole, itemsTouching, joinRuns, raggedRun, windowReading } from './windows.js';

/** What of one file is wanted. */
export interface Parts {
  whole: boolean;
  /** Items parsed entire. */
  items: Set<number>;
  /** Function items parsed without their bodies (the parser sees `{}`). */
  heads: Set<number>;
  /** `#define`s (indexes into `Outline.defines`). */
  defines: Set<number>;
  /** Offsets in a file whose outline is unsure: the top-level nodes of its
   * whole tree that hold them are read. */
  spots: Set<number>;
  /** Names of functions and macros a file whose outline is unsure may
   * define: read from its whole tree where it defines them. */
  functions: Set<string>;
  macros: Set<string>;
}

export const noParts = (): Parts => ({
  whole: false, items: new Set(), heads: new Set(), defines: new Set(), spots: new Set(), functions: new Set(), macros: new Set(),
});

export const isEmpty = (parts: Parts): boolean =>
  !parts.whole && !parts.items.size && !parts.heads.size && !parts.defines.size && !parts.spots.size && !parts.functions.size && !parts.macros.size;

/** Whether `more` asks for something `parts` does not hold yet. */
export function addsTo(parts: Parts, more: Parts): boolean {
  if (parts.whole) return false;
  if (more.whole) return true;
  for (const k of more.items) if (!parts.items.has(k)) return true;
  for (const k of more.heads) if (!parts.heads.has(k) && !parts.items.has(k)) return true;
  for (const k of more.defines) if (!parts.defines.has(k)) return true;
  for (const k of more.spots) if (!parts.spots.has(k)) return true;
  for (const k of more.functions) if (!parts.functions.has(k)) return true;
  for (const k of more.macros) if (!parts.macros.has(k)) return true;
  return false;
}

export function merge(parts: Parts, more: Parts): void {
  if (more.whole) parts.whole = true;
  for (const k of more.items) parts.items.add(k);
  for (const k of more.heads) parts.heads.add(k);
  for (const k of more.defines) parts.defines.add(k);
  for (const k of more.spots) parts.spots.add(k);
  for (const k of more.functions) parts.functions.add(k);
  for (const k of more.macros) parts.macros.add(k);
}

/** What to hand the extractor: byte ranges (flat start/end pairs, sorted,
 * disjoint); the bodies left out of the function heads among them (flat
 * pairs: offsets of the `{` and the `}`); which ranges are `#define`s alone
 * (a directive line parses alike wherever it stands, errors and all); the
 * windows among them (see windows.ts); and whether the parts must be read
 * from a parse of the whole file (an unsure outline, parts that no window
 * could read); or 'whole' for every fact of the file. */
export type PartRanges =
  | 'whole'
  | {
      ranges: number[];
      bodies: number[];
      defines: number[];
      /** Where errors are the file's own: inside windows, between their neighbours (flat pairs, sorted). */
      windows?: number[];
      /** What is wanted of wider ranges (see windows.ts). */
      wanted?: number[];
      parseWhole?: boolean;
      /** Functions and macros to read, by name, from the whole tree's definitions of them. */
      functions?: string[];
      macros?: string[];
    };

export function partRanges(outline: Outline, parts: Parts): PartRanges {
  if (isEmpty(parts)) return { ranges: [], bodies: [], defines: [] };
  if (parts.whole) return 'whole';
  if (outline.unsure !== undefined) {
    const spots = [...parts.spots].sort((a, b) => a - b).flatMap((at) => [at, at + 1]);
    const out: PartRanges = { ranges: mergeFlat(spots), bodies: [], defines: [], parseWhole: true };
    if (parts.functions.size) out.functions = [...parts.functions];
    if (parts.macros.size) out.macros = [...parts.macros];
    return out;
  }
  const items = outline.items;
  const count = items.length / ITEM.size;
  const ragged = new Set(outline.ragged);
  // What tree-sitter cannot read alone as the outline promised is read in a window at once.
  const inContext = new Set([...outline.ragged, ...outline.calledFirst]);
  // start, end, whether a `#define`
  const pieces: [number, number, boolean][] = [];
  const bodies: number[] = [];
  const windows: number[] = [];
  // Read whole: items wanted entire, and heads read in a window (body and all).
  const wantedWhole = (k: number) => parts.items.has(k) || (inContext.has(k) && parts.heads.has(k));
  // Bodies read as `{}`, by their `{`: heads wanted, and neighbours of windows (see neighbourBodies).
  const listed = new Set<number>();
  const readAsHead = (open: number, close: number) => {
    if (listed.has(open)) return;
    listed.add(open);
    bodies.push(open, close);
  };
  // Such an item is read in a window, body and all, with the whole ragged run around it.
  const runs: [number, number][] = [];
  const inWindow = (k: number) => runs.push(raggedRun(ragged, count, k, k));
  for (const k of parts.items) {
    if (inContext.has(k)) inWindow(k);
    else pieces.push([items[k * ITEM.size + ITEM.start], items[k * ITEM.size + ITEM.end], false]);
  }
  for (const k of parts.heads) {
    if (parts.items.has(k)) continue;
    const at = k * ITEM.size;
    const open = items[at + ITEM.open];
    if (inContext.has(k)) {
      inWindow(k);
      continue;
    }
    if (open < 0) {
      pieces.push([items[at + ITEM.start], items[at + ITEM.end], false]);
      continue;
    }
    readAsHead(open, items[at + ITEM.close]);
    pieces.push([items[at + ITEM.start], open + 1, false], [items[at + ITEM.close], items[at + ITEM.end], false]);
  }
  for (const [from, to] of joinRuns(runs)) {
    const window = windowReading(outline, from, to, wantedWhole);
    for (let r = 0; r < window.ranges.length; r += 2) pieces.push([window.ranges[r], window.ranges[r + 1], false]);
    for (let b = 0; b < window.skipped.length; b += 2) readAsHead(window.skipped[b], window.skipped[b + 1]);
    windows.push(...window.inner);
  }
  for (const k of parts.defines) {
    const define = outline.defines[k];
    pieces.push([define.start, define.end, true]);
  }
  pieces.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const ranges: number[] = [];
  const alone: boolean[] = [];
  for (const [start, end, define] of pieces) {
    const last = ranges.length - 1;
    // A define inside an item joins it; one inside a head's left-out body stays a range of its own.
    if (last > 0 && start < ranges[last]) {
      ranges[last] = Math.max(ranges[last], end);
      alone[alone.length - 1] &&= define;
      continue;
    }
    ranges.push(start, end);
    alone.push(define);
  }
  const defines: number[] = [];
  alone.forEach((isDefine, k) => {
    if (isDefine) defines.push(ranges[k * 2], ranges[k * 2 + 1]);
  });
  const out: PartRanges = { ranges, bodies: sortedPairs(bodies), defines };
  if (windows.length) {
    out.windows = mergeFlat(windows);
    if (costsAsMuchAsWhole(ranges, outline.length)) out.parseWhole = true;
  }
  return out;
}

/** The item holding `offset`, or -1 (between items: a comment or a directive). */
export const itemAt = (outline: Outline, offset: number): number => itemIndexAt(outline.items, offset);

/** The parts whose facts and parse errors tell what stands in `range` and
 * what touches it: the items and `#define`s that overlap or touch it. (A
 * file whose outline is unsure is read from its whole tree, whose errors are
 * all known: the nodes at the range's ends are enough.) */
export function partsAround(outline: Outline, range: Range): Parts {
  const parts = noParts();
  if (outline.unsure !== undefined) {
    parts.spots.add(range.start);
    parts.spots.add(Math.max(range.start, range.end - 1));
    return parts;
  }
  const [from, to] = itemsTouching(outline.items, range);
  for (let k = from; k <= to; k++) parts.items.add(k);
  // `#define`s are lines, in order: from the last that starts at or before range.end, back.
  for (let d = defineAt(outline.defines, range.end); d >= 0 && outline.defines[d].end >= range.start; d--) parts.defines.add(d);
  return parts;
}

/** The items that hold a table (see `Outline.tables`). */
export function tableParts(outline: Outline): Parts {
  const parts = noParts();
  if (!outline.tables.length) return parts;
  if (outline.unsure !== undefined) {
    for (const offset of outline.tables) parts.spots.add(offset);
    return parts;
  }
  for (const offset of outline.tables) {
    const item = itemAt(outline, offset);
    if (item >= 0) parts.items.add(item);
  }
  return parts;
}

/** The items and `#define`s of `text` that spell `name` as a word (outside
 * comments or not: a superset). */
export function partsSpelling(outline: Outline, text: string, name: string): Parts {
  const parts = noParts();
  if (!ASCII_IDENTIFIER.test(name)) {
    parts.whole = true;
    return parts;
  }
  const defines = outline.defines;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (identPart(text.charCodeAt(end))) continue;
    // A word starts after a non-identifier character, or anywhere in a
    // number run (`0x1fname`): both count.
    if (outline.unsure !== undefined) {
      parts.spots.add(at);
      continue;
    }
    const item = itemAt(outline, at);
    if (item >= 0) parts.items.add(item);
    const define = defineAt(defines, at);
    if (define >= 0 && end <= defines[define].end) parts.defines.add(define);
    else if (item < 0) {
      // In a comment, or in a directive such as `#if defined(name)`, whose
      // words tree-sitter's error recovery can make into facts.
      parts.whole = true;
      return parts;
    }
  }
  return parts;
}

/** The last `#define` that starts at or before `offset`, or -1. */
function defineAt(defines: Outline['defines'], offset: number): number {
  let lo = 0;
  let hi = defines.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (defines[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

// ---------------------------------------------------------------------------
// Parsing more of a file later: only the new parts are parsed, and their
// facts join those already known.

/** What `want` asks beyond `parsed`: new items, new heads, and the `#define`s
 * that no parsed or newly wanted range holds already. */
export function partsToAdd(outline: Outline, parsed: Parts, want: Parts, read: ArrayLike<number>): Parts {
  const more = noParts();
  // A spot inside a node already read needs nothing more.
  for (const at of want.spots) if (!parsed.spots.has(at) && !covered(read, at, at)) more.spots.add(at);
  for (const name of want.functions) if (!parsed.functions.has(name)) more.functions.add(name);
  for (const name of want.macros) if (!parsed.macros.has(name)) more.macros.add(name);
  for (const k of want.items) if (!parsed.items.has(k)) more.items.add(k);
  for (const k of want.heads) if (!parsed.heads.has(k) && !parsed.items.has(k) && !more.items.has(k)) more.heads.add(k);
  const held = partRanges(outline, { ...parsed, defines: new Set(), spots: new Set(), functions: new Set(), macros: new Set() });
  const adding = partRanges(outline, { ...more, defines: new Set(), spots: new Set(), functions: new Set(), macros: new Set() });
  for (const k of want.defines) {
    if (parsed.defines.has(k)) continue;
    const { start, end } = outline.defines[k];
    if (held !== 'whole' && covered(held.ranges, start, end)) continue;
    if (adding !== 'whole' && covered(adding.ranges, start, end)) continue;
    if (covered(read, start, end)) continue;
    more.defines.add(k);
  }
  return more;
}

type Keyed<T> = { list: T[]; key: (fact: T) => number };

/** The facts of a file parsed in parts, after `added` (the facts of more
 * parts: `ranges`) joins `known`. A fact of `known` inside `ranges` was
 * parsed again (a head now parsed with its body): the new one stands. Every
 * list stays in the order a whole parse walks the file, which is the order
 * of its facts' offsets. */
export function mergeFacts(known: FileFacts, added: FileFacts): FileFacts {
  const ranges = added.partial!.ranges;
  const stale = (offset: number) => covered(ranges, offset, offset);
  const merge = <T>(a: Keyed<T>, b: T[]): T[] => {
    const kept = a.list.filter((fact) => !stale(a.key(fact)));
    const out: T[] = [];
    let i = 0;
    let j = 0;
    while (i < kept.length || j < b.length) {
      if (j >= b.length || (i < kept.length && a.key(kept[i]) <= a.key(b[j]))) out.push(kept[i++]);
      else out.push(b[j++]);
    }
    return out;
  };
  const byStart = (fact: { range: Range }) => fact.range.start;
  const headsOnly = new Set([...known.partial!.headsOnly.map((i) => known.functions[i]), ...added.partial!.headsOnly.map((i) => added.functions[i])]);
  const functions = merge({ list: known.functions, key: byStart }, added.functions);
  return {
    file: known.file,
    functions,
    prototypes: merge({ list: known.prototypes, key: byStart }, added.prototypes),
    tables: merge({ list: known.tables, key: byStart }, added.tables),
    calls: merge({ list: known.calls, key: (c) => c.nameRange.start }, added.calls),
    uses: merge({ list: known.uses, key: byStart }, added.uses),
    macros: merge({ list: known.macros, key: byStart }, added.macros),
    macroRefs: merge({ list: known.macroRefs, key: byStart }, added.macroRefs),
    includes: known.includes,
    // A whole parse knows every error; else the errors are those of the parts.
    parseErrors: added.partial!.parsedWhole ? added.parseErrors : merge({ list: known.parseErrors, key: (r) => r.start }, added.parseErrors),
    partial: {
      headsOnly: functions.flatMap((f, i) => (headsOnly.has(f) ? [i] : [])),
      ranges: mergeFlat([...known.partial!.ranges, ...ranges]),
      ...(known.partial!.parsedWhole || added.partial!.parsedWhole ? { parsedWhole: true as const } : {}),
    },
  };
}
