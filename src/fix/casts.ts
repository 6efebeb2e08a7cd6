// Entry casts: an uncast function whose (new) signature no longer matches the
// field's declared type gets the cast the file already uses for such entries.

import { TYPEDEFS } from '../abi/cpython.js';
import { normalizeCType } from '../abi/wasm.js';
import type { Expectation } from '../check/types.js';
import type { Edit } from './edits.js';

export const DEFAULT_METHOD_CAST = '(PyCFunction)(void(*)(void)){}';

export interface CTypes {
  params: string[];
  result: string;
}

/** The cast template (`{}` for the value) an entry needs once its function
 * has `ctypes`, or undefined when it needs none. */
export function castTemplate(expectation: Expectation, ctypes: CTypes, all: Expectation[]): string | undefined {
  const typedef = expectation.fieldTypedef;
  if (!typedef || (expectation.ref.cast !== 'none' && expectation.ref.cast !== 'address')) return undefined;
  const field = TYPEDEFS[typedef];
  const matches =
    field.params.length === ctypes.params.length &&
    field.params.every((p, i) => normalizeCType(p.ctype) === normalizeCType(ctypes.params[i])) &&
    normalizeCType(field.result.ctype) === normalizeCType(ctypes.result);
  if (matches) return undefined;
  return typedef === 'PyCFunction' ? preferredMethodCast(expectation.file, expectation.signature.typedef, all) : `(${typedef}){}`;
}

/** The cast this file already uses for entries whose function is not a
 * PyCFunction, as long as it names no typedef but PyCFunction and `typedef`. */
function preferredMethodCast(file: string, typedef: string, all: Expectation[]): string {
  const counts = new Map<string, number>();
  for (const e of all) {
    if (e.file !== file || e.fieldTypedef !== 'PyCFunction' || e.signature.typedef === 'PyCFunction') continue;
    const cast = e.ref.castText;
    if (!cast || (e.ref.cast !== 'laundered' && e.ref.cast !== 'macro')) continue;
    const named = cast.match(/\b_?PyC\w+|\b\w+func\w*/g) ?? [];
    if (named.some((n) => n !== 'PyCFunction' && n !== typedef && !n.endsWith('CAST'))) continue;
    counts.set(cast, (counts.get(cast) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : DEFAULT_METHOD_CAST;
}

// A value padded up to a trailing comment (`f,     /* tp_call */`, the usual
// layout of positional type objects) gives up as much padding as the cast
// adds, so the comment column stays where it was.
export function keepCommentColumn(text: string, edit: Edit): Edit {
  const after = /^(,?)( +)(?=\/[*/])/.exec(text.slice(edit.range.end, edit.range.end + 256));
  if (!after) return edit;
  const added = edit.text.length - (edit.range.end - edit.range.start);
  const padding = Math.max(1, after[2].length - added);
  return { ...edit, range: { start: edit.range.start, end: edit.range.end + after[0].length }, text: edit.text + after[1] + ' '.repeat(padding) };
}
