// Entry casts: an uncast function whose (new) signature no longer matches the
// field's declared type gets the cast the file already uses for such entries.

import { TYPEDEFS } from '../abi/cpython.js';
import { normalizeCType } from '../abi/wasm.js';
import type { Expectation } from '../check/types.js';
import type { Edit } from './edits.js';
import { growth } from './layout.js';
import { pushTo } from '../multimap.js';

const DEFAULT_METHOD_CAST = '(PyCFunction)(void(*)(void)){}';

export interface CTypes {
  params: string[];
  result: string;
}

/** The cast template (`{}` for the value) an entry needs once its function
 * has `ctypes`, or undefined when it needs none. */
export function castTemplate(expectation: Expectation, ctypes: CTypes, methodCasts: MethodCasts): string | undefined {
  const typedef = expectation.fieldTypedef;
  if (!typedef || (expectation.ref.cast !== 'none' && expectation.ref.cast !== 'address')) return undefined;
  const field = TYPEDEFS[typedef];
  const matches =
    field.params.length === ctypes.params.length &&
    field.params.every((p, i) => normalizeCType(p.ctype) === normalizeCType(ctypes.params[i])) &&
    normalizeCType(field.result.ctype) === normalizeCType(ctypes.result);
  if (matches) return undefined;
  return typedef === 'PyCFunction' ? methodCasts.preferred(expectation.file, expectation.signature.typedef) : `(${typedef}){}`;
}

/** The cast a file already uses for entries whose function is not a
 * PyCFunction, worked out once per file and typedef (a fix asks for every
 * entry it casts). */
export class MethodCasts {
  /** file → the casts of its method entries whose function is not a PyCFunction, in order. */
  private readonly written = new Map<string, string[]>();
  private readonly chosen = new Map<string, string>();

  constructor(expectations: Expectation[]) {
    for (const e of expectations) {
      if (e.fieldTypedef !== 'PyCFunction' || e.signature.typedef === 'PyCFunction') continue;
      const cast = e.ref.castText;
      if (!cast || (e.ref.cast !== 'laundered' && e.ref.cast !== 'macro')) continue;
      pushTo(this.written, e.file, cast);
    }
  }

  /** The cast `file` uses most, as long as it names no typedef but
   * PyCFunction and `typedef`; else the default. */
  preferred(file: string, typedef: string): string {
    const key = `${file}\0${typedef}`;
    let cast = this.chosen.get(key);
    if (cast === undefined) {
      cast = mostUsed((this.written.get(file) ?? []).filter((c) => namesOnly(c, typedef))) ?? DEFAULT_METHOD_CAST;
      this.chosen.set(key, cast);
    }
    return cast;
  }
}

function namesOnly(cast: string, typedef: string): boolean {
  const named = cast.match(/\b_?PyC\w+|\b\w+func\w*/g) ?? [];
  return named.every((n) => n === 'PyCFunction' || n === typedef || n.endsWith('CAST'));
}

/** The most frequent string; the first seen of equally frequent ones. */
function mostUsed(items: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

// A value padded up to a trailing comment (`f,     /* tp_call */`, the usual
// layout of positional type objects) gives up as much padding as the cast
// adds, so the comment column stays where it was.
export function keepCommentColumn(text: string, edit: Edit): Edit {
  const after = /^(,?)( +)(?=\/[*/])/.exec(text.slice(edit.range.end, edit.range.end + 256));
  if (!after) return edit;
  const padding = Math.max(1, after[2].length - growth(edit));
  return { ...edit, range: { start: edit.range.start, end: edit.range.end + after[0].length }, text: edit.text + after[1] + ' '.repeat(padding) };
}
