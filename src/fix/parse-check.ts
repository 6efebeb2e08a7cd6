// Whether fixing a file makes it parse worse: the fixed text must have no
// more unparsable regions than the text before. Only the top-level items the
// edits touch are parsed, before and after, as the same ranges (mapped
// through the edits): an item parses alike whatever stands around it (see
// extract/parts.ts), so everywhere else the errors are unchanged, and parsing
// a few functions costs little next to parsing every fixed file whole (which
// was half of a large `fix`). A ragged item (a conditional straddles its
// ends) is read in a window, as the extraction reads it (extract/windows.ts):
// with a neighbour item on each side, which must read without errors before
// and after and be an item of the fixed text as it was. The whole file is
// parsed, before and after, when the outline cannot vouch for that: an unsure
// outline, an edit in an item a preprocessor conditional is open over
// (tree-sitter recovers from errors otherwise inside a conditional than
// alone), in a window's neighbour or outside items, a window whose
// neighbours do not read cleanly, or a fixed text in which the touched ranges
// are no longer items and blank space alone (deleting the newline that ends
// a `#define` joins the next line to it) or the other items are not what
// they were (an unclosed comment or `#if` changes how the rest reads).
// Compared with whole-file parses it never passes more
// (test/unit/parse-check.test.ts).

import type { Range } from '../extract/facts.js';
import { parseErrorRegions } from '../extract/extract.js';
import { maskingRanges } from '../extract/mask.js';
import { itemIndexAt, outline as outlineOf, ITEM, type Outline } from '../extract/outline.js';
import { partsAround } from '../extract/parts.js';
import { mergeFlat, overlapsAny, sortedPairs } from '../extract/ranges.js';
import { joinRuns, raggedRun, spanRanges, windowOf } from '../extract/windows.js';
import { sortEdits } from './edits.js';
import { growth, type TextEdit } from './layout.js';

/** What a caller may know of `before` already, each saving work. */
export interface KnownBefore {
  /** The count of unparsable regions of the whole text (saves a parse when the whole file must be parsed). */
  errors?: number;
  /** Its outline (the analysis made one). */
  outline?: Outline;
}

/** Whether `after` (`before` with `edits` applied) has more unparsable
 * regions than `before`. */
export function editsAddParseErrors(before: string, after: string, edits: TextEdit[], known: KnownBefore = {}): boolean {
  const items = itemsToCheck(before, after, edits, known.outline);
  if (items !== 'whole') {
    const afterCount = errorCount(after, items.after);
    const beforeCount = afterCount === undefined ? undefined : errorCount(before, items.before);
    if (afterCount !== undefined && beforeCount !== undefined) return afterCount > beforeCount;
  }
  return parseErrorRegions(after).length > (known.errors ?? parseErrorRegions(before).length);
}

/** A window around a ragged run (see extract/windows.ts): the stretch
 * parsed, and the stretch between its neighbours. */
interface Window {
  span: [number, number];
  inner: [number, number];
}

/** What is parsed of one text to check it: ranges read alone, and windows
 * (each parsed as `spanRanges` of the text's outline, which it is read by). */
interface Reading {
  ranges: number[];
  windows: Window[];
  outline: Outline;
}

/** The readings of `before` and of `after` (the same items, mapped through
 * the edits) whose parses decide, or 'whole' when the outline cannot vouch
 * that they read as in the file. */
export function itemsToCheck(before: string, after: string, edits: TextEdit[], outline: Outline = outlineOf(before)): { before: Reading; after: Reading } | 'whole' {
  const sorted = sortEdits(edits);
  const touched = touchedRanges(before, outline, sorted);
  if (touched === 'whole') return 'whole';
  const afterOutline = outlineOf(after);
  const mapped = mapRanges(touched.ranges, sorted);
  const windows = touched.windows.map(({ span, inner }): Window => {
    const [spanStart, spanEnd] = mapRanges(span, sorted);
    const [innerStart, innerEnd] = mapRanges(inner, sorted);
    return { span: [spanStart, spanEnd], inner: [innerStart, innerEnd] };
  });
  const spans = touched.windows.flatMap((w) => w.span);
  if (!othersKept(outline, afterOutline, mergeFlat([...touched.ranges, ...spans]), sorted)) return 'whole';
  if (!readAlone(afterOutline, after, mapped) || !windows.every((w) => neighboursKept(afterOutline, w))) return 'whole';
  return { before: { ranges: touched.ranges, windows: touched.windows, outline }, after: { ranges: mapped, windows, outline: afterOutline } };
}

/** Whether the fixed text's outline has a window's neighbours as items
 * where they were (moved by the edits before them), neither read otherwise
 * in the file than alone. */
function neighboursKept(after: Outline, window: Window): boolean {
  const inContext = readInContext(after);
  const at = (k: number, field: number) => after.items[k * ITEM.size + field];
  const previous = itemIndexAt(after.items, window.span[0]);
  const next = itemIndexAt(after.items, window.inner[1]);
  const kept = (k: number, start: number, end: number) => k >= 0 && at(k, ITEM.start) === start && at(k, ITEM.end) === end && !inContext.has(k);
  return kept(previous, window.span[0], window.inner[0]) && kept(next, window.inner[1], window.span[1]);
}

/** Whether each of `ranges` of the fixed text is, as its outline says,
 * items tree-sitter reads alone as in the file (none ragged, none inside a
 * conditional) and blank space between them: no edit joined a directive or
 * a comment to them, or made them read otherwise. */
function readAlone(after: Outline, text: string, ranges: number[]): boolean {
  const inContext = readInContext(after);
  const count = after.items.length / ITEM.size;
  let k = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    let at = ranges[r];
    const end = ranges[r + 1];
    while (k < count && after.items[k * ITEM.size + ITEM.end] <= at) k++;
    for (; k < count && after.items[k * ITEM.size + ITEM.start] < end; k++) {
      const start = after.items[k * ITEM.size + ITEM.start];
      const itemEnd = after.items[k * ITEM.size + ITEM.end];
      if (inContext.has(k) || start < at || itemEnd > end || !blank(text, at, start)) return false;
      at = itemEnd;
    }
    if (!blank(text, at, end)) return false;
  }
  return true;
}

/** Whether every item outside `ranges` is an item of the fixed text too, as
 * it was (only moved by the edits before it): no edit changed how the text
 * after it reads (an unclosed comment or `#if` would). */
function othersKept(before: Outline, after: Outline, ranges: number[], edits: TextEdit[]): boolean {
  if (after.unsure !== undefined) return false;
  const kept = new Set<string>();
  for (let k = 0; k < after.items.length; k += ITEM.size) kept.add(`${after.items[k + ITEM.start]}:${after.items[k + ITEM.end]}`);
  let r = 0;
  let e = 0;
  let delta = 0;
  for (let k = 0; k < before.items.length; k += ITEM.size) {
    const start = before.items[k + ITEM.start];
    const end = before.items[k + ITEM.end];
    while (r < ranges.length && ranges[r + 1] < start) r += 2;
    if (r < ranges.length && ranges[r] <= end) continue;
    for (; e < edits.length && edits[e].range.start < start; e++) delta += growth(edits[e]);
    if (!kept.has(`${start + delta}:${end + delta}`)) return false;
  }
  return true;
}

/** The ranges of `before` (flat start/end pairs, sorted, disjoint) that hold
 * every edit and the items each one touches, read alone, and the windows
 * around the ragged items edits touch; 'whole' when the outline cannot say
 * what tree-sitter reads there. */
function touchedRanges(text: string, outline: Outline, edits: TextEdit[]): { ranges: number[]; windows: Window[] } | 'whole' {
  if (outline.unsure !== undefined || !outline.items.length) return 'whole';
  const ragged = new Set(outline.ragged);
  const conditioned = new Set(outline.conditioned);
  const count = outline.items.length / ITEM.size;
  const pieces: number[] = [];
  const runs: [number, number][] = [];
  const at = (k: number, field: number) => outline.items[k * ITEM.size + field];
  for (const edit of edits) {
    const parts = partsAround(outline, edit.range);
    // An edit between items, or reaching past the items it touches into
    // something other than blank space (a directive, a comment), is checked
    // on the whole text: a range tree-sitter reads alone must start and end
    // where the outline says a top-level item does.
    if (!parts.items.size) return 'whole';
    let first = Infinity;
    let last = -Infinity;
    let inRun = false;
    for (const k of parts.items) {
      if (conditioned.has(k)) return 'whole';
      if (ragged.has(k)) inRun = true;
      first = Math.min(first, at(k, ITEM.start));
      last = Math.max(last, at(k, ITEM.end));
    }
    if (!blank(text, edit.range.start, first) || !blank(text, last, edit.range.end)) return 'whole';
    if (!inRun) pieces.push(Math.min(first, edit.range.start), Math.max(last, edit.range.end));
    else runs.push(raggedRun(ragged, count, Math.min(...parts.items), Math.max(...parts.items)));
  }
  const ranges = mergeFlat(pieces);
  const windows: Window[] = [];
  for (const [from, to] of joinRuns(runs)) {
    // A window stands between two neighbours that read alone, and no edit touches them.
    if (from === 0 || to === count - 1) return 'whole';
    for (let k = from - 1; k <= to + 1; k++) if (conditioned.has(k)) return 'whole';
    const window = windowOf(outline, from, to);
    if (overlapsAny(ranges, window.span[0], window.span[1])) return 'whole';
    windows.push(window);
  }
  return { ranges, windows };
}

/** Items tree-sitter may read otherwise in the file than alone. */
const readInContext = (outline: Outline): Set<number> => new Set([...outline.ragged, ...outline.conditioned]);

const BLANK = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c]);

/** Whether `text` from `start` to `end` is spaces and line ends only (or nothing). */
function blank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!BLANK.has(text.charCodeAt(i))) return false;
  return true;
}

/** `ranges` of the text before the edits as ranges of the text after them.
 * Each range holds whole edits (see touchedRanges), so a range's start moves
 * by the edits before it and its end by those before and in it, and text an
 * edit inserts at a range's edge falls inside the range. */
function mapRanges(ranges: number[], edits: TextEdit[]): number[] {
  const out: number[] = [];
  let e = 0;
  let delta = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    for (; e < edits.length && edits[e].range.start < ranges[k]; e++) delta += growth(edits[e]);
    const start = ranges[k] + delta;
    for (; e < edits.length && edits[e].range.start <= ranges[k + 1]; e++) delta += growth(edits[e]);
    out.push(start, ranges[k + 1] + delta);
  }
  return out;
}

/** The unparsable regions of what `reading` reads of `text`; undefined when
 * a window's neighbours do not read cleanly (then the window does not read
 * as the file does). */
function errorCount(text: string, reading: Reading): number | undefined {
  // tree-sitter wants ranges that hold something (an insertion's range before it holds nothing).
  const alone: number[] = [];
  for (let k = 0; k < reading.ranges.length; k += 2) if (reading.ranges[k] < reading.ranges[k + 1]) alone.push(reading.ranges[k], reading.ranges[k + 1]);
  const windowed = reading.windows.flatMap((w) => spanRanges(reading.outline, w.span));
  const ranges = mergeFlat([...alone, ...windowed]);
  if (!ranges.length) return 0;
  // A range read alone is masked as one; a window item by item, as the extraction masks it.
  const regions = parseErrorRegions(text, ranges, sortedPairs([...alone, ...maskingRanges(reading.outline, windowed)]));
  const inNeighbour = (region: Range, w: Window) => region.end > w.span[0] && region.start < w.span[1] && !(w.inner[0] <= region.start && region.end <= w.inner[1]);
  if (reading.windows.some((w) => regions.some((region) => inNeighbour(region, w)))) return undefined;
  return regions.length;
}
