// Adding and removing parameters and arguments the way the surrounding code
// is laid out: one parameter per line stays one per line, at the same
// indentation and with the file's own line ending.

import type { CallFact, ParamListFact, Range } from '../extract/facts.js';
import { eolAt, indentOfLine, startsLine } from '../source/source-file.js';

export interface TextEdit {
  range: Range;
  text: string;
}

/** How many characters longer the text is once `edit` is made (negative: shorter). */
export const growth = (edit: TextEdit): number => edit.text.length - (edit.range.end - edit.range.start);

const at = (offset: number, text: string): TextEdit => ({ range: { start: offset, end: offset }, text });

/** Parameters written one per line: a lone parameter on its own line, or
 * every parameter after the first starting a line (the first may sit after
 * the `(`, aligned style). */
function onePerLine(list: ParamListFact, text: string): boolean {
  const [first, ...rest] = list.params;
  if (!first) return false;
  if (!rest.length) return startsLine(text, first.range.start);
  return rest.every((p) => startsLine(text, p.range.start));
}

/** Edits that append `params` (already spelled) to a parameter list. */
export function appendParams(list: ParamListFact, params: string[], text: string): TextEdit[] {
  const open = list.range.start + 1;
  if (list.form === 'void') return [{ range: list.voidRange!, text: params.join(', ') }];
  if (list.form === 'empty') return [at(open, params.join(', '))];
  const last = list.params[list.params.length - 1];
  const afterComments = list.trailingComments.length
    ? list.trailingComments[list.trailingComments.length - 1].end
    : last.range.end;
  // Inline: after any comment on the last parameter, so the comment keeps describing it.
  if (!onePerLine(list, text)) return [at(afterComments, ', ' + params.join(', '))];
  const eol = eolAt(text, last.range.start);
  const indent = indentOfLine(text, last.range.start);
  const lines = params.map((p) => eol + indent + p).join(',');
  // A trailing comment on the last parameter's line stays with that parameter.
  const commentOnSameLine = afterComments !== last.range.end && !text.slice(last.range.end, afterComments).includes('\n');
  if (!commentOnSameLine) return [at(last.range.end, ',' + lines)];
  return [at(last.range.end, ','), at(afterComments, lines)];
}

/** Edits that remove the parameters after the first `keep`; a reason string when it cannot. */
export function removeParams(list: ParamListFact, keep: number): TextEdit[] | string {
  if (keep <= 0) return 'cannot remove every parameter';
  const lastKept = list.params[keep - 1];
  const lastRemoved = list.params[list.params.length - 1];
  const range = { start: lastKept.range.end, end: lastRemoved.range.end };
  if (list.comments.some((c) => c.start >= range.start && c.end <= range.end)) {
    return 'a comment sits among the parameters to remove';
  }
  return [{ range, text: '' }];
}

/** Edits that append `args` to a direct call. */
export function appendArgs(call: CallFact, args: string[]): TextEdit[] {
  if (!call.args.length) return [at(call.argsRange.start + 1, args.join(', '))];
  return [at(call.args[call.args.length - 1].range.end, ', ' + args.join(', '))];
}

/** Edits that drop a call's arguments after the first `keep`. */
export function removeArgs(call: CallFact, keep: number): TextEdit[] | string {
  const dropped = call.args.slice(keep);
  if (dropped.some((a) => !a.pure)) return `the argument '${dropped.find((a) => !a.pure)!.text}' may have a side effect`;
  if (keep === 0) return [{ range: { start: call.argsRange.start + 1, end: call.argsRange.end - 1 }, text: '' }];
  return [{ range: { start: call.args[keep - 1].range.end, end: call.args[call.args.length - 1].range.end }, text: '' }];
}
