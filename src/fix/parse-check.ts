// Whether fixing a file makes it parse worse: the fixed text must have no
// more unparsable regions than the text before. Only the top-level items the
// edits touch are parsed, before and after, as the same ranges (mapped
// through the edits): an item parses alike whatever stands around it (see
// extract/parts.ts), so everywhere else the errors are unchanged, and parsing
// a few functions costs little next to parsing every fixed file whole (which
// was half of a large `fix`). The whole file is parsed, before and after,
// when the outline cannot vouch for that: an unsure outline, an edit in a
// ragged item, in an item a preprocessor conditional is open over (tree-sitter
// recovers from errors otherwise inside a conditional than alone) or outside
// items, or a fixed text in which the touched ranges are no longer items and
// blank space alone (deleting the newline that ends a `#define` joins the
// next line to it) or the other items are not what they were (an unclosed
// comment or `#if` changes how the rest reads). Compared with whole-file
// parses it never passes more (test/unit/parse-check.test.ts).

import { parseErrorRegions } from '../extract/extract.js';
import { outline as outlineOf, ITEM, type Outline } from '../extract/outline.js';
import { partsAround } from '../extract/parts.js';
import { mergeFlat } from '../extract/ranges.js';
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
  if (items !== 'whole') return errorCount(after, items.after) > errorCount(before, items.before);
  return parseErrorRegions(after).length > (known.errors ?? parseErrorRegions(before).length);
}

/** The ranges of `before` and of `after` (the same items, mapped through the
 * edits) whose parses decide, or 'whole' when the outline cannot vouch that
 * they read alone as in the file. */
export function itemsToCheck(before: string, after: string, edits: TextEdit[], outline: Outline = outlineOf(before)): { before: number[]; after: number[] } | 'whole' {
  const sorted = sortEdits(edits);
  const ranges = touchedRanges(before, outline, sorted);
  if (ranges === 'whole') return 'whole';
  const afterOutline = outlineOf(after);
  const mapped = mapRanges(ranges, sorted);
  return othersKept(outline, afterOutline, ranges, sorted) && readAlone(afterOutline, after, mapped) ? { before: ranges, after: mapped } : 'whole';
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
 * every edit and the items each one touches; 'whole' when the
 * outline cannot say what tree-sitter reads alone. */
function touchedRanges(text: string, outline: Outline, edits: TextEdit[]): number[] | 'whole' {
  if (outline.unsure !== undefined || !outline.items.length) return 'whole';
  const ragged = readInContext(outline);
  const pieces: number[] = [];
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
    for (const k of parts.items) {
      if (ragged.has(k)) return 'whole';
      first = Math.min(first, at(k, ITEM.start));
      last = Math.max(last, at(k, ITEM.end));
    }
    if (!blank(text, edit.range.start, first) || !blank(text, last, edit.range.end)) return 'whole';
    pieces.push(Math.min(first, edit.range.start), Math.max(last, edit.range.end));
  }
  return mergeFlat(pieces);
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

function errorCount(text: string, ranges: number[]): number {
  // tree-sitter wants ranges that hold something (an insertion's range before it holds nothing).
  const nonEmpty: number[] = [];
  for (let k = 0; k < ranges.length; k += 2) if (ranges[k] < ranges[k + 1]) nonEmpty.push(ranges[k], ranges[k + 1]);
  return nonEmpty.length ? parseErrorRegions(text, nonEmpty).length : 0;
}
