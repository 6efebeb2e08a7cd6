// Initializer text (what a macro entry expands to) → elements and function
// references, without a parser: brace/paren-aware splitting at top-level
// commas, and casts peeled off a value the way the extractor does on trees.

import type { CastStyle, FuncRefFact, Range } from '../extract/facts.js';
import type { InitElement } from '../extract/fields.js';

export type InitValue = { kind: 'list'; elements: InitElement<InitValue>[] } | { kind: 'expr'; text: string };

const OPEN: Record<string, string> = { '(': ')', '{': '}', '[': ']' };

/** Split at commas outside brackets, strings and comments. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      current += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      current += ' ';
      continue;
    }
    if (OPEN[c]) depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** The index of the bracket closing the one at `open`, or -1. */
function matching(text: string, open: number): number {
  const close = OPEN[text[open]];
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (c === text[open]) depth++;
    else if (c === close && --depth === 0) return i;
  }
  return -1;
}

function parseValue(text: string): InitValue {
  if (text.startsWith('{') && matching(text, 0) === text.length - 1) {
    return { kind: 'list', elements: parseInitializerElements(text.slice(1, -1)) };
  }
  return { kind: 'expr', text };
}

/** The elements of a comma-separated initializer sequence. */
export function parseInitializerElements(text: string): InitElement<InitValue>[] {
  return splitTopLevel(text).map((part) => {
    const designated = /^\.\s*([A-Za-z_]\w*)\s*=\s*([\s\S]*)$/.exec(part);
    if (designated) return { designator: designated[1], value: parseValue(designated[2].trim()) };
    const indexed = /^\[[^\]]*\]\s*=\s*([\s\S]*)$/.exec(part);
    const value = parseValue((indexed ? indexed[1] : part).trim());
    const callee = value.kind === 'expr' ? /^([A-Za-z_]\w*)\s*\(/.exec(value.text)?.[1] : undefined;
    return callee ? { callee, value } : { value };
  });
}

const CAST_MACRO = /CAST$/;

/** `(PyCFunction)(void(*)(void))f`, `&f`, `_PyCFunction_CAST(f)`, `f` → the
 * function named; `range` is where the finding should point (the invocation). */
export function funcRefFromText(text: string, range: Range): FuncRefFact | undefined {
  let rest = text.trim();
  let casts = 0;
  let address = false;
  let macro = false;
  let prefix = '';
  let suffix = '';
  for (let guard = 0; guard < 16; guard++) {
    if (/^[A-Za-z_]\w*$/.test(rest)) {
      const cast: CastStyle = macro ? 'macro' : casts > 1 ? 'laundered' : casts === 1 ? 'cast' : address ? 'address' : 'none';
      const ref: FuncRefFact = { name: rest, nameRange: range, cast };
      if (cast !== 'none') ref.castText = `${prefix}{}${suffix}`;
      return ref;
    }
    if (rest.startsWith('&')) {
      address = true;
      prefix += '&';
      rest = rest.slice(1).trim();
      continue;
    }
    const call = /^([A-Za-z_]\w*)\s*\(/.exec(rest);
    if (call && CAST_MACRO.test(call[1]) && matching(rest, call[0].length - 1) === rest.length - 1) {
      macro = true;
      prefix += call[0];
      suffix = ')' + suffix;
      rest = rest.slice(call[0].length, -1).trim();
      continue;
    }
    if (rest.startsWith('(')) {
      const close = matching(rest, 0);
      if (close < 0) return undefined;
      if (close === rest.length - 1) {
        rest = rest.slice(1, -1).trim(); // parenthesized expression
        continue;
      }
      casts++;
      prefix += rest.slice(0, close + 1);
      rest = rest.slice(close + 1).trim();
      continue;
    }
    return undefined;
  }
  return undefined;
}
