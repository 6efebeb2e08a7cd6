// Byte edits and applying them. An edit replaces [start, end) of the
// original text; every byte outside the edited ranges is kept as it was.

import type { Range } from '../extract/facts.js';

export interface Edit {
  file: string;
  range: Range;
  text: string;
}

export class OverlappingEditsError extends Error {}

/** Edits sorted by position; two edits that touch the same bytes are a bug
 * in the planner, never something to apply twice. Insertions at the same
 * offset keep their given order. */
export function sortEdits<T extends { range: Range }>(edits: T[]): T[] {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.range.start - b.edit.range.start || a.edit.range.end - b.edit.range.end || a.order - b.order)
    .map(({ edit }) => edit);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1].range;
    const next = sorted[i].range;
    if (next.start < prev.end) {
      throw new OverlappingEditsError(`overlapping edits at ${prev.start}-${prev.end} and ${next.start}-${next.end}`);
    }
  }
  return sorted;
}

export function applyEdits(text: string, edits: { range: Range; text: string }[]): string {
  let out = '';
  let at = 0;
  for (const edit of sortEdits(edits)) {
    out += text.slice(at, edit.range.start) + edit.text;
    at = edit.range.end;
  }
  return out + text.slice(at);
}

/** Whether an edit at `edit` touches `region` (an insertion touches it when it
 * falls inside or at its edges). */
export function touches(edit: Range, region: Range): boolean {
  return edit.start <= region.end && region.start <= edit.end;
}
