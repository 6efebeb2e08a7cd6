// Byte edits and applying them. An edit replaces [start, end) of the
// original text; every byte outside the edited ranges is kept as it was.
// Edits from several findings in one file are applied together, in one pass
// over the original text, so no edit sees another's output.

import type { Range } from '../extract/facts.js';

export interface Edit {
  file: string;
  range: Range;
  text: string;
}

/** Two edits that touch the same bytes, a duplicated edit, or an edit outside
 * the text: always a bug in the planner, never something to apply. */
export class OverlappingEditsError extends Error {
  override readonly name = 'OverlappingEditsError';
}

const show = (e: { range: Range; text: string }) => `${e.range.start}-${e.range.end} ${JSON.stringify(e.text)}`;

/** Edits sorted by position. Insertions at the same offset keep their given
 * order; anything else that shares bytes throws. The same insertion twice
 * throws too: that is how duplicated fix-its corrupt files. */
export function sortEdits<T extends { range: Range; text: string }>(edits: T[]): T[] {
  for (const edit of edits) {
    if (!(Number.isInteger(edit.range.start) && Number.isInteger(edit.range.end) && 0 <= edit.range.start && edit.range.start <= edit.range.end)) {
      throw new OverlappingEditsError(`malformed edit ${show(edit)}`);
    }
  }
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.range.start - b.edit.range.start || a.edit.range.end - b.edit.range.end || a.order - b.order)
    .map(({ edit }) => edit);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const next = sorted[i];
    if (next.range.start < prev.range.end) {
      throw new OverlappingEditsError(`overlapping edits ${show(prev)} and ${show(next)}`);
    }
    if (next.range.start === prev.range.start && next.range.end === prev.range.end && next.text === prev.text) {
      throw new OverlappingEditsError(`the same edit twice: ${show(next)}`);
    }
  }
  return sorted;
}

export function applyEdits(text: string, edits: { range: Range; text: string }[]): string {
  const sorted = sortEdits(edits);
  const last = sorted[sorted.length - 1];
  if (last && last.range.end > text.length) {
    throw new OverlappingEditsError(`edit ${show(last)} reaches past the end of the ${text.length}-byte text`);
  }
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(text.slice(at, edit.range.start), edit.text);
    at = edit.range.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Whether an edit at `edit` touches `region` (an insertion touches it when it
 * falls inside or at its edges). */
export function touches(edit: Range, region: Range): boolean {
  return edit.start <= region.end && region.start <= edit.end;
}
