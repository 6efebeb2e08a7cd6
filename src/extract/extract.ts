// bytes → tree-sitter tree → FileFacts. The only module that walks syntax trees.

import Parser from 'tree-sitter';
import C from 'tree-sitter-c';
import { indentOfLine, startsLine } from '../source/source-file.js';
import type {
  CallFact, FileFacts, FunctionFact, MacroFact, MacroRefFact, Range, ReturnFact, UseContext,
} from './facts.js';
import { signatureFact } from './signatures.js';
import { declaratorIdentifier, fieldChildren, rangeOf, type SyntaxNode } from './syntax.js';
import { tableFacts, tableStructOf } from './tables.js';

let parser: Parser | undefined;

export function cParser(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(C as unknown as Parser.Language);
  }
  return parser;
}

/** Parse `text` (Latin-1 decoded bytes, so string offsets are byte offsets). */
export function parseC(text: string): Parser.Tree {
  // The default 32 KiB input buffer makes very long files fail to parse.
  return cParser().parse(text, null, { bufferSize: Math.max(32 * 1024, text.length + 1) });
}

interface WalkContext {
  context: UseContext;
  field?: string;
  inFunction?: string;
  locals?: Set<string>;
}

const TOP: WalkContext = { context: 'other' };

const PURE_ARGUMENT = new Set([
  'identifier', 'number_literal', 'string_literal', 'concatenated_string', 'char_literal', 'null', 'true',
  'false', 'field_expression', 'pointer_expression', 'parenthesized_expression', 'cast_expression',
  'sizeof_expression', 'unary_expression', 'subscript_expression',
]);

/** An argument that can be dropped without losing a side effect. */
function isPure(node: SyntaxNode): boolean {
  if (!PURE_ARGUMENT.has(node.type)) return false;
  return node.namedChildren.every((child) => child.type === 'comment' || child.type === 'type_descriptor' || isPure(child) || child.type === 'field_identifier' || child.type === 'string_content' || child.type === 'escape_sequence');
}

const SUPPRESSION = /fpcast:\s*ignore(?:\[([^\]]*)\])?/;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;

/** Identifiers spelled in a macro body, skipping strings, chars and comments. */
function macroBodyIdentifiers(body: string, offset: number, macro: string, out: MacroRefFact[]): void {
  const stripped = body.replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m) => ' '.repeat(m.length));
  for (const match of stripped.matchAll(IDENTIFIER)) {
    out.push({ name: match[0], range: { start: offset + match.index!, end: offset + match.index! + match[0].length }, macro });
  }
}

class Extractor {
  readonly facts: FileFacts;

  constructor(
    private readonly text: string,
    file: string,
  ) {
    this.facts = {
      file, functions: [], prototypes: [], tables: [], calls: [], uses: [], macros: [], macroRefs: [],
      includes: [], parseErrors: [], suppressions: [],
    };
  }

  walk(node: SyntaxNode, ctx: WalkContext): void {
    switch (node.type) {
      case 'function_definition':
        return this.functionDefinition(node, ctx);
      case 'declaration':
        return this.declaration(node, ctx);
      case 'call_expression':
        return this.call(node, ctx);
      case 'assignment_expression':
        return this.assignment(node, ctx);
      case 'return_statement':
        return this.children(node, { ...ctx, context: 'return', field: undefined });
      case 'initializer_pair': {
        const designator = node.childForFieldName('designator');
        const field = designator?.type === 'field_designator' ? designator.namedChildren[0]?.text : undefined;
        const value = node.childForFieldName('value');
        if (value) this.walk(value, { ...ctx, context: 'initializer', field });
        return;
      }
      case 'identifier':
        if (!ctx.locals?.has(node.text)) {
          const use = { name: node.text, range: rangeOf(node), context: ctx.context } as FileFacts['uses'][number];
          if (ctx.field) use.field = ctx.field;
          if (ctx.inFunction) use.inFunction = ctx.inFunction;
          this.facts.uses.push(use);
        }
        return;
      case 'field_expression': {
        const argument = node.childForFieldName('argument');
        if (argument) this.walk(argument, { ...ctx, context: 'other', field: undefined });
        return;
      }
      case 'preproc_def':
      case 'preproc_function_def':
        return this.macro(node);
      case 'preproc_include': {
        const path = node.childForFieldName('path');
        if (path?.type === 'string_literal') this.facts.includes.push(path.text.slice(1, -1));
        return;
      }
      case 'preproc_if':
      case 'preproc_ifdef':
      case 'preproc_elif':
      case 'preproc_elifdef':
      case 'preproc_else':
        for (const { node: child, field } of fieldChildren(node)) {
          if (field !== 'condition' && field !== 'name') this.walk(child, ctx);
        }
        return;
      case 'comment':
        return this.comment(node);
      case 'ERROR':
        return this.children(node, ctx);
      case 'type_descriptor':
      case 'type_identifier':
      case 'field_identifier':
      case 'primitive_type':
      case 'string_literal':
      case 'char_literal':
      case 'number_literal':
      case 'preproc_call':
        return;
      default:
        return this.children(node, { ...ctx, context: ctx.context === 'argument' ? 'argument' : 'other', field: undefined });
    }
  }

  private children(node: SyntaxNode, ctx: WalkContext): void {
    for (const child of node.children) if (child.isNamed || child.isMissing) this.walk(child, ctx);
  }

  private functionDefinition(node: SyntaxNode, ctx: WalkContext): void {
    const declarator = node.childForFieldName('declarator');
    const body = node.childForFieldName('body');
    const signature = declarator && signatureFact(node, declarator, this.text);
    if (!signature || !body) return this.children(node, ctx);
    const fact: FunctionFact = {
      ...signature,
      body: rangeOf(body),
      returns: this.returnsOf(body),
      fallsOffEnd: !endsWithReturn(body),
      closeBrace: body.lastChild?.type === '}' ? body.lastChild.startIndex : body.endIndex,
      bodyIndent: this.bodyIndent(body),
      bodyIdentifiers: [...new Set(descendantIdentifiers(body))],
      hasError: node.hasError,
    };
    this.facts.functions.push(fact);
    const locals = new Set<string>(signature.paramList.params.map((p) => p.name).filter((n): n is string => !!n));
    for (const decl of body.descendantsOfType(['declaration', 'parameter_declaration'])) {
      for (const d of decl.childrenForFieldName('declarator')) {
        if (d.type === 'function_declarator') continue;
        const id = declaratorIdentifier(d);
        if (id) locals.add(id.text);
      }
    }
    this.walk(body, { context: 'other', inFunction: signature.name, locals });
  }

  private returnsOf(body: SyntaxNode): ReturnFact[] {
    return body.descendantsOfType('return_statement').map((ret) => {
      const value = ret.namedChildren.find((c) => c.type !== 'comment');
      const fact: ReturnFact = { range: rangeOf(ret) };
      if (value) fact.value = { range: rangeOf(value), text: value.text };
      return fact;
    });
  }

  private bodyIndent(body: SyntaxNode): string {
    const first = body.namedChildren.find((c) => c.type !== 'comment') ?? body.namedChildren[0];
    if (first && startsLine(this.text, first.startIndex)) return indentOfLine(this.text, first.startIndex);
    return indentOfLine(this.text, body.startIndex) + '    ';
  }

  private declaration(node: SyntaxNode, ctx: WalkContext): void {
    const layout = tableStructOf(node);
    if (layout) {
      this.facts.tables.push(...tableFacts(node, layout, this.text, ctx.inFunction));
      return;
    }
    for (const declarator of node.childrenForFieldName('declarator')) {
      if (declarator.type === 'init_declarator') {
        const value = declarator.childForFieldName('value');
        if (value) this.walk(value, { ...ctx, context: 'initializer', field: undefined });
        continue;
      }
      const signature = signatureFact(node, declarator, this.text);
      if (signature) this.facts.prototypes.push(signature);
    }
  }

  private call(node: SyntaxNode, ctx: WalkContext): void {
    const callee = node.childForFieldName('function');
    const args = node.childForFieldName('arguments');
    if (callee?.type === 'identifier' && args && !ctx.locals?.has(callee.text)) {
      const call: CallFact = {
        name: callee.text,
        nameRange: rangeOf(callee),
        argsRange: rangeOf(args),
        args: args.namedChildren.filter((a) => a.type !== 'comment').map((a) => ({ range: rangeOf(a), text: a.text, pure: isPure(a) })),
      };
      if (ctx.inFunction) call.inFunction = ctx.inFunction;
      this.facts.calls.push(call);
    } else if (callee) {
      this.walk(callee, { ...ctx, context: 'other', field: undefined });
    }
    if (args) this.children(args, { ...ctx, context: 'argument', field: undefined });
  }

  private assignment(node: SyntaxNode, ctx: WalkContext): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const field = left?.type === 'field_expression' ? left.childForFieldName('field')?.text : undefined;
    if (left) this.walk(left, { ...ctx, context: 'other', field: undefined });
    if (right) this.walk(right, { ...ctx, context: 'assignment', field });
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

  private comment(node: SyntaxNode): void {
    const match = SUPPRESSION.exec(node.text);
    if (!match) return;
    const rules = match[1] === undefined ? 'all' : match[1].split(',').map((r) => r.trim()).filter(Boolean);
    this.facts.suppressions.push({ range: rangeOf(node), rules });
  }
}

function endsWithReturn(body: SyntaxNode): boolean {
  const statements = body.namedChildren.filter((c) => c.type !== 'comment');
  const last = statements[statements.length - 1];
  return last?.type === 'return_statement';
}

function descendantIdentifiers(node: SyntaxNode): string[] {
  return node.descendantsOfType('identifier').map((n) => n.text);
}

/** Extract the facts of one file from its (Latin-1 decoded) text. */
export function extractFacts(file: string, text: string): FileFacts {
  const tree = parseC(text);
  const extractor = new Extractor(text, file);
  extractor.walk(tree.rootNode, TOP);
  const facts = extractor.facts;
  facts.parseErrors = tree.rootNode.hasError ? errorRegions(tree) : [];
  return facts;
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out;
}

/** Regions of `text` tree-sitter cannot parse (to verify a fix added none). */
export function parseErrorRegions(text: string): Range[] {
  return errorRegions(parseC(text));
}

/** ERROR and MISSING nodes, descending only into subtrees that hold one. */
function errorRegions(tree: Parser.Tree): Range[] {
  const regions: Range[] = [];
  const cursor = tree.walk();
  let descending = true;
  for (;;) {
    if (descending) {
      const node = cursor.currentNode;
      if (node.type === 'ERROR' || node.isMissing) {
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
