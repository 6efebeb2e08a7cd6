// bytes → tree-sitter tree → FileFacts. The only module that walks syntax trees.

import Parser from 'tree-sitter';
import C from 'tree-sitter-c';
import { indentOfLine, startsLine } from '../source/source-file.js';
import {
  emptyFacts, type CallFact, type FileFacts, type FunctionFact, type MacroFact, type MacroRefFact, type Range, type ReturnFact,
  type SignatureFact, type UseContext, type ValueUseFact,
} from './facts.js';
import { ownerAt, signatureAt, type Owner } from './signatures.js';
import { maskingRanges, maskMacroElements, wholeMaskingRanges } from './mask.js';
import { includesOf, outline, type Shape } from './outline.js';
import { covered, mergeFlat, mergeRanges, overlapsAny, overlapsSorted, within } from './ranges.js';
import type { PartRanges } from './parts.js';
import { findFunctionDeclarator, rangeOf, type SyntaxNode } from './syntax.js';
import { pushTo } from '../multimap.js';
import { tablesAt, tableStructAt } from './tables.js';
import { costsAsMuchAsWhole, widen } from './windows.js';
import { declaredName, fieldOf, fieldRange, gotoField, gotoNamed, namedType, typeOf, type Cursor } from './cursor.js';

let parser: Parser | undefined;

function cParser(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(C as unknown as Parser.Language);
  }
  return parser;
}

/** Parse `text` (Latin-1 decoded bytes, so string offsets are byte offsets),
 * whole or only `ranges` of it (flat start/end pairs, sorted and disjoint);
 * `newlines`, the text's line ends when the caller keeps them; `masking`,
 * the ranges masked (see mask.ts) when not `ranges` themselves. */
export function parseC(text: string, ranges?: ArrayLike<number>, newlines?: NewlineIndex, masking: ArrayLike<number> | undefined = ranges): Parser.Tree {
  const masked = maskMacroElements(text, masking);
  // The default 32 KiB input buffer makes very long files fail to parse.
  if (!ranges) return cParser().parse(masked, null, { bufferSize: Math.max(32 * 1024, text.length + 1) });
  const lines = newlines ?? new NewlineIndex(text);
  const included: Parser.Range[] = [];
  let longest = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    const start = ranges[k];
    const end = ranges[k + 1];
    included.push({ startIndex: start, endIndex: end, startPosition: lines.point(start), endPosition: lines.point(end) });
    longest = Math.max(longest, end - start);
  }
  // Each read returns the rest of the range it starts in, so that a jump to
  // the next range copies no more than that.
  let at = 0;
  const read = (offset: number): string => {
    if (at * 2 >= ranges.length || offset < ranges[at * 2]) at = 0;
    while (at * 2 < ranges.length && offset >= ranges[at * 2 + 1]) at++;
    if (at * 2 >= ranges.length) return '';
    return masked.slice(offset, ranges[at * 2 + 1]);
  };
  const tree = cParser().parse(read, null, { bufferSize: longest + 1, includedRanges: included });
  // Node texts come from the masked text, as they do for a whole parse.
  const withText = tree as unknown as { input: unknown; getText: (node: { startIndex: number; endIndex: number }) => string };
  withText.input = masked;
  withText.getText = (node) => masked.slice(node.startIndex, node.endIndex);
  return tree;
}

/** Where a text's `\n`s are, to turn offsets into tree-sitter's points. Not
 * source-file.ts's LineIndex: tree-sitter's rows count `\n` only, while a
 * lone CR ends a line for the positions fpcast reports. */
export class NewlineIndex {
  private readonly newlines: number[] = [];

  constructor(text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.newlines.push(at);
  }

  point(offset: number): Parser.Point {
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newlines[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return { row: lo, column: offset - (lo > 0 ? this.newlines[lo - 1] + 1 : 0) };
  }
}

/** The facts a function's body collects from every node under it (not only
 * those the walk reaches): every identifier, every return statement, every
 * declared name. Uses and calls made in the body wait here until the body's
 * locals are all known, then those that name a local are dropped. */
interface Scope {
  fact: FunctionFact;
  locals: Set<string>;
  identifiers: Set<string>;
  returns: ReturnFact[];
  pending: { name: string; use?: ValueUseFact; call?: CallFact; final: boolean }[];
}

interface WalkContext {
  context: UseContext;
  field: string | undefined;
  inFunction: string | undefined;
  /** Inside a function body. */
  scope: Scope | undefined;
}

const TOP: WalkContext = { context: 'other', field: undefined, inFunction: undefined, scope: undefined };

/** `ctx` in another context. (Contexts and function facts are written out
 * field by field, not spread: V8 copies a spread object through its generic
 * path, which cost a tenth of the extraction of a function head.) */
const inContext = (ctx: WalkContext, context: UseContext, field?: string): WalkContext => ({ context, field, inFunction: ctx.inFunction, scope: ctx.scope });

/** A function definition's facts: its signature's and its body's. */
function functionFact(signature: SignatureFact, body: Omit<FunctionFact, keyof SignatureFact>): FunctionFact {
  const { name, nameRange, line, range, isStatic, result, paramList } = signature;
  const { body: bodyRange, returns, fallsOffEnd, closeBrace, bodyIndent, bodyIdentifiers } = body;
  return { name, nameRange, line, range, isStatic, result, paramList, body: bodyRange, returns, fallsOffEnd, closeBrace, bodyIndent, bodyIdentifiers };
}

const PURE_ARGUMENT = new Set([
  'identifier', 'number_literal', 'string_literal', 'concatenated_string', 'char_literal', 'null', 'true',
  'false', 'field_expression', 'pointer_expression', 'parenthesized_expression', 'cast_expression',
  'sizeof_expression', 'unary_expression', 'subscript_expression',
]);

/** Named children an argument may have and still be dropped without losing a side effect. */
const INERT_CHILD = new Set(['comment', 'type_descriptor', 'field_identifier', 'string_content', 'escape_sequence']);

/** Nodes whose subtree holds nothing the walk records. */
const OPAQUE = new Set([
  'type_descriptor', 'type_identifier', 'field_identifier', 'primitive_type', 'string_literal', 'char_literal',
  'number_literal', 'preproc_call', 'preproc_include',
]);

const PREPROC_BRANCH = new Set(['preproc_if', 'preproc_ifdef', 'preproc_elif', 'preproc_elifdef', 'preproc_else']);

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;

/** Identifiers spelled in a macro body, skipping strings, chars and comments. */
function macroBodyIdentifiers(body: string, offset: number, macro: string, out: MacroRefFact[]): void {
  const stripped = body.replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m) => ' '.repeat(m.length));
  for (const match of stripped.matchAll(IDENTIFIER)) {
    out.push({ name: match[0], range: { start: offset + match.index!, end: offset + match.index! + match[0].length }, macro });
  }
}

/** What of a tree is wanted, when not all of it is. */
interface Selection {
  /** Bodies of functions wanted head only (flat pairs: offsets of the `{` and the `}`). */
  bodies: ArrayLike<number>;
  /** The ranges wanted (flat start/end pairs): what a skipped body holds of them (a `#define`) is walked. */
  wanted: number[];
}

class Extractor {
  readonly facts: FileFacts;
  /** Function bodies the cursor is inside, innermost last. */
  private readonly scopes: Scope[] = [];
  /** The text tree-sitter parsed (see mask.ts): node texts come from it. */
  private readonly masked: string;
  /** Whether the tree holds any error (if not, no node is asked whether it does). */
  readonly treeHasError: boolean;
  /** Offsets of the `{` of bodies not to walk (functions wanted head only). */
  private readonly skipBodies = new Set<number>();
  private readonly wanted: number[];
  /** Functions whose body was not walked. */
  readonly headsOnly: FunctionFact[] = [];
  /** The ranges whose facts a selective walk took (flat start/end pairs). */
  readonly walked: number[] = [];

  constructor(tree: Parser.Tree, private readonly text: string, file: string, selection: Selection = { bodies: [], wanted: [] }) {
    this.facts = emptyFacts(file);
    this.masked = maskedOf(tree);
    this.treeHasError = tree.rootNode.hasError;
    for (let k = 0; k < selection.bodies.length; k += 2) this.skipBodies.add(selection.bodies[k]);
    this.wanted = selection.wanted;
  }

  private slice(c: Cursor): string {
    return this.text.slice(c.startIndex, c.endIndex);
  }

  /** What every function body around the cursor's node collects from it,
   * whether or not the walk goes there. */
  private note(c: Cursor, type: string): void {
    if (!this.scopes.length) return;
    if (type === 'identifier') {
      const name = this.slice(c);
      for (const scope of this.scopes) scope.identifiers.add(name);
    } else if (type === 'return_statement') {
      const fact: ReturnFact = { range: { start: c.startIndex, end: c.endIndex } };
      if (c.gotoFirstChild()) {
        do {
          const child = namedType(c);
          if (child && child !== 'comment') {
            fact.value = { range: { start: c.startIndex, end: c.endIndex }, text: this.slice(c) };
            break;
          }
        } while (c.gotoNextSibling());
        c.gotoParent();
      }
      for (const scope of this.scopes) scope.returns.push(fact);
    } else if (type === 'declaration' || type === 'parameter_declaration') {
      if (!c.gotoFirstChild()) return;
      do {
        if (fieldOf(c) !== 'declarator' || typeOf(c) === 'function_declarator') continue;
        const name = declaredName(c, this.text);
        if (name !== undefined) for (const scope of this.scopes) scope.locals.add(name);
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
  }

  /** A subtree the walk passes over: only what function bodies collect. */
  private scan(c: Cursor, type: string): void {
    if (!this.scopes.length) return;
    this.note(c, type);
    this.scanChildren(c);
  }

  /** Walk the named children of the cursor's node. */
  private children(c: Cursor, ctx: WalkContext): void {
    if (!c.gotoFirstChild()) return;
    do {
      const type = namedType(c);
      if (type) this.walk(c, ctx, type);
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  /** Walk the child in `field`, pass over the others. */
  private fieldChild(c: Cursor, field: string, ctx: WalkContext): void {
    if (!c.gotoFirstChild()) return;
    let done = false;
    do {
      const type = namedType(c);
      if (!type) continue;
      if (!done && fieldOf(c) === field) {
        done = true;
        this.walk(c, ctx, type);
      } else {
        this.scan(c, type);
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  private pushUse(name: string, start: number, end: number, ctx: WalkContext): void {
    const use = { name, range: { start, end }, context: ctx.context } as ValueUseFact;
    if (ctx.field) use.field = ctx.field;
    if (ctx.scope) ctx.scope.pending.push({ name, use, final: false });
    else this.facts.uses.push(use);
  }

  /** The cursor's node in walk mode; the cursor ends where it started. */
  walk(c: Cursor, ctx: WalkContext, type: string = typeOf(c)): void {
    this.note(c, type);
    switch (type) {
      case 'function_definition':
        return this.functionDefinition(c, ctx);
      case 'declaration':
        return this.declaration(c, ctx);
      case 'call_expression':
        return this.call(c, ctx);
      case 'assignment_expression':
        return this.assignment(c, ctx);
      case 'return_statement':
        return this.children(c, inContext(ctx, 'return'));
      case 'initializer_pair':
        return this.initializerPair(c, ctx);
      case 'identifier':
        return this.pushUse(this.slice(c), c.startIndex, c.endIndex, ctx);
      case 'field_expression':
        return this.fieldChild(c, 'argument', inContext(ctx, 'other'));
      case 'preproc_def':
      case 'preproc_function_def':
        this.macro(c.currentNode);
        return this.scanChildren(c);
      case 'comment':
        // (`fpcast: ignore` comments are read from the text: check/suppress.ts.)
        return;
      case 'ERROR':
        return this.children(c, ctx);
      default:
        if (OPAQUE.has(type)) return this.scanChildren(c);
        if (PREPROC_BRANCH.has(type)) return this.preprocBranch(c, ctx);
        return this.children(c, inContext(ctx, ctx.context === 'argument' ? 'argument' : 'other'));
    }
  }

  private scanChildren(c: Cursor): void {
    if (!this.scopes.length || !c.gotoFirstChild()) return;
    do {
      const type = namedType(c);
      if (type) this.scan(c, type);
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  /** `#if` and friends: the branches, not the condition. */
  private preprocBranch(c: Cursor, ctx: WalkContext): void {
    if (!c.gotoFirstChild()) return;
    do {
      const type = namedType(c);
      if (!type) continue;
      const field = fieldOf(c);
      if (field !== 'condition' && field !== 'name') this.walk(c, ctx, type);
      else this.scan(c, type);
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  private functionDefinition(c: Cursor, ctx: WalkContext): void {
    const owner = ownerAt(c, this.masked);
    let signature: SignatureFact | null = null;
    if (gotoField(c, 'declarator')) {
      signature = signatureAt(c, owner, this.text, this.masked, this.treeHasError);
      c.gotoParent();
    }
    if (!signature || !gotoField(c, 'body')) return this.children(c, ctx);
    // Only a top-level function is read head only: one inside another's body is part of that body.
    if (!this.scopes.length && this.skipBodies.has(c.startIndex)) return this.headOnly(c, signature);
    const body = this.bodyShape(c);
    c.gotoParent();
    const fact = functionFact(signature, {
      body: body.range,
      returns: [],
      fallsOffEnd: !body.endsWithReturn,
      closeBrace: body.closeBrace,
      bodyIndent: body.indent,
      bodyIdentifiers: [],
    });
    this.facts.functions.push(fact);
    const scope: Scope = {
      fact,
      locals: new Set(signature.paramList.params.map((p) => p.name).filter((n): n is string => !!n)),
      identifiers: new Set(),
      returns: [],
      pending: [],
    };
    if (!c.gotoFirstChild()) return;
    let walkedBody = false;
    do {
      const type = namedType(c);
      if (!type) continue;
      if (!walkedBody && fieldOf(c) === 'body') {
        walkedBody = true;
        this.scopes.push(scope);
        this.walk(c, { context: 'other', field: undefined, inFunction: signature.name, scope }, type);
        this.scopes.pop();
      } else {
        this.scan(c, type);
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
    this.closeScope(scope, ctx.scope);
  }

  /** A function wanted head only, the cursor on its body: its body facts are
   * left unknown (see FileFacts.partial); wanted ranges inside the body (a
   * `#define` there) are walked as they would be at top level. */
  private headOnly(c: Cursor, signature: SignatureFact): void {
    this.addHead(signature, { start: c.startIndex, end: c.endIndex });
    if (c.gotoFirstChild()) {
      do {
        const type = namedType(c);
        if (!type || !overlapsAny(this.wanted, c.startIndex, c.endIndex)) continue;
        this.walked.push(c.startIndex, c.endIndex);
        this.walk(c, TOP, type);
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    c.gotoParent();
  }

  /** The top-level nodes that overlap `this.wanted` (looking inside the
   * conditionals, `extern "C"` blocks and error nodes that hold top-level
   * items), walked as a walk of the whole tree walks them, the ranges walked
   * noted in `this.walked`. */
  walkSelected(c: Cursor): void {
    if (!c.gotoFirstChild()) return;
    do {
      const type = namedType(c);
      if (!type) continue;
      const start = c.startIndex;
      const end = c.endIndex;
      if (!overlapsAny(this.wanted, start, end)) continue;
      if (CONTAINERS.has(type)) {
        const field = fieldOf(c);
        if (field !== 'condition' && field !== 'name') this.walkSelected(c);
        continue;
      }
      const body = type === 'function_definition' ? this.skippedBody(c) : undefined;
      if (body) this.walked.push(start, body.start + 1, body.end - 1, end);
      else this.walked.push(start, end);
      this.walk(c, TOP, type);
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  /** The head of every function definition that overlaps one of `regions`
   * (sorted) and is not known yet: what a report of an unparsable region names. */
  headsAround(tree: Parser.Tree, regions: Range[]): void {
    if (!regions.length) return;
    const known = new Set(this.facts.functions.map((f) => f.range.start));
    for (const node of functionNodesIn(tree)) {
      if (known.has(node.startIndex) || !overlapsSorted(regions, node.startIndex, node.endIndex)) continue;
      const body = node.childForFieldName('body');
      const cursor = node.walk();
      const owner = ownerAt(cursor, this.masked);
      const signature = gotoField(cursor, 'declarator') ? signatureAt(cursor, owner, this.text, this.masked, this.treeHasError) : null;
      if (!signature || !body) continue;
      this.addHead(signature, rangeOf(body));
      known.add(node.startIndex);
      this.walked.push(node.startIndex, body.startIndex + 1, body.endIndex - 1, node.endIndex);
    }
  }

  /** A function read without its body: placeholders where the body's facts
   * would be (see FileFacts.partial; guards stop anyone reading them). */
  private addHead(signature: SignatureFact, body: Range): void {
    const fact = functionFact(signature, { body, returns: [], fallsOffEnd: true, closeBrace: body.end - 1, bodyIndent: '', bodyIdentifiers: [] });
    this.facts.functions.push(fact);
    this.headsOnly.push(fact);
  }

  /** The body of the function definition under the cursor, when it is one to skip. */
  private skippedBody(c: Cursor): Range | undefined {
    if (!this.skipBodies.size || !gotoField(c, 'body')) return undefined;
    const body = { start: c.startIndex, end: c.endIndex };
    c.gotoParent();
    return this.skipBodies.has(body.start) ? body : undefined;
  }

  /** The body is walked: fill in what it collected, drop uses and calls of locals. */
  private closeScope(scope: Scope, outer: Scope | undefined): void {
    scope.fact.returns = scope.returns;
    scope.fact.bodyIdentifiers = [...scope.identifiers];
    for (const p of scope.pending) {
      if (!p.final && scope.locals.has(p.name)) continue;
      if (outer) outer.pending.push({ ...p, final: true });
      else if (p.use) this.facts.uses.push(p.use);
      else if (p.call) this.facts.calls.push(p.call);
    }
  }

  /** Facts of the body under the cursor: its range, whether its last
   * statement returns, its closing brace, the indentation of its statements. */
  private bodyShape(c: Cursor): { range: Range; endsWithReturn: boolean; closeBrace: number; indent: string } {
    const range = { start: c.startIndex, end: c.endIndex };
    let firstNamed: number | undefined;
    let firstStatement: number | undefined;
    let lastStatement: string | undefined;
    let last: { type: string; start: number } | undefined;
    if (c.gotoFirstChild()) {
      do {
        const type = typeOf(c);
        last = { type, start: c.startIndex };
        if (!namedType(c)) continue;
        firstNamed ??= c.startIndex;
        if (type === 'comment') continue;
        firstStatement ??= c.startIndex;
        lastStatement = type;
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    const first = firstStatement ?? firstNamed;
    const indent = first !== undefined && startsLine(this.text, first) ? indentOfLine(this.text, first) : indentOfLine(this.text, range.start) + '    ';
    return { range, endsWithReturn: lastStatement === 'return_statement', closeBrace: last?.type === '}' ? last.start : range.end, indent };
  }

  private declaration(c: Cursor, ctx: WalkContext): void {
    const layout = tableStructAt(c, this.masked);
    if (layout) {
      this.facts.tables.push(...tablesAt(c, layout, this.text, this.masked, ctx.inFunction));
      return this.scanChildren(c);
    }
    if (!c.gotoFirstChild()) return;
    let owner: Owner | undefined;
    let index = -1;
    do {
      index++;
      const type = namedType(c);
      if (!type) continue;
      if (fieldOf(c) !== 'declarator') {
        this.scan(c, type);
      } else if (type === 'init_declarator') {
        this.fieldChild(c, 'value', inContext(ctx, 'initializer'));
      } else {
        if (this.mayBeFunctionDeclarator(c)) {
          if (!owner) {
            c.gotoParent();
            owner = ownerAt(c, this.masked);
            c.gotoFirstChild();
            for (let i = 0; i < index; i++) c.gotoNextSibling();
          }
          const signature = signatureAt(c, owner, this.text, this.masked, this.treeHasError);
          if (signature) this.facts.prototypes.push(signature);
        }
        this.scan(c, type);
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  /** Whether signatureFact can find a function in the declarator under the
   * cursor (it follows pointers, attributes and parentheses to a function
   * declarator); most declarators are plain names and need no node. */
  private mayBeFunctionDeclarator(c: Cursor): boolean {
    let depth = 0;
    let found = false;
    for (;;) {
      const type = typeOf(c);
      if (type === 'function_declarator') {
        found = true;
        break;
      }
      if (type === 'pointer_declarator') {
        if (!gotoField(c, 'declarator')) break;
        depth++;
        continue;
      }
      if (type !== 'attributed_declarator' && type !== 'parenthesized_declarator') break;
      if (!c.gotoFirstChild()) break;
      depth++;
      let moved = false;
      do {
        const inner = namedType(c);
        if (inner && (inner.endsWith('declarator') || inner === 'identifier')) {
          moved = true;
          break;
        }
      } while (c.gotoNextSibling());
      if (!moved) break;
    }
    while (depth--) c.gotoParent();
    return found;
  }

  private call(c: Cursor, ctx: WalkContext): void {
    if (!c.gotoFirstChild()) return;
    // The callee comes before the arguments; what happens to it depends on
    // whether there are arguments.
    let callee: { type: string; start: number; end: number } | undefined;
    let sawArguments = false;
    do {
      const type = namedType(c);
      if (!type) continue;
      const field = fieldOf(c);
      if (field === 'function' && !callee) {
        callee = { type, start: c.startIndex, end: c.endIndex };
        if (type === 'identifier') this.note(c, type);
        else this.walk(c, inContext(ctx, 'other'), type);
      } else if (field === 'arguments' && !sawArguments) {
        sawArguments = true;
        if (callee?.type === 'identifier') this.pushCall(c, callee, ctx);
        this.children(c, inContext(ctx, 'argument'));
      } else {
        this.scan(c, type);
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
    // An identifier called without an argument list is a plain use.
    if (callee?.type === 'identifier' && !sawArguments) this.pushUse(this.text.slice(callee.start, callee.end), callee.start, callee.end, ctx);
  }

  private pushCall(c: Cursor, callee: { start: number; end: number }, ctx: WalkContext): void {
    const name = this.text.slice(callee.start, callee.end);
    const args: CallFact['args'] = [];
    if (c.gotoFirstChild()) {
      do {
        const type = namedType(c);
        if (!type || type === 'comment') continue;
        args.push({ range: { start: c.startIndex, end: c.endIndex }, text: this.slice(c), pure: this.isPure(c, type) });
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    const call: CallFact = { name, nameRange: { start: callee.start, end: callee.end }, argsRange: { start: c.startIndex, end: c.endIndex }, args };
    if (ctx.scope) ctx.scope.pending.push({ name, call, final: false });
    else this.facts.calls.push(call);
  }

  /** An argument that can be dropped without losing a side effect. */
  private isPure(c: Cursor, type: string): boolean {
    if (!PURE_ARGUMENT.has(type)) return false;
    if (!c.gotoFirstChild()) return true;
    let pure = true;
    do {
      const child = namedType(c);
      if (!child || INERT_CHILD.has(child)) continue;
      if (!this.isPure(c, child)) {
        pure = false;
        break;
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
    return pure;
  }

  private assignment(c: Cursor, ctx: WalkContext): void {
    if (!c.gotoFirstChild()) return;
    let field: string | undefined;
    let sawLeft = false;
    let sawRight = false;
    do {
      const type = namedType(c);
      if (!type) continue;
      const which = fieldOf(c);
      if (which === 'left' && !sawLeft) {
        sawLeft = true;
        const name = type === 'field_expression' ? fieldRange(c, 'field') : undefined;
        if (name) field = this.text.slice(name.start, name.end);
        this.walk(c, inContext(ctx, 'other'), type);
      } else if (which === 'right' && !sawRight) {
        sawRight = true;
        this.walk(c, inContext(ctx, 'assignment', field), type);
      } else {
        this.scan(c, type);
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  private initializerPair(c: Cursor, ctx: WalkContext): void {
    if (!c.gotoFirstChild()) return;
    let field: string | undefined;
    let sawDesignator = false;
    let sawValue = false;
    do {
      const type = namedType(c);
      if (!type) continue;
      const which = fieldOf(c);
      if (which === 'designator' && !sawDesignator) {
        sawDesignator = true;
        if (type === 'field_designator' && gotoNamed(c, () => true)) {
          field = this.slice(c);
          c.gotoParent();
        }
        this.scan(c, type);
      } else if (which === 'value' && !sawValue) {
        sawValue = true;
        this.walk(c, inContext(ctx, 'initializer', field), type);
      } else {
        this.scan(c, type);
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  private macro(node: SyntaxNode): void {
    const name = node.childForFieldName('name');
    if (!name) return;
    const value = node.childForFieldName('value');
    const macro: MacroFact = {
      name: name.text,
      nameRange: rangeOf(name),
      line: name.startPosition.row + 1,
      range: rangeOf(node),
      body: value ? value.text : '',
      bodyRange: value ? rangeOf(value) : { start: name.endIndex, end: name.endIndex },
    };
    const params = node.childForFieldName('parameters');
    if (params) macro.params = params.namedChildren.filter((p) => p.type === 'identifier').map((p) => p.text).concat(params.children.some((c) => c.type === '...') ? ['__VA_ARGS__'] : []);
    this.facts.macros.push(macro);
    if (value) macroBodyIdentifiers(value.text, value.startIndex, macro.name, this.facts.macroRefs);
  }
}

/** Windows tried around the parts a parse of parts could not read, in
 * items on each side (see windows.ts), before the file is parsed whole. */
const WINDOW_WIDTHS = [1, 4, 16];

/** Extract the facts of one file from its (Latin-1 decoded) text: of the
 * whole file, from its whole tree (got from `wholeTree`, which may keep
 * trees), or of the parts given (see parts.ts). Parts are parsed alone; where
 * their parse shows that tree-sitter does not read them as the outline
 * promised, they are parsed again in ever wider windows (windows.ts). When
 * `parseWhole` says, or no window does, their facts are taken from the
 * whole tree, with every top-level node around an unparsable region. */
export function extractFacts(file: string, text: string, parts: PartRanges = 'whole', options: ExtractOptions = {}): FileFacts {
  const wholeTree = options.wholeTree ?? ((whole: string, masking?: ArrayLike<number>) => parseC(whole, undefined, undefined, masking));
  if (parts === 'whole') return extractWhole(file, text, wholeTree(text), options.includes);
  // The file's shape for windows: the caller's, or made here when windows need it.
  let shape = options.shape;
  const shapeOf = () => (shape ??= outline(text));
  if (!parts.parseWhole) {
    let read = extractParts(file, text, parts, options, shapeOf);
    const trouble: Range[] = [];
    for (const width of WINDOW_WIDTHS) {
      // Windows are made of items: an outline that cannot be trusted, or has none, makes none.
      if ('facts' in read || shapeOf().unsure !== undefined || !shapeOf().items.length) break;
      trouble.push(...read.trouble);
      const widened = widen(shapeOf(), parts, trouble, width);
      if (costsAsMuchAsWhole(widened.ranges, text.length)) break;
      read = extractParts(file, text, widened, options, shapeOf);
    }
    if ('facts' in read) return read.facts;
  }
  // A whole parse after windows masks by the outline they made (masking would outline the text again).
  return extractFromWhole(file, text, parts, wholeTree(text, shape && wholeMaskingRanges(shape)), options.includes);
}

export interface ExtractOptions {
  /** The parse of the whole file (default: parse it now), masked over
   * `masking` when given (see mask.ts); a caller may keep trees and give one kept. */
  wholeTree?: (text: string, masking?: ArrayLike<number>) => Parser.Tree;
  /** The file's `#include "…"` paths, when known already (see includesOf). */
  includes?: string[];
  /** The text's line ends, when the caller keeps them (a file is asked for parts round after round). */
  newlines?: NewlineIndex;
  /** The text's outline, or its shape, when the caller has it (windows read it). */
  shape?: Shape;
}

/** The facts of the parts, or where tree-sitter did not read them as the
 * outline promised (errors, a body it saw elsewhere). `shapeOf` gives the
 * file's outline. */
function extractParts(
  file: string,
  text: string,
  { ranges, bodies, defines, windows = [], wanted = ranges }: Exclude<PartRanges, 'whole'>,
  { includes, newlines }: ExtractOptions,
  shapeOf: () => Shape,
): { facts: FileFacts } | { trouble: Range[] } {
  if (!ranges.length) return { facts: partialFacts(emptyFacts(file), [], ranges, text, false, includes) };
  // A window holds several items: it is masked item by item, as a whole text is.
  const masking = windows.length ? maskingRanges(shapeOf(), ranges) : ranges;
  const tree = parseC(text, ranges, newlines, masking);
  // Heads are read as heads: of their bodies, only the ranges wanted (a `#define` there) are walked.
  const extractor = new Extractor(tree, text, file, { bodies, wanted });
  const facts = extractor.facts;
  if (extractor.treeHasError) {
    // An error inside a `#define` standing alone is the error a whole parse
    // has there, as is one inside a window; one anywhere else may not be.
    const errors = errorRegions(tree);
    const trouble = errors.filter((e) => !within(e, defines) && !within(e, windows));
    if (trouble.length) {
      // What a `#define` leaves unfinished runs on into the range after it
      // (a comment ends a macro's body for tree-sitter, the rest of the line
      // reads as code): one with an error is read where it stands too.
      for (const e of errors) if (within(e, defines)) trouble.push(e);
      return { trouble };
    }
    facts.parseErrors = errors;
  }
  // Wider ranges than wanted (windows): the top-level nodes that hold what is wanted.
  const selective = wanted !== ranges;
  if (selective) extractor.walkSelected(tree.walk());
  else extractor.walk(tree.walk(), TOP);
  // Every head came out as a head, its body where the outline saw it (inside a window, as the file reads it).
  const byBody = new Map(extractor.headsOnly.map((f) => [f.body.start, f]));
  const trouble: Range[] = [];
  for (let k = 0; k < bodies.length; k += 2) {
    if (byBody.get(bodies[k])?.body.end !== bodies[k + 1] + 1 && !covered(windows, bodies[k], bodies[k + 1] + 1)) trouble.push({ start: bodies[k], end: bodies[k + 1] + 1 });
  }
  if (trouble.length) return { trouble };
  return { facts: partialFacts(facts, extractor.headsOnly, selective ? mergeFlat(extractor.walked) : ranges, text, false, includes) };
}

function extractFromWhole(file: string, text: string, parts: Exclude<PartRanges, 'whole'>, tree: Parser.Tree, includes?: string[]): FileFacts {
  const wanted = [...parts.ranges];
  // Definitions asked for by name: the function, the macro's directive.
  if (parts.functions?.length || parts.macros?.length) {
    const defined = definitionsIn(tree);
    // (Whole: a file whose outline is unsure is rare, and a function read head
    // only there could not be told apart from its neighbours when its body is asked for.)
    for (const name of parts.functions ?? []) for (const def of defined.functions.get(name) ?? []) wanted.push(def.start, def.end);
    for (const name of parts.macros ?? []) for (const def of defined.macros.get(name) ?? []) wanted.push(def.start, def.end);
  }
  const extractor = new Extractor(tree, text, file, { bodies: parts.bodies, wanted: mergeFlat(wanted) });
  const facts = extractor.facts;
  facts.parseErrors = errorsOf(tree);
  extractor.walkSelected(tree.walk());
  // The functions around an unparsable region, which a report of it names
  // (once: a later look at the same tree keeps those it gave).
  if (!aroundGiven.has(tree)) {
    aroundGiven.add(tree);
    extractor.headsAround(tree, facts.parseErrors);
  }
  facts.functions.sort((a, b) => a.range.start - b.range.start);
  return partialFacts(facts, extractor.headsOnly, mergeFlat(extractor.walked), text, true, includes);
}

/** Facts of parts, `heads` the functions read without their bodies. */
function partialFacts(facts: FileFacts, heads: FunctionFact[], ranges: number[], text: string, parsedWhole: boolean, includes?: string[]): FileFacts {
  const headSet = new Set(heads);
  facts.includes = includes ?? includesOf(text);
  facts.partial = { headsOnly: facts.functions.flatMap((f, i) => (headSet.has(f) ? [i] : [])), ranges };
  if (parsedWhole) facts.partial.parsedWhole = true;
  return facts;
}

function extractWhole(file: string, text: string, tree: Parser.Tree, includes?: string[]): FileFacts {
  const extractor = new Extractor(tree, text, file);
  extractor.walk(tree.walk(), TOP);
  const facts = extractor.facts;
  // Includes come from the text, as the preprocessor sees them (tree-sitter
  // misses those inside initializers), so that they are the same whether a
  // file is parsed or skipped by the prefilter.
  facts.includes = includes ?? includesOf(text);
  // (A tree kept from a parse for parts knows its errors already.)
  facts.parseErrors = errorsOf(tree);
  return facts;
}

/** The text a tree was parsed from (see parseC). */
const maskedOf = (tree: Parser.Tree): string => (tree as unknown as { input: string }).input;

/** Top-level nodes that hold top-level items (a selection looks inside them). */
const CONTAINERS = new Set([
  'translation_unit', 'preproc_if', 'preproc_ifdef', 'preproc_else', 'preproc_elif', 'preproc_elifdef', 'linkage_specification',
  'declaration_list', 'ERROR',
]);

const errorsOfTree = new WeakMap<Parser.Tree, Range[]>();
/** Trees whose functions around unparsable regions were extracted already. */
const aroundGiven = new WeakSet<Parser.Tree>();

function errorsOf(tree: Parser.Tree): Range[] {
  let known = errorsOfTree.get(tree);
  if (!known) errorsOfTree.set(tree, (known = tree.rootNode.hasError ? errorRegions(tree) : []));
  return known;
}

interface Definitions {
  functions: Map<string, Range[]>;
  macros: Map<string, Range[]>;
}

const functionNodesOfTree = new WeakMap<Parser.Tree, SyntaxNode[]>();

/** Every function definition of a tree, in document order (worked out once per tree). */
function functionNodesIn(tree: Parser.Tree): SyntaxNode[] {
  let known = functionNodesOfTree.get(tree);
  if (!known) functionNodesOfTree.set(tree, (known = tree.rootNode.descendantsOfType('function_definition')));
  return known;
}

const definitionsOfTree = new WeakMap<Parser.Tree, Definitions>();

/** Where a tree defines functions and macros, by the name the extractor
 * would give them (worked out once per tree). */
function definitionsIn(tree: Parser.Tree): Definitions {
  let known = definitionsOfTree.get(tree);
  if (known) return known;
  known = { functions: new Map(), macros: new Map() };
  for (const node of tree.rootNode.descendantsOfType(['function_definition', 'preproc_def', 'preproc_function_def'])) {
    const isFunction = node.type === 'function_definition';
    const name = isFunction ? findFunctionDeclarator(node.childForFieldName('declarator'))?.name.text : node.childForFieldName('name')?.text;
    if (name !== undefined) pushTo(isFunction ? known.functions : known.macros, name, rangeOf(node));
  }
  definitionsOfTree.set(tree, known);
  return known;
}

/** Regions of `text`, or of `ranges` of it, tree-sitter cannot parse (to verify a fix added none). */
export function parseErrorRegions(text: string, ranges?: ArrayLike<number>, masking: ArrayLike<number> | undefined = ranges): Range[] {
  return errorRegions(parseC(text, ranges, undefined, masking));
}

/** `FOO_METHODDEF` or `PyVarObject_HEAD_INIT(NULL, 0)` written without a
 * comma inside an initializer (CPython's own style) parses as an ERROR that
 * holds just that name or call; the tables reader understands it, so it is
 * not a region fpcast failed to read. */
function isMacroElement(node: SyntaxNode): boolean {
  const list = node.parent;
  // Only in the list right after `=`, where entries and struct fields sit.
  if (list?.type !== 'initializer_list' || list.parent?.type !== 'init_declarator') return false;
  const inner = node.namedChildren.filter((c) => c.type !== 'comment');
  if (inner.length > 0 && inner.every((c) => c.type === 'identifier' || c.type === 'call_expression')) return true;
  return isDirectiveBetweenEntries(node);
}

/** `#ifdef X` / `#endif` between the entries of a table array (tree-sitter's
 * C grammar has no conditionals inside initializers): the entries around it
 * are intact and each is judged. Between the fields of one struct a
 * conditional shifts positions, so there it stays an error. */
function isDirectiveBetweenEntries(node: SyntaxNode): boolean {
  const first = node.firstChild;
  if (!first || !(first.type.startsWith('#') || first.type === 'preproc_directive')) return false;
  // Its neighbours, not the whole list: data arrays can hold 100 000 elements.
  // An entry on one side (a struct's fields are not braced), an entry or a
  // macro entry on the other.
  const before = node.previousNamedSibling;
  const after = node.nextNamedSibling;
  const braced = (n: SyntaxNode | null) => n?.type === 'initializer_list';
  const entryLike = (n: SyntaxNode | null) => n === null || braced(n) || ['identifier', 'call_expression', 'ERROR', 'comment'].includes(n.type);
  return (braced(before) || braced(after)) && entryLike(before) && entryLike(after);
}

/** ERROR and MISSING nodes, descending only into subtrees that hold one. */
function errorRegions(tree: Parser.Tree): Range[] {
  const regions: Range[] = [];
  const cursor = tree.walk();
  let descending = true;
  for (;;) {
    if (descending) {
      const node = cursor.currentNode;
      if ((node.type === 'ERROR' && !isMacroElement(node)) || node.isMissing) {
        regions.push(rangeOf(node));
      } else if (node.hasError && cursor.gotoFirstChild()) {
        continue;
      }
    }
    if (cursor.gotoNextSibling()) {
      descending = true;
      continue;
    }
    if (!cursor.gotoParent()) break;
    descending = false;
  }
  return mergeRanges(regions);
}
