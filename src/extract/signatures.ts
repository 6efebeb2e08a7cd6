// Function declarators → SignatureFact: name, parameters with their wasm
// types, result type. Shared by definitions and prototypes.

import { normalizeCType, scalarWasmType, type WasmResult, type WasmType } from '../abi/wasm.js';
import type { ParamFact, ParamListFact, ResultFact, SignatureFact } from './facts.js';
import { findFunctionDeclarator, rangeOf, type SyntaxNode } from './syntax.js';

const POINTERISH = new Set([
  'pointer_declarator', 'abstract_pointer_declarator', 'array_declarator', 'abstract_array_declarator',
  'function_declarator', 'abstract_function_declarator',
]);

/** `Py_UNUSED(name)`, `NPY_UNUSED(name)`: a macro that wraps a parameter name
 * parses as a function declarator; it is a name, not a function pointer. */
function unusedMacroName(declarator: SyntaxNode): SyntaxNode | null {
  if (declarator.type !== 'function_declarator') return null;
  const callee = declarator.childForFieldName('declarator');
  if (callee?.type !== 'identifier' || !/UNUSED/i.test(callee.text)) return null;
  const params = declarator.childForFieldName('parameters')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  if (params.length !== 1 || params[0].type !== 'parameter_declaration') return null;
  const inner = params[0];
  if (inner.childForFieldName('declarator')) return null;
  const type = inner.childForFieldName('type');
  return type && (type.type === 'type_identifier' || type.type === 'identifier') ? type : null;
}

function paramFact(node: SyntaxNode, text: string): ParamFact {
  const range = rangeOf(node);
  if (node.type === 'variadic_parameter') return { range, ctype: '...', name: null, wasm: 'unknown' };
  let pointer = false;
  let name: SyntaxNode | null = null;
  // What to cut out of the parameter's text to leave its type: the name, or
  // the whole `Py_UNUSED(name)`.
  let nameSpelling: SyntaxNode | null = null;
  let current = node.childForFieldName('declarator');
  while (current) {
    const unusedName = unusedMacroName(current);
    if (unusedName) {
      name = unusedName;
      nameSpelling = current;
      break;
    }
    if (current.type === 'identifier') {
      name = nameSpelling = current;
      break;
    }
    if (POINTERISH.has(current.type)) pointer = true;
    current = current.childForFieldName('declarator') ?? current.namedChildren.find((c) => c.type.includes('declarator')) ?? null;
  }
  const typeText = nameSpelling
    ? text.slice(node.startIndex, nameSpelling.startIndex) + text.slice(nameSpelling.endIndex, node.endIndex)
    : text.slice(node.startIndex, node.endIndex);
  return {
    range,
    ctype: normalizeCType(typeText),
    name: name ? name.text : null,
    wasm: pointer ? 'i32' : scalarWasmType(typeText),
  };
}

export function paramListFact(list: SyntaxNode, text: string): ParamListFact {
  const params: ParamFact[] = [];
  const comments: ParamListFact['comments'] = [];
  let trailingComments: ParamListFact['trailingComments'] = [];
  let variadic = false;
  let hasError = list.hasError;
  for (const child of list.namedChildren) {
    if (child.type === 'comment') {
      comments.push(rangeOf(child));
      trailingComments.push(rangeOf(child));
      continue;
    }
    if (child.type === 'ERROR') {
      hasError = true;
      continue;
    }
    trailingComments = [];
    if (child.type === 'variadic_parameter') variadic = true;
    params.push(paramFact(child, text));
  }
  const range = rangeOf(list);
  if (params.length === 0) return { range, params, form: 'empty', variadic, trailingComments, comments, hasError };
  if (params.length === 1 && isVoidParam(list.namedChildren.find((c) => c.type === 'parameter_declaration'))) {
    return { range, params: [], form: 'void', voidRange: params[0].range, variadic, trailingComments, comments, hasError };
  }
  return { range, params, form: 'list', variadic, trailingComments, comments, hasError };
}

function isVoidParam(node: SyntaxNode | undefined): boolean {
  if (!node) return false;
  const type = node.childForFieldName('type');
  return type?.type === 'primitive_type' && type.text === 'void' && !node.childForFieldName('declarator');
}

function resultFact(typeNode: SyntaxNode | null, resultIsPointer: boolean, text: string, declaratorStart: number, funcStart: number): ResultFact {
  if (!typeNode) return { ctype: 'int', wasm: 'i32' }; // implicit int (K&R)
  const written = normalizeCType(text.slice(typeNode.startIndex, typeNode.endIndex) + ' ' + text.slice(declaratorStart, funcStart));
  if (resultIsPointer) return { ctype: written, wasm: 'i32' };
  const wasm: WasmResult = typeNode.type === 'primitive_type' && typeNode.text === 'void' ? 'void' : scalarWasmType(typeNode.text);
  return { ctype: written, wasm, specifierRange: rangeOf(typeNode) };
}

function isStaticDeclaration(node: SyntaxNode): boolean {
  return node.namedChildren.some((c) => c.type === 'storage_class_specifier' && c.text === 'static');
}

/** A SignatureFact for `declarator` inside `owner` (a function_definition or
 * declaration), or null when the declarator is not a plain function. */
export function signatureFact(owner: SyntaxNode, declarator: SyntaxNode, text: string): SignatureFact | null {
  const found = findFunctionDeclarator(declarator);
  if (!found) return null;
  const list = found.func.childForFieldName('parameters');
  if (!list) return null;
  return {
    name: found.name.text,
    nameRange: rangeOf(found.name),
    line: found.name.startPosition.row + 1,
    range: rangeOf(owner),
    isStatic: isStaticDeclaration(owner),
    result: resultFact(owner.childForFieldName('type'), found.resultIsPointer, text, declarator.startIndex, found.func.startIndex),
    paramList: paramListFact(list, text),
  };
}
