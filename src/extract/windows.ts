// Windows: parts read together with a neighbour item on each side. A part
// tree-sitter cannot read alone as the outline promised — a ragged item, or
// one whose parse has an error (a macro call without its `;` that runs into
// the next function, a conditional inside a table entry) — is read in a
// window instead of parsing its whole file. When the two neighbours parse
// cleanly, tree-sitter stands at the top level on both sides, as it does in
// the whole file there (an item parses alike whatever items stand before
// it, see parts.ts): the window between them reads as the whole file reads
// it, errors and all. A neighbour not wanted entire is read as a head, its
// body as `{}`: standing at the top level is all it is there for (on the
// benchmark's tree, a seventh of the bytes parsed were such bodies). A
// window whose neighbours do not parse cleanly is widened, and past the
// widest the file is parsed whole. Conditional
// directives between items that a window holds only in part (an include
// guard's) are left out of it: the items inside read alone then, as every
// part inside a conditional does (parse-check.ts knows where that differs).
//
// This module knows outlines and offsets only: extract.ts parses.

import type { Range } from './facts.js';
import { ITEM, type Shape } from './outline.js';
import { lengthOf, mergeFlat, overlapsAny } from './ranges.js';

/** What a parse of parts reads (see `PartRanges` in parts.ts, which adds the
 * rest): flat start/end pairs, sorted and disjoint. */
export interface WindowedRanges {
  /** The ranges parsed. */
  ranges: number[];
  /** Bodies of function heads (offsets of `{` and `}`): left out of the
   * ranges, or inside a window, where a head is read as a head all the same. */
  bodies: number[];
  /** The stretches between the neighbours of each window: an error there is
   * the file's own (the neighbours are the parse's to check). */
  windows?: number[];
  /** The ranges whose facts are wanted, when the ranges parsed are wider
   * (the top-level nodes that hold them are read); else all that is parsed. */
  wanted?: number[];
}

/** Whether parsing `ranges` costs about what parsing the whole text does
 * (half of it: a failed window is parsed again wider, and then whole). */
export const costsAsMuchAsWhole = (ranges: ArrayLike<number>, length: number): boolean => lengthOf(ranges) * 2 > length;

/** Items `from`..`to` read with the items just outside them as neighbours
 * (`from > to`: the directives and comments between two items). At the
 * file's ends, where there is no neighbour, the window ends with its items;
 * a ragged one there reaches the end, for the conditional that straddles it
 * (an include guard's `#if` then reads without its `#endif`, which only
 * fails the window). */
export function windowOf(outline: Shape, from: number, to: number): { span: [number, number]; inner: [number, number] } {
  const items = outline.items;
  const count = items.length / ITEM.size;
  const at = (k: number, field: number) => items[k * ITEM.size + field];
  const ragged = (k: number) => outline.ragged.includes(k);
  const before = from - 1;
  const after = to + 1;
  const start = before >= 0 ? at(before, ITEM.start) : ragged(from) ? 0 : at(from, ITEM.start);
  const end = after < count ? at(after, ITEM.end) : ragged(to) ? outline.length : at(to, ITEM.end);
  return {
    span: [start, end],
    inner: [before >= 0 ? at(before, ITEM.end) : start, after < count ? at(after, ITEM.start) : end],
  };
}

/** The bodies (flat `{`/`}` offset pairs) of the neighbours of the window
 * of items `from`..`to` that are function definitions not to be read whole.
 * A neighbour is in the window to stand at the top level, which its head
 * does as well with its body read as `{}` (a head parses alike either way:
 * that is how heads are read, see parts.ts), so its body need not be
 * parsed; a neighbour that is walked is then read as a head. */
function neighbourBodies(outline: Shape, from: number, to: number, readWhole: (k: number) => boolean): number[] {
  const items = outline.items;
  const count = items.length / ITEM.size;
  const out: number[] = [];
  for (const k of [from - 1, to + 1]) {
    if (k < 0 || k >= count || readWhole(k)) continue;
    const open = items[k * ITEM.size + ITEM.open];
    if (open >= 0) out.push(open, items[k * ITEM.size + ITEM.close]);
  }
  return out;
}

/** `ranges` (flat pairs, sorted, disjoint) with the insides of `bodies`
 * (flat `{`/`}` offset pairs, sorted) left out: the parser sees `{}`. */
function withoutBodies(ranges: number[], bodies: number[]): number[] {
  if (!bodies.length) return ranges;
  const out: number[] = [];
  for (let r = 0; r < ranges.length; r += 2) {
    let start = ranges[r];
    const end = ranges[r + 1];
    for (let b = 0; b < bodies.length && start < end; b += 2) {
      // What is left out: after the `{`, up to the `}`.
      const cutFrom = bodies[b] + 1;
      const cutTo = bodies[b + 1];
      if (cutTo <= start || cutFrom >= end) continue;
      if (cutFrom > start) out.push(start, cutFrom);
      start = Math.max(start, cutTo);
    }
    if (start < end) out.push(start, end);
  }
  return out;
}

/** The window of items `from`..`to` (see windowOf) and what a parse of it
 * reads: its span as `spanRanges`, without the bodies of the neighbours not
 * read whole (see neighbourBodies), which are given too. */
export function windowReading(outline: Shape, from: number, to: number, readWhole: (k: number) => boolean): { span: [number, number]; inner: [number, number]; ranges: number[]; skipped: number[] } {
  const { span, inner } = windowOf(outline, from, to);
  const skipped = neighbourBodies(outline, from, to, readWhole);
  return { span, inner, ranges: withoutBodies(spanRanges(outline, span), skipped), skipped };
}

/** Runs of items (first, last) in item order, joined where they meet or
 * where one's neighbour would be the other's or inside it: the windows
 * around the runs never overlap. */
export function joinRuns(runs: [number, number][]): [number, number][] {
  const sorted = [...runs].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 2) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** Items `from`..`to` widened so that neither neighbour is ragged: a
 * conditional that straddles items is read whole. */
export function raggedRun(ragged: ReadonlySet<number>, count: number, from: number, to: number): [number, number] {
  let first = from;
  let last = to;
  while (first > 0 && ragged.has(first - 1)) first--;
  while (last < count - 1 && ragged.has(last + 1)) last++;
  return [first, last];
}

/** The items a region touches: the first that ends at or after its start
 * through the last that starts at or before its end (`from > to` when it
 * lies between two items). */
export function itemsTouching(items: Int32Array, region: Range): [number, number] {
  const count = items.length / ITEM.size;
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid * ITEM.size + ITEM.end] < region.start) lo = mid + 1;
    else hi = mid;
  }
  const from = lo;
  hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid * ITEM.size + ITEM.start] <= region.end) lo = mid + 1;
    else hi = mid;
  }
  return [from, lo - 1];
}

/** `parts` with every `trouble` region read in a window of `width` items
 * on each side (the item itself counting as one): the windows' spans join
 * the ranges parsed, windows that meet become one, and what is wanted
 * stays what it was. */
export function widen<T extends WindowedRanges>(outline: Shape, parts: T, trouble: Range[], width: number): T {
  const count = outline.items.length / ITEM.size;
  const ragged = new Set(outline.ragged);
  const runs: [number, number][] = trouble.map((region) => {
    const [from, to] = itemsTouching(outline.items, region);
    return raggedRun(ragged, count, Math.max(0, from - (width - 1)), Math.min(count - 1, to + (width - 1)));
  });
  const read: number[] = [];
  const inners: number[] = [...(parts.windows ?? [])];
  const wanted = parts.wanted ?? parts.ranges;
  const heads = new Set(parts.bodies.filter((_, i) => i % 2 === 0));
  // Only the wanted is walked here (see WindowedRanges.wanted): a neighbour
  // wanted as a head is read as one already, and one not wanted at all is
  // not walked; any other (one wanted entire) is read whole.
  const readWhole = (k: number) => {
    const at = k * ITEM.size;
    return !heads.has(outline.items[at + ITEM.open]) && overlapsAny(wanted, outline.items[at + ITEM.start], outline.items[at + ITEM.end]);
  };
  for (const [from, to] of joinRuns(runs)) {
    const window = windowReading(outline, from, to, readWhole);
    read.push(...window.ranges);
    inners.push(...window.inner);
  }
  return { ...parts, ranges: mergeFlat([...parts.ranges, ...read]), windows: mergeFlat(inners), wanted };
}

/** Fields of one directive in `Outline.conditionals`. */
const DIRECTIVE = { size: 4, start: 0, end: 1, step: 2, betweenItems: 3 } as const;

/** `span` as the ranges a window parses: without the directives between
 * items of conditionals it does not hold whole (an `#endif` or `#else`
 * whose `#if` stands before the span, an `#if` closed after it, with its
 * `#else`s). The items inside such a conditional read alone, as parts of
 * the file always are; kept, the stray directive would be an error of the
 * window's own. */
export function spanRanges(outline: Shape, span: [number, number]): number[] {
  const lines = outline.conditionals;
  const at = (d: number, field: number) => lines[d * DIRECTIVE.size + field];
  const count = lines.length / DIRECTIVE.size;
  let d = 0;
  while (d < count && at(d, DIRECTIVE.start) < span[0]) d++;
  const opened: number[][] = [];
  const stray: number[] = [];
  for (; d < count && at(d, DIRECTIVE.start) < span[1]; d++) {
    const step = at(d, DIRECTIVE.step);
    if (step === 1) opened.push([d]);
    else if (!opened.length) stray.push(d);
    else if (step === 0) opened[opened.length - 1].push(d);
    else opened.pop();
  }
  for (const directives of opened) stray.push(...directives);
  stray.sort((a, b) => a - b);
  const out: number[] = [];
  let from = span[0];
  for (const s of stray) {
    // One inside an item cannot be left out: the window reads it, and fails if it must.
    if (!at(s, DIRECTIVE.betweenItems)) continue;
    if (at(s, DIRECTIVE.start) > from) out.push(from, at(s, DIRECTIVE.start));
    from = at(s, DIRECTIVE.end);
  }
  if (span[1] > from) out.push(from, span[1]);
  return out;
}
