// Just enough of the C preprocessor to see through the macros table entries
// are written with: object-like and function-like macros, `#` stringizing,
// `##` pasting, and rescanning with a guard against self-reference. It works
// on text and is used for detection only; fpcast never edits macro bodies.

import type { MacroFact } from '../extract/facts.js';

export type MacroLookup = (name: string) => MacroFact | undefined;

type Token = { kind: 'id' | 'other' | 'space'; text: string };

const TOKEN = /[A-Za-z_][A-Za-z0-9_]*|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\/\*[\s\S]*?\*\/|\/\/[^\n]*|##|\s+|./g;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const [piece] of text.matchAll(TOKEN)) {
    if (/^[A-Za-z_]/.test(piece)) tokens.push({ kind: 'id', text: piece });
    else if (/^\s+$/.test(piece) || piece.startsWith('/*') || piece.startsWith('//')) tokens.push({ kind: 'space', text: ' ' });
    else tokens.push({ kind: 'other', text: piece });
  }
  return tokens;
}

/** A macro body as the preprocessor sees it: line continuations joined. */
export function macroBodyText(body: string): string {
  return body.replace(/\\\r?\n/g, ' ');
}

const MAX_DEPTH = 32;

/** Expand every macro in `text` that `lookup` knows. */
export function expandMacros(text: string, lookup: MacroLookup, hidden: ReadonlySet<string> = new Set(), depth = 0): string {
  if (depth > MAX_DEPTH) return text;
  const tokens = tokenize(text);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const macro = token.kind === 'id' && !hidden.has(token.text) ? lookup(token.text) : undefined;
    if (!macro) {
      out += token.text;
      continue;
    }
    const inner = new Set(hidden).add(macro.name);
    if (!macro.params) {
      out += expandMacros(macroBodyText(macro.body), lookup, inner, depth + 1);
      continue;
    }
    const call = readArguments(tokens, i + 1);
    if (!call) {
      out += token.text; // a function-like macro name without arguments is just a name
      continue;
    }
    out += expandMacros(substitute(macro, call.args, lookup, hidden, depth), lookup, inner, depth + 1);
    i = call.end;
  }
  return out;
}

/** The arguments of a function-like macro call starting at `start` (which
 * must be, after blanks, a `(`), split at top-level commas. */
function readArguments(tokens: Token[], start: number): { args: string[]; end: number } | undefined {
  let i = start;
  while (tokens[i]?.kind === 'space') i++;
  if (tokens[i]?.text !== '(') return undefined;
  const args: string[] = [];
  let current = '';
  let depth = 0;
  for (i++; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (t === '(' || t === '{' || t === '[') depth++;
    if (t === ')' || t === '}' || t === ']') {
      if (depth === 0 && t === ')') {
        args.push(current.trim());
        return { args: args.length === 1 && args[0] === '' ? [] : args, end: i };
      }
      depth--;
    }
    if (t === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += t;
  }
  return undefined;
}

function substitute(macro: MacroFact, args: string[], lookup: MacroLookup, hidden: ReadonlySet<string>, depth: number): string {
  const params = macro.params ?? [];
  const argOf = (name: string): string | undefined => {
    if (name === '__VA_ARGS__') return args.slice(params.length - 1).join(', ');
    const at = params.indexOf(name);
    return at >= 0 ? (args[at] ?? '') : undefined;
  };
  const tokens = tokenize(macroBodyText(macro.body));
  const pieces: { text: string; raw: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.text === '#' ) {
      let j = i + 1;
      while (tokens[j]?.kind === 'space') j++;
      const arg = tokens[j]?.kind === 'id' ? argOf(tokens[j].text) : undefined;
      if (arg !== undefined) {
        pieces.push({ text: JSON.stringify(arg), raw: true });
        i = j;
        continue;
      }
    }
    if (token.kind === 'id') {
      const arg = argOf(token.text);
      if (arg !== undefined) {
        const pasted = isPasteNeighbour(tokens, i);
        pieces.push({ text: pasted ? arg : expandMacros(arg, lookup, hidden, depth + 1), raw: pasted });
        continue;
      }
    }
    pieces.push({ text: token.text, raw: false });
  }
  // `a ## b`: join the neighbours, dropping the operator and blanks around it.
  return pieces
    .map((p) => p.text)
    .join('')
    .replace(/\s*##\s*/g, '');
}

function isPasteNeighbour(tokens: Token[], i: number): boolean {
  let before = i - 1;
  while (tokens[before]?.kind === 'space') before--;
  let after = i + 1;
  while (tokens[after]?.kind === 'space') after++;
  return tokens[before]?.text === '##' || tokens[after]?.text === '##';
}
