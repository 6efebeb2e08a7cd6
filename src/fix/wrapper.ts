// --strategy wrapper: instead of changing a function that other files or
// other uses depend on, write a small static function with the signature
// CPython expects next to the table, and point the entry at it. The wrapper
// calls the real function with the arguments it takes.

import type { ParamSpec } from '../abi/cpython.js';
import { normalizeCType, spellParam } from '../abi/wasm.js';
import type { Expectation, Finding, Location } from '../check/types.js';
import type { FunctionFact } from '../extract/facts.js';
import type { Located, ProjectIndex } from '../index/link.js';
import { eolAt, indentOfLine, startsLine } from '../source/source-file.js';
import { castTemplate, type MethodCasts } from './casts.js';
import type { Edit } from './edits.js';
import { refuse } from './refusal.js';
import { freshName } from './signature-edits.js';

export interface WrapperOptions {
  index: ProjectIndex;
  textOf: (file: string) => string;
  unusedParam: string;
  /** The casts the files use for method entries. */
  methodCasts: MethodCasts;
  /** Names already taken in the project (wrappers get fresh ones). */
  taken: Set<string>;
}

/** `METH_VARARGS|METH_KEYWORDS` → `varargs_keywords`; `tp_iternext` stays. */
function suffixFor(expectation: Expectation): string {
  if (expectation.field === 'ml_meth') {
    return expectation.what.replace(/ method$/, '').replace(/METH_/g, '').replace(/\|/g, '_').toLowerCase();
  }
  return ({ get: 'getter', set: 'setter' } as Record<string, string>)[expectation.field] ?? expectation.field.replace(/^Py_/, '');
}

/** The call's argument for each parameter the real function takes. */
function callArguments(def: FunctionFact, params: ParamSpec[], names: string[]): string[] {
  return def.paramList.params.map((actual, i) => {
    const expected = params[i];
    if (!expected) return actual.ctype.includes('*') ? 'NULL' : '0';
    if (actual.wasm !== 'unknown' && actual.wasm !== expected.wasm) {
      refuse('manual', `parameter ${i + 1} of '${def.name}' is ${actual.ctype} where CPython passes ${expected.ctype}; a wrapper cannot convert it`, [
        { file: (def as Located<FunctionFact>).file, range: actual.range, note: 'this parameter' },
      ]);
    }
    const cast = normalizeCType(actual.ctype) !== normalizeCType(expected.ctype) && actual.ctype.includes('*') ? `(${actual.ctype})` : '';
    return cast + names[i];
  });
}

function wrapperBody(def: Located<FunctionFact>, expectation: Expectation, call: string): string[] {
  const expected = expectation.signature.result;
  const actual = def.result;
  if (expected.wasm === 'void') return [actual.wasm === 'void' ? `${call};` : `(void)${call};`];
  if (actual.wasm === 'void') {
    if (normalizeCType(expected.ctype) !== 'int') {
      refuse('manual', `'${def.name}' returns void where CPython expects ${expected.ctype}; a wrapper cannot make up a result`, [
        { file: def.file, range: def.nameRange, note: `'${def.name}' is defined here` },
      ]);
    }
    return [`${call};`, 'return 0;'];
  }
  if (actual.wasm !== 'unknown' && actual.wasm !== expected.wasm) {
    refuse('manual', `'${def.name}' returns ${actual.ctype} where CPython expects ${expected.ctype}; a wrapper cannot convert it`, [
      { file: def.file, range: def.nameRange, note: `'${def.name}' is defined here` },
    ]);
  }
  const cast = normalizeCType(actual.ctype) !== normalizeCType(expected.ctype) && expected.ctype.includes('*') ? `(${expected.ctype})` : '';
  return [`return ${cast}${call};`];
}

/** Where a wrapper for `expectation`'s table goes: before the table's
 * declaration (or, for a table local to a function, that function): at the
 * start of its line when only blanks precede it there, else right before it:
 * after a block comment that ends on that line, say, the line's start is
 * inside the comment. */
function insertionPoint(options: WrapperOptions, expectation: Expectation): number {
  const table = expectation.table;
  let start = table.range.start;
  if (table.inFunction) {
    const outer = options.index.files.get(expectation.file)?.functions.find((f) => f.range.start <= start && start < f.range.end);
    if (outer) start = outer.range.start;
  }
  const text = options.textOf(expectation.file);
  return startsLine(text, start) ? start - indentOfLine(text, start).length : start;
}

export function wrapperEdits(findings: Finding[], options: WrapperOptions): { edits: Edit[]; summary: string; at: Location } {
  const edits: Edit[] = [];
  const written: string[] = [];
  const byTarget = new Map<string, string>();
  // Definitions under #ifdef/#else: one wrapper cannot call both when their
  // parameter lists differ.
  const defs = [...new Set(findings.map((f) => f.definition!))];
  if (new Set(defs.map((d) => d.paramList.params.length)).size > 1) {
    refuse('conflict', `the definitions of '${defs[0].name}' take different parameters; one wrapper cannot call them all`, defs.map((d) => ({ file: d.file, range: d.nameRange, note: 'defined here' })));
  }
  // One finding per definition can name the same entry: point it at the wrapper once.
  const entries = new Set<string>();
  for (const finding of findings) {
    const expectation = finding.expectation!;
    const def = finding.definition!;
    const entryKey = `${expectation.file}\0${expectation.valueRange.start}`;
    if (entries.has(entryKey)) continue;
    entries.add(entryKey);
    if (expectation.viaMacro) {
      refuse('macro', `the entry for '${def.name}' comes from a macro; fpcast cannot point it at a wrapper`, [expectation.viaMacro]);
    }
    const key = `${expectation.file}\0${expectation.signature.typedef}\0${expectation.what}`;
    let wrapper = byTarget.get(key);
    if (!wrapper) {
      wrapper = freshName(`${def.name}_${suffixFor(expectation)}`, options.taken);
      byTarget.set(key, wrapper);
      edits.push(wrapperDefinition(wrapper, def, expectation, options));
      written.push(`'${wrapper}' in ${expectation.file}`);
    }
    edits.push(entryEdit(wrapper, expectation, options));
  }
  const first = findings[0].expectation!;
  return {
    edits,
    summary: `wrote wrapper${written.length > 1 ? 's' : ''} ${written.join(', ')} with the signature CPython calls; ${findings.length > 1 ? 'the entries now name them' : 'the entry now names it'}`,
    at: { file: first.file, range: first.ref.nameRange, note: 'the entry' },
  };
}

function wrapperDefinition(name: string, def: Located<FunctionFact>, expectation: Expectation, options: WrapperOptions): Edit {
  const spec = expectation.signature;
  const roles = spec.params.map((p, i) => expectation.addedNames[i] ?? p.role);
  const used = def.paramList.params.length;
  const params = spec.params.map((p, i) =>
    spellParam(p.ctype, i < used ? roles[i] : options.unusedParam.replaceAll('{name}', roles[i])),
  );
  const call = `${def.name}(${callArguments(def, spec.params, roles).join(', ')})`;
  const text = options.textOf(expectation.file);
  const at = insertionPoint(options, expectation);
  const eol = eolAt(text, at);
  const indent = '    ';
  const lines = [
    `/* ${expectation.what} wrapper: CPython calls it ${expectation.call}. */`,
    `static ${spec.result.ctype}`,
    `${name}(${params.join(', ')})`,
    '{',
    ...wrapperBody(def, expectation, call).map((line) => indent + line),
    '}',
    '',
    '',
  ];
  return { file: expectation.file, range: { start: at, end: at }, text: lines.join(eol) };
}

function entryEdit(wrapper: string, expectation: Expectation, options: WrapperOptions): Edit {
  const text = options.textOf(expectation.file);
  const { valueRange, ref } = expectation;
  const value = text.slice(valueRange.start, ref.nameRange.start) + wrapper + text.slice(ref.nameRange.end, valueRange.end);
  const spec = expectation.signature;
  const template = castTemplate(expectation, { params: spec.params.map((p) => p.ctype), result: spec.result.ctype }, options.methodCasts);
  return { file: expectation.file, range: valueRange, text: template ? template.replace('{}', value) : value };
}
