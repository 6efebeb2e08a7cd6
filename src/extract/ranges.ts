// Byte ranges of a file, as `Range` objects or flat start/end pairs (`[s0,
// e0, s1, e1, …]`, which cross threads and fill typed arrays cheaply). Where
// a helper says "sorted", the pairs are in order of start and disjoint.

import type { Range } from './facts.js';

/** The bytes the flat ranges span together (they do not overlap). */
export function lengthOf(flat: ArrayLike<number>): number {
  let bytes = 0;
  for (let k = 0; k < flat.length; k += 2) bytes += flat[k + 1] - flat[k];
  return bytes;
}

/** Flat ranges in any order → sorted, with overlapping or touching ones joined. */
export function mergeFlat(flat: ArrayLike<number>): number[] {
  const pairs: [number, number][] = [];
  for (let k = 0; k < flat.length; k += 2) pairs.push([flat[k], flat[k + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [start, end] of pairs) {
    if (out.length && start <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], end);
    else out.push(start, end);
  }
  return out;
}

/** Ranges in any order → sorted, with overlapping or touching ones joined (new objects). */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out;
}

/** Pairs (a, b) in any order → sorted by a, then b. */
export function sortedPairs(flat: ArrayLike<number>): number[] {
  const order = Array.from({ length: flat.length / 2 }, (_, k) => k).sort((x, y) => flat[x * 2] - flat[y * 2] || flat[x * 2 + 1] - flat[y * 2 + 1]);
  const out = new Array<number>(flat.length);
  order.forEach((k, w) => {
    out[w * 2] = flat[k * 2];
    out[w * 2 + 1] = flat[k * 2 + 1];
  });
  return out;
}

/** Whether `[start, end)` lies inside one of `ranges` (flat, sorted); with
 * `start === end`, whether that offset is in one. */
export function covered(ranges: ArrayLike<number>, start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid * 2 + 1] <= start) lo = mid + 1;
    else if (ranges[mid * 2] > start) hi = mid - 1;
    else return end <= ranges[mid * 2 + 1];
  }
  return false;
}

/** Whether `range` lies inside one of `ranges` (flat, in any order), its ends
 * included: unlike `covered`, a zero-width range at a range's end counts. */
export function within(range: Range, ranges: ArrayLike<number>): boolean {
  for (let k = 0; k < ranges.length; k += 2) if (ranges[k] <= range.start && range.end <= ranges[k + 1]) return true;
  return false;
}

/** Whether `[start, end)` (a zero-width one counts as one character) overlaps one of `ranges` (flat, sorted). */
export function overlapsAny(ranges: ArrayLike<number>, start: number, end: number): boolean {
  const stop = Math.max(end, start + 1);
  // The first range that ends after `start`.
  let lo = 0;
  let hi = ranges.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid * 2 + 1] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length / 2 && ranges[lo * 2] < stop;
}

/** Whether one of `regions` (sorted) overlaps `[start, end)` or, zero-width
 * (a missing token), lies within `[start, end]`: as check/unparsed.ts tells
 * the functions around a region. */
export function overlapsSorted(regions: Range[], start: number, end: number): boolean {
  let lo = 0;
  let hi = regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const region = regions[mid];
    if (Math.max(region.end, region.start + 1) <= start) lo = mid + 1;
    else if (region.start > end || (region.start === end && region.end > end)) hi = mid - 1;
    else return true;
  }
  return false;
}
