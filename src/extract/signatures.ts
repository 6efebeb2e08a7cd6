// Function declarators → SignatureFact: name, parameters with their wasm
// types, result type. Shared by definitions and prototypes. Read with a
// cursor (see cursor.ts): a table names thousands of functions.
//
// `text` is the file; `masked` the text tree-sitter parsed (see mask.ts),
// which node texts come from.

import { RESULT_TYPE_MACROS } from '../abi/cpython.js';
import { normalizeCType, scalarWasmType, type WasmResult } from '../abi/wasm.js';
import { fieldOf, gotoField, gotoNamed, namedType, rangeAt, typeOf, type Cursor } from './cursor.js';
import type { ParamFact, ParamListFact, Range, ResultFact, SignatureFact } from './facts.js';

const POINTERISH = new Set([
  'pointer_declarator', 'abstract_pointer_declarator', 'array_declarator', 'abstract_array_declarator',
  'function_declarator', 'abstract_function_declarator',
]);

/** What a signature needs of the declaration or definition that holds the declarator. */
export interface Owner {
  range: Range;
  isStatic: boolean;
  /** The `type` child: its range and node type. */
  type?: Range & { type: string };
}

/** The owner under the cursor (a function_definition or a declaration). */
export function ownerAt(c: Cursor, masked: string): Owner {
  const owner: Owner = { range: rangeAt(c), isStatic: false };
  if (!c.gotoFirstChild()) return owner;
  do {
    if (!owner.type && fieldOf(c) === 'type') owner.type = { start: c.startIndex, end: c.endIndex, type: typeOf(c) };
    if (namedType(c) === 'storage_class_specifier' && masked.slice(c.startIndex, c.endIndex) === 'static') owner.isStatic = true;
  } while (c.gotoNextSibling());
  c.gotoParent();
  return owner;
}

/** `Py_UNUSED(name)`, `NPY_UNUSED(name)`: a macro that wraps a parameter name
 * parses as a function declarator; it is a name, not a function pointer.
 * The range of the name, with the cursor on the declarator. */
function unusedMacroName(c: Cursor, masked: string): Range | undefined {
  if (typeOf(c) !== 'function_declarator') return undefined;
  let isUnused = false;
  if (gotoField(c, 'declarator')) {
    isUnused = typeOf(c) === 'identifier' && /UNUSED/i.test(masked.slice(c.startIndex, c.endIndex));
    c.gotoParent();
  }
  if (!isUnused || !gotoField(c, 'parameters')) return undefined;
  // Exactly one parameter (comments aside): a declaration with a type and no declarator.
  let count = 0;
  let name: Range | undefined;
  if (c.gotoFirstChild()) {
    do {
      const type = namedType(c);
      if (!type || type === 'comment') continue;
      if (++count > 1 || type !== 'parameter_declaration') continue;
      if (gotoField(c, 'declarator')) c.gotoParent();
      else if (gotoField(c, 'type')) {
        const t = typeOf(c);
        if (t === 'type_identifier' || t === 'identifier') name = rangeAt(c);
        c.gotoParent();
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
  }
  c.gotoParent();
  return count === 1 ? name : undefined;
}

/** Where a parameter ends in the text as written: past an attribute macro
 * after its name (`PyObject *args UNUSED`), which masking blanked, so that
 * a parameter added or removed after it keeps or takes its attribute along. */
function endPastBlanked(text: string, masked: string, end: number): number {
  let past = end;
  for (let i = end; i < masked.length && /\s/.test(masked[i]); i++) if (!/\s/.test(text[i])) past = i + 1;
  return past;
}

/** The parameter under the cursor. */
function paramAt(c: Cursor, text: string, masked: string): ParamFact {
  const node = rangeAt(c);
  const range = { start: node.start, end: endPastBlanked(text, masked, node.end) };
  if (typeOf(c) === 'variadic_parameter') return { range, ctype: '...', name: null, wasm: 'unknown' };
  let pointer = false;
  let name: Range | undefined;
  // What to cut out of the parameter's text to leave its type: the name, or
  // the whole `Py_UNUSED(name)`.
  let spelling: Range | undefined;
  let depth = 0;
  if (gotoField(c, 'declarator')) {
    depth++;
    for (;;) {
      const unused = unusedMacroName(c, masked);
      if (unused) {
        name = unused;
        spelling = rangeAt(c);
        break;
      }
      const type = typeOf(c);
      if (type === 'identifier') {
        name = spelling = rangeAt(c);
        break;
      }
      if (POINTERISH.has(type)) pointer = true;
      if (gotoField(c, 'declarator') || gotoNamed(c, (t) => t.includes('declarator'))) {
        depth++;
        continue;
      }
      break;
    }
  }
  while (depth--) c.gotoParent();
  const typeText = spelling ? text.slice(node.start, spelling.start) + text.slice(spelling.end, node.end) : text.slice(node.start, node.end);
  return {
    range,
    ctype: normalizeCType(typeText),
    name: name ? masked.slice(name.start, name.end) : null,
    wasm: pointer ? 'i32' : scalarWasmType(typeText),
  };
}

/** `void` alone in a parameter list: a declaration of type `void` and no declarator. */
function isVoidParam(c: Cursor, masked: string): boolean {
  if (gotoField(c, 'declarator')) {
    c.gotoParent();
    return false;
  }
  if (!gotoField(c, 'type')) return false;
  const isVoid = typeOf(c) === 'primitive_type' && masked.slice(c.startIndex, c.endIndex) === 'void';
  c.gotoParent();
  return isVoid;
}

/** The parameter list under the cursor (`treeHasError` as for signatureAt). */
function paramListAt(c: Cursor, text: string, masked: string, treeHasError: boolean): ParamListFact {
  const params: ParamFact[] = [];
  const comments: ParamListFact['comments'] = [];
  let trailingComments: ParamListFact['trailingComments'] = [];
  let variadic = false;
  // (A node costs an object and native calls: asked only of a tree with errors.)
  let hasError = treeHasError && c.currentNode.hasError;
  let firstDeclarationIsVoid: boolean | undefined;
  const range = rangeAt(c);
  if (c.gotoFirstChild()) {
    do {
      const type = namedType(c);
      if (!type) continue;
      if (type === 'comment') {
        comments.push(rangeAt(c));
        trailingComments.push(rangeAt(c));
        continue;
      }
      if (type === 'parameter_declaration' && firstDeclarationIsVoid === undefined) firstDeclarationIsVoid = isVoidParam(c, masked);
      if (type === 'ERROR') {
        hasError = true;
        continue;
      }
      trailingComments = [];
      if (type === 'variadic_parameter') variadic = true;
      params.push(paramAt(c, text, masked));
    } while (c.gotoNextSibling());
    c.gotoParent();
  }
  if (params.length === 0) return { range, params, form: 'empty', variadic, trailingComments, comments, hasError };
  if (params.length === 1 && firstDeclarationIsVoid) {
    return { range, params: [], form: 'void', voidRange: params[0].range, variadic, trailingComments, comments, hasError };
  }
  return { range, params, form: 'list', variadic, trailingComments, comments, hasError };
}

function resultFact(owner: Owner, resultIsPointer: boolean, masked: string, declaratorStart: number, funcStart: number): ResultFact {
  const type = owner.type;
  if (!type) return { ctype: 'int', wasm: 'i32' }; // implicit int (K&R)
  // From the masked text: an attribute macro between the stars and the name is no part of the type.
  const written = normalizeCType(masked.slice(type.start, type.end) + ' ' + masked.slice(declaratorStart, funcStart));
  if (resultIsPointer) return { ctype: written, wasm: 'i32' };
  const wrapped = type.type === 'macro_type_specifier' ? wrappedResultType(masked, type) : undefined;
  if (wrapped) return { ctype: written, ...wrapped };
  const spelled = masked.slice(type.start, type.end);
  const wasm: WasmResult = type.type === 'primitive_type' && spelled === 'void' ? 'void' : scalarWasmType(spelled);
  return { ctype: written, wasm, specifierRange: { start: type.start, end: type.end } };
}

/** The result of `PyAPI_FUNC(void)` and the like (see RESULT_TYPE_MACROS): the
 * type inside, whose range a fix edits (`PyAPI_FUNC(int)`). */
function wrappedResultType(masked: string, type: Range): Omit<ResultFact, 'ctype'> | undefined {
  const match = /^([A-Za-z_]\w*)\s*\(\s*([^()]*?)\s*\)$/.exec(masked.slice(type.start, type.end));
  if (!match || !match[2] || !RESULT_TYPE_MACROS.has(match[1])) return undefined;
  const inner = match[2];
  if (inner.endsWith('*')) return { wasm: 'i32' };
  const start = masked.indexOf(inner, type.start + match[1].length);
  return { wasm: inner === 'void' ? 'void' : scalarWasmType(inner), specifierRange: { start, end: start + inner.length } };
}

/** The function declarator (a plain name with parameters) under the cursor's
 * declarator, following pointers, attributes and parentheses, as a
 * SignatureFact of `owner`; null when the declarator is not a plain function.
 * `treeHasError`: whether the tree holds any error at all (if not, no node is
 * asked whether it does). */
export function signatureAt(c: Cursor, owner: Owner, text: string, masked: string, treeHasError: boolean): SignatureFact | null {
  const declaratorStart = c.startIndex;
  let resultIsPointer = false;
  let depth = 0;
  let signature: SignatureFact | null = null;
  for (;;) {
    const type = typeOf(c);
    if (type === 'pointer_declarator') {
      resultIsPointer = true;
      if (!gotoField(c, 'declarator')) break;
      depth++;
      continue;
    }
    if (type === 'attributed_declarator' || type === 'parenthesized_declarator') {
      if (!gotoNamed(c, (t) => t.endsWith('declarator') || t === 'identifier')) break;
      depth++;
      continue;
    }
    if (type === 'function_declarator') signature = functionAt(c, owner, resultIsPointer, declaratorStart, text, masked, treeHasError);
    // A function returning a function pointer (`int (*f(void))(int)`), a plain name: none.
    break;
  }
  while (depth--) c.gotoParent();
  return signature;
}

function functionAt(c: Cursor, owner: Owner, resultIsPointer: boolean, declaratorStart: number, text: string, masked: string, treeHasError: boolean): SignatureFact | null {
  const funcStart = c.startIndex;
  if (!gotoField(c, 'declarator')) return null;
  const isName = typeOf(c) === 'identifier';
  const nameRange = rangeAt(c);
  const line = isName ? c.startPosition.row + 1 : 0;
  c.gotoParent();
  if (!isName || !gotoField(c, 'parameters')) return null;
  const paramList = paramListAt(c, text, masked, treeHasError);
  c.gotoParent();
  return {
    name: masked.slice(nameRange.start, nameRange.end),
    nameRange,
    line,
    range: owner.range,
    isStatic: owner.isStatic,
    result: resultFact(owner, resultIsPointer, masked, declaratorStart, funcStart),
    paramList,
  };
}
