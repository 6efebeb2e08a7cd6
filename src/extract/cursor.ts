// Reading a tree through a TreeCursor. A cursor step is one cheap native
// call; a SyntaxNode costs an object, a lookup in the tree's node cache and a
// native call per property, so the extractor moves a cursor and makes nodes
// only where that is rare. Every helper leaves the cursor where it found it
// unless it says otherwise.

import type Parser from 'tree-sitter';
import type { Range } from './facts.js';

export type Cursor = Parser.TreeCursor;

/** Node type and field names by id, read from the cursor once per id. */
const typeNames: string[] = [];
const namedTypes: boolean[] = [];
const fieldNames: (string | null)[] = [];

export function typeOf(c: Cursor): string {
  const id = c.nodeTypeId;
  return typeNames[id] ?? (typeNames[id] = c.nodeType);
}

/** The type of the cursor's node if it is a named node (whether a node is
 * named depends on its type alone), else undefined. */
export function namedType(c: Cursor): string | undefined {
  const id = c.nodeTypeId;
  let named = namedTypes[id];
  if (named === undefined) {
    named = namedTypes[id] = c.nodeIsNamed;
    typeNames[id] = c.nodeType;
  }
  return named ? typeNames[id] : undefined;
}

export function fieldOf(c: Cursor): string | null {
  const id = c.currentFieldId;
  if (!id) return null;
  const known = fieldNames[id];
  return known !== undefined ? known : (fieldNames[id] = c.currentFieldName ?? null);
}

export const rangeAt = (c: Cursor): Range => ({ start: c.startIndex, end: c.endIndex });

/** Move to the first child in `field`; false (cursor unmoved) if none. */
export function gotoField(c: Cursor, field: string): boolean {
  if (!c.gotoFirstChild()) return false;
  do if (fieldOf(c) === field) return true;
  while (c.gotoNextSibling());
  c.gotoParent();
  return false;
}

/** Move to the first named child whose type passes `test`; false (cursor unmoved) if none. */
export function gotoNamed(c: Cursor, test: (type: string) => boolean): boolean {
  if (!c.gotoFirstChild()) return false;
  do {
    const type = namedType(c);
    if (type && test(type)) return true;
  } while (c.gotoNextSibling());
  c.gotoParent();
  return false;
}

/** Call `visit` with the cursor on each named child (the cursor ends where it started). */
export function eachNamed(c: Cursor, visit: (type: string) => void): void {
  if (!c.gotoFirstChild()) return;
  do {
    const type = namedType(c);
    if (type) visit(type);
  } while (c.gotoNextSibling());
  c.gotoParent();
}

/** The range of the first child in `field`, or undefined. */
export function fieldRange(c: Cursor, field: string): (Range & { type: string }) | undefined {
  if (!gotoField(c, field)) return undefined;
  const found = { start: c.startIndex, end: c.endIndex, type: typeOf(c) };
  c.gotoParent();
  return found;
}

/** The name the declarator under the cursor declares: the identifier at the
 * end of its chain of `declarator` fields (`*name`, `name[3]`, `name = 1`). */
export function declaredName(c: Cursor, text: string): string | undefined {
  let depth = 0;
  let name: string | undefined;
  for (;;) {
    if (typeOf(c) === 'identifier') {
      name = text.slice(c.startIndex, c.endIndex);
      break;
    }
    if (!gotoField(c, 'declarator')) break;
    depth++;
  }
  while (depth--) c.gotoParent();
  return name;
}
