// FileFacts: everything the later stages need to know about one file, as
// plain serializable data with byte ranges. Syntax trees never leave the
// extractor; fixes are planned from these ranges alone.

import type { WasmResult, WasmType } from '../abi/wasm.js';
import type { Range } from '../source/source-file.js';

export type { Range };

export interface ParamFact {
  range: Range;
  /** The parameter's C type as written, declarator stars included, name removed. */
  ctype: string;
  name: string | null;
  wasm: WasmType;
}

export interface ParamListFact {
  /** From `(` to `)` inclusive. */
  range: Range;
  params: ParamFact[];
  /** `(void)` is written `void`; `()` is empty; both mean zero parameters. */
  form: 'list' | 'void' | 'empty';
  /** Range of the `void` keyword in `(void)`. */
  voidRange?: Range;
  variadic: boolean;
  /** Comments between the last parameter and `)`. */
  trailingComments: Range[];
  /** Comments anywhere inside the parentheses. */
  comments: Range[];
  hasError: boolean;
}

export interface ResultFact {
  /** The C result type as written (`PyObject *`, `void`, `int`). */
  ctype: string;
  wasm: WasmResult;
  /** The type specifier node, e.g. the `void` keyword; absent when the
   * result is a pointer or otherwise not a bare specifier. */
  specifierRange?: Range;
}

export interface ReturnFact {
  range: Range;
  /** The returned expression, if any. */
  value?: { range: Range; text: string };
}

/** A function declarator seen either as a definition or as a prototype. */
export interface SignatureFact {
  name: string;
  nameRange: Range;
  /** 1-based line of the name, for messages that must tell definitions apart. */
  line: number;
  /** Whole declaration / definition. */
  range: Range;
  isStatic: boolean;
  result: ResultFact;
  paramList: ParamListFact;
}

export interface FunctionFact extends SignatureFact {
  body: Range;
  returns: ReturnFact[];
  /** Whether control can reach the closing brace (the last statement is not a return). */
  fallsOffEnd: boolean;
  /** Offset of the body's closing `}`. */
  closeBrace: number;
  /** Indentation of the body's statements (for lines fpcast adds). */
  bodyIndent: string;
  /** Every identifier spelled in the body (for shadowing and "is this
   * parameter used" questions). */
  bodyIdentifiers: string[];
}

export type PrototypeFact = SignatureFact;

export interface CallFact {
  name: string;
  /** The callee identifier. */
  nameRange: Range;
  /** The argument list from `(` to `)`. */
  argsRange: Range;
  args: { range: Range; text: string; pure: boolean }[];
}

export type UseContext = 'assignment' | 'argument' | 'initializer' | 'return' | 'other';

/** A function name used as a value outside the tables fpcast knows (stored in a
 * pointer, passed as an argument, compared, …). */
export interface ValueUseFact {
  name: string;
  range: Range;
  context: UseContext;
  /** For `x.tp_iternext = f` or `.tp_iternext = f`: the field written. */
  field?: string;
}

export type CastStyle = 'none' | 'address' | 'cast' | 'laundered' | 'macro';

export interface FuncRefFact {
  name: string;
  /** The identifier itself. */
  nameRange: Range;
  /** How the entry spells it: `f`, `&f`, `(PyCFunction)f`, `(PyCFunction)(void(*)(void))f`, `_PyCFunction_CAST(f)`. */
  cast: CastStyle;
  /** The cast prefix as written (`(PyCFunction)(void(*)(void))`), for reuse. */
  castText?: string;
}

export interface ValueFact {
  range: Range;
  text: string;
  /** Set when the value names a function (possibly through casts). */
  func?: FuncRefFact;
}

export interface EntryFact {
  range: Range;
  /** Field name → value, from positional or designated initializers. */
  fields: Record<string, ValueFact>;
  /** Set when the entry is a macro invocation (`FOO_METHODDEF`, `METHOD(f, METH_O)`). */
  macro?: { name: string; args?: string[]; range: Range };
  /** Set on entries fpcast rebuilt by expanding such an invocation: where the
   * invocation is, and the macro's whole `#define`. */
  expandedFrom?: { macro: string; invocation: Range; definition: { file: string; range: Range; line: number } };
}

export interface TableFact {
  struct: string;
  /** The variable's name. */
  name: string;
  range: Range;
  entries: EntryFact[];
  inFunction?: string;
}

export interface MacroFact {
  name: string;
  nameRange: Range;
  /** 1-based line of the `#define`. */
  line: number;
  range: Range;
  /** Parameter names of a function-like macro; absent for object-like. */
  params?: string[];
  body: string;
  bodyRange: Range;
}

export interface MacroRefFact {
  /** An identifier spelled inside a macro body. */
  name: string;
  range: Range;
  macro: string;
}

export interface FileFacts {
  file: string;
  functions: FunctionFact[];
  prototypes: PrototypeFact[];
  tables: TableFact[];
  calls: CallFact[];
  uses: ValueUseFact[];
  macros: MacroFact[];
  macroRefs: MacroRefFact[];
  includes: string[];
  /** Regions tree-sitter could not parse (ERROR and MISSING nodes). */
  parseErrors: Range[];
  /** Set when only parts of the file were parsed (see extract/parts.ts):
   * every list then holds the facts of those parts only — the rounds of
   * discover/prefilter.ts parse what the index is asked about — except
   * `tables` (every item that may hold one is parsed). `parseErrors` holds
   * only errors a whole parse has alike: inside `#define`s parsed on their
   * own, and inside windows (see extract/windows.ts: a part with an error
   * anywhere else is read in a window, or from the whole file, see
   * `parsedWhole`); errors inside bodies and items left out are not known. */
  partial?: {
    /** Indexes into `functions` of definitions parsed without their body,
     * whose body facts (`returns`, `fallsOffEnd`, `bodyIndent`,
     * `bodyIdentifiers`) are therefore unknown. */
    headsOnly: number[];
    /** The parts these facts are of (flat start/end pairs, sorted). */
    ranges: number[];
    /** Set when the file was parsed whole (only parts of it read): then
     * `parseErrors` is complete. */
    parsedWhole?: true;
  };
}

/** Whether `parseErrors` holds every unparsable region of the file (it was parsed whole). */
export const knowsEveryParseError = (facts: FileFacts): boolean => !facts.partial || facts.partial.parsedWhole === true;

/** The facts of a file with nothing in it. */
export function emptyFacts(file: string): FileFacts {
  return { file, functions: [], prototypes: [], tables: [], calls: [], uses: [], macros: [], macroRefs: [], includes: [], parseErrors: [] };
}
