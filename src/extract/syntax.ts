// Small helpers over tree-sitter nodes. Only the extractor imports tree-sitter.

import type Parser from 'tree-sitter';
import type { Range } from './facts.js';

export type SyntaxNode = Parser.SyntaxNode;

export function rangeOf(node: SyntaxNode): Range {
  return { start: node.startIndex, end: node.endIndex };
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
