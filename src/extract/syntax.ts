// Small helpers over tree-sitter nodes. Only the extractor imports tree-sitter.

import type Parser from 'tree-sitter';
import type { Range } from './facts.js';

export type SyntaxNode = Parser.SyntaxNode;

export function rangeOf(node: SyntaxNode): Range {
  return { start: node.startIndex, end: node.endIndex };
}

/** Children with the field name each sits in. */
export function fieldChildren(node: SyntaxNode): { node: SyntaxNode; field: string | null }[] {
  const out: { node: SyntaxNode; field: string | null }[] = [];
  const cursor = node.walk();
  if (cursor.gotoFirstChild()) {
    do out.push({ node: cursor.currentNode, field: cursor.currentFieldName ?? null });
    while (cursor.gotoNextSibling());
  }
  return out;
}

/** Identifiers named by a declarator: `*name`, `name[]`, `(*name)(…)`, `name(…)`. */
export function declaratorIdentifier(node: SyntaxNode | null): SyntaxNode | null {
  let current = node;
  while (current) {
    if (current.type === 'identifier') return current;
    const next = current.childForFieldName('declarator');
    if (!next) return null;
    current = next;
  }
  return null;
}

/** The innermost function declarator whose declarator is a plain name, and
 * whether a pointer sits between it and the declaration's type (which makes
 * the function's result a pointer). */
export function findFunctionDeclarator(
  declarator: SyntaxNode | null,
): { func: SyntaxNode; name: SyntaxNode; resultIsPointer: boolean } | null {
  let resultIsPointer = false;
  let current = declarator;
  while (current) {
    switch (current.type) {
      case 'pointer_declarator':
        resultIsPointer = true;
        current = current.childForFieldName('declarator');
        break;
      case 'attributed_declarator':
      case 'parenthesized_declarator':
        current = current.namedChildren.find((c) => c.type.endsWith('declarator') || c.type === 'identifier') ?? null;
        break;
      case 'function_declarator': {
        const inner = current.childForFieldName('declarator');
        if (inner?.type === 'identifier') return { func: current, name: inner, resultIsPointer };
        // A function returning a function pointer: `int (*f(void))(int)`.
        return null;
      }
      default:
        return null;
    }
  }
  return null;
}

export function isComment(node: SyntaxNode): boolean {
  return node.type === 'comment';
}

/** Named children that are not comments, with ERROR nodes flattened into the
 * elements they contain (a macro entry without a trailing comma parses as an
 * ERROR node followed by the next element). */
export function elements(list: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const child of list.namedChildren) {
    if (isComment(child)) continue;
    if (child.type === 'ERROR') {
      for (const inner of child.namedChildren) if (!isComment(inner)) out.push(inner);
      continue;
    }
    out.push(child);
  }
  return out;
}

/** Every node of one of `types` below `node` (pre-order). */
export function descendants(node: SyntaxNode, types: string[]): SyntaxNode[] {
  return node.descendantsOfType(types);
}
