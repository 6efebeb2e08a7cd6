// Findings → one FixPlan per function: the exact byte edits that make its
// definition match what CPython calls it with (plus same-file prototypes,
// calls and entry casts), or a Refusal saying why not and where.
// Expected situations are values here, never exceptions.

import { TYPEDEFS, fieldTypedefOf } from '../abi/cpython.js';
import type { WasmSig } from '../abi/wasm.js';
import { compareSig, expectedSig, wasmSigOf } from '../check/signature.js';
import type { CheckResult } from '../check/check.js';
import type { Expectation, Finding, Location } from '../check/types.js';
import type { FunctionFact, Range } from '../extract/facts.js';
import { resolveDefinitions, type Located, type ProjectIndex } from '../index/link.js';
import type { Strategy } from '../config/config.js';
import { castTemplate, keepCommentColumn, MethodCasts } from './casts.js';
import { touches, type Edit } from './edits.js';
import { refuse, Refused, type Refusal } from './refusal.js';
import { wrapperEdits } from './wrapper.js';
import { appendArgs, removeArgs, type TextEdit } from './layout.js';
import { signatureChange, type SignatureChange } from './signature-edits.js';
import { pushTo } from '../multimap.js';

export type { Refusal, RefusalReason } from './refusal.js';

export interface FixPlan {
  func: string;
  /** Where the function is defined (the first definition, for reports). */
  definition: Location;
  findings: Finding[];
  /** `at`: where the change is, when it is not at the definition (a wrapper). */
  fix?: { edits: Edit[]; summary: string; at?: Location };
  refusal?: Refusal;
}

export interface PlanOptions {
  unusedParam: string;
  strategy: Strategy;
}

const sameSig = (a: WasmSig, b: WasmSig) => compareSig(a, b).length === 0;

/** The definitions a finding's entry resolves to; findings that resolve to
 * the same set are fixed together (e.g. twin definitions under #ifdef). */
function resolutionOf(index: ProjectIndex, finding: Finding): Located<FunctionFact>[] {
  return resolveDefinitions(index, finding.func, finding.expectation!.file);
}

const idOf = (def: Located<FunctionFact>) => `${def.file}:${def.range.start}`;

export function plan(result: CheckResult, index: ProjectIndex, textOf: (file: string) => string, options: PlanOptions): FixPlan[] {
  const groups = new Map<string, { defs: Located<FunctionFact>[]; findings: Finding[] }>();
  for (const finding of result.findings) {
    if (!finding.definition || !finding.expectation) continue;
    const defs = resolutionOf(index, finding);
    const key = `${finding.func}\0${defs.map(idOf).sort().join('|')}`;
    const group = groups.get(key) ?? { defs, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  const planner = new Planner(result, index, textOf, options);
  const refusedByRule: FixPlan[] = result.findings
    .filter((f) => f.refusal)
    .map((f) => ({ func: f.func, definition: f.related[0] ?? { file: f.file, range: f.range, note: '' }, findings: [f], refusal: f.refusal }));
  return [...[...groups.values()].map(({ defs, findings }) => planner.planGroup(defs, findings)), ...refusedByRule];
}

/** The names the project uses, asked one at a time (the prefilter parses the
 * files that spell a name asked for; listing every name would need them all). */
class ProjectNames extends Set<string> {
  constructor(private readonly index: ProjectIndex) {
    super();
  }

  override has(name: string): boolean {
    const { functions, prototypes, macros, uses, calls } = this.index;
    return super.has(name) || functions.has(name) || prototypes.has(name) || macros.has(name) || uses.has(name) || calls.has(name);
  }
}

/** Refusals a wrapper next to the table resolves: the function itself stays as it is. */
const WRAPPABLE = new Set(['multi-file', 'conflict', 'macro']);

class Planner {
  /** Every name in the project, so that wrappers get fresh ones. */
  readonly taken: Set<string>;
  /** Where the macros that table entries come from are defined (worked out once). */
  private macroEntries: Set<string> | undefined;
  /** The table slots that name each function, in check order. */
  private readonly slotsByName = new Map<string, Expectation[]>();
  /** The entries no rule could judge, by the function they name. */
  private readonly unjudgedByName = new Map<string, CheckResult['unjudged']>();
  private readonly methodCasts: MethodCasts;

  constructor(
    private readonly result: CheckResult,
    private readonly index: ProjectIndex,
    private readonly textOf: (file: string) => string,
    private readonly options: PlanOptions,
  ) {
    this.taken = new ProjectNames(index);
    for (const e of result.expectations) pushTo(this.slotsByName, e.ref.name, e);
    for (const entry of result.unjudged) pushTo(this.unjudgedByName, entry.func, entry);
    this.methodCasts = new MethodCasts(result.expectations);
  }

  planGroup(defs: Located<FunctionFact>[], findings: Finding[]): FixPlan {
    const first = findings[0].definition!;
    const plan: FixPlan = {
      func: first.name,
      definition: { file: first.file, range: first.nameRange, note: `'${first.name}' is defined here` },
      findings,
    };
    try {
      plan.fix = this.fix(defs, findings);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      plan.refusal = error.refusal;
    }
    if (plan.refusal && this.options.strategy === 'wrapper' && WRAPPABLE.has(plan.refusal.reason)) {
      try {
        plan.fix = wrapperEdits(findings, {
          index: this.index, textOf: this.textOf, unusedParam: this.options.unusedParam,
          methodCasts: this.methodCasts, taken: this.taken,
        });
        this.refuseOnParseErrors(plan.func, plan.fix.edits);
        delete plan.refusal;
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        delete plan.fix;
        plan.refusal = error.refusal;
      }
    }
    return plan;
  }

  private fix(defs: Located<FunctionFact>[], findings: Finding[]): { edits: Edit[]; summary: string } {
    const name = findings[0].func;
    const visible = (file: string) => resolveDefinitions(this.index, name, file).some((d) => defs.includes(d));
    const target = findings[0].expectation!;
    const targetSig = expectedSig(target.signature);

    const slots = this.slotsOf(name, visible);
    this.refuseOnMacroUses(name, defs, visible);
    this.refuseOnConflicts(name, target, targetSig, slots, visible);

    // The definitions that must change, and the change for each.
    const changing = defs.filter((d) => !sameSig(wasmSigOf(d), targetSig));
    const defEdits: Edit[] = [];
    let change: SignatureChange | undefined;
    for (const def of changing) {
      if (def.paramList.hasError) {
        refuse('parse-error', `the parameter list of '${name}' does not parse`, [location(def, def.paramList.range, 'tree-sitter cannot parse this parameter list')]);
      }
      const result = signatureChange(def, target.signature, this.textOf(def.file), { unusedParam: this.options.unusedParam, addedNames: target.addedNames });
      if ('manual' in result) refuse('manual', result.manual, [location(def, def.nameRange, `'${name}' is defined here`)]);
      if (change && change.added.length !== result.added.length) {
        refuse('conflict', `the definitions of '${name}' differ; fpcast cannot change them alike`, changing.map((d) => location(d, d.nameRange, 'defined here')));
      }
      change = result;
      defEdits.push(...result.edits.map((e) => ({ file: def.file, ...e })));
    }
    if (!change) return { edits: [], summary: 'already matches' };
    const paramDelta = change.added.length - change.removed.length;
    if (paramDelta !== 0 && changing.length !== defs.length) {
      const other = defs.find((d) => !changing.includes(d))!;
      refuse('conflict', `another definition of '${name}' already takes the expected parameters; calls cannot match both`, [location(other, other.nameRange, 'the other definition')]);
    }
    const home = changing[0].file;
    const edits = [...defEdits];
    const elsewhere: Location[] = [];

    // Prototypes.
    let prototypes = 0;
    for (const proto of this.index.prototypes.get(name) ?? []) {
      if (!visible(proto.file)) continue;
      // Its parameters cannot be known (an #ifdef among them; or a statement
      // macro before a call, which reads as a declaration): leaving it as it
      // is could leave a declaration or a call that no longer compiles.
      if (proto.paramList.hasError) {
        refuse('parse-error', `a declaration (or a call) of '${name}' does not parse, so fpcast cannot tell how to change it`, [location(proto, proto.paramList.range, 'tree-sitter cannot parse this parameter list')]);
      }
      if (sameSig(wasmSigOf(proto), targetSig)) continue;
      if (proto.file !== home) {
        elsewhere.push(location(proto, proto.range, `'${name}' is declared here`));
        continue;
      }
      const result = signatureChange(proto, target.signature, this.textOf(proto.file), { unusedParam: this.options.unusedParam, addedNames: target.addedNames });
      if ('manual' in result) refuse('manual', `prototype: ${result.manual}`, [location(proto, proto.range, 'declared here')]);
      edits.push(...result.edits.map((e) => ({ file: proto.file, ...e })));
      prototypes++;
    }

    // Direct calls.
    let calls = 0;
    const oldCount = changing[0].paramList.params.length;
    for (const call of this.index.calls.get(name) ?? []) {
      if (!visible(call.file) || paramDelta === 0) continue;
      if (call.file !== home) {
        elsewhere.push(location(call, call.nameRange, `'${name}' is called here`));
        continue;
      }
      if (call.args.length !== oldCount) {
        refuse('manual', `a call passes ${call.args.length} arguments to '${name}', which takes ${oldCount}`, [location(call, call.nameRange, 'called here')]);
      }
      const edit: TextEdit[] | string =
        paramDelta > 0 ? appendArgs(call, Array(paramDelta).fill('NULL')) : removeArgs(call, target.signature.params.length);
      if (typeof edit === 'string') refuse('manual', `cannot drop an argument of a call to '${name}': ${edit}`, [location(call, call.nameRange, 'called here')]);
      edits.push(...edit.map((e) => ({ file: call.file, ...e })));
      calls++;
    }

    // Casts on entries whose field type the new signature no longer matches.
    let casts = 0;
    for (const expectation of slots) {
      const edit = this.castEdit(expectation, change);
      if (!edit) continue;
      if (expectation.viaMacro) {
        refuse('macro', `the entry for '${name}' comes from a macro and needs a cast fpcast cannot write there`, [expectation.viaMacro]);
      }
      if (expectation.file !== home) {
        elsewhere.push({ file: expectation.file, range: expectation.valueRange, note: `the entry needs a cast here` });
        continue;
      }
      edits.push(edit);
      casts++;
    }

    if (elsewhere.length) {
      refuse('multi-file', `fixing '${name}' would also change ${elsewhere.length === 1 ? 'another file' : `${new Set(elsewhere.map((l) => l.file)).size} other files`}; fpcast changes one file per function (--strategy wrapper fixes it at the table instead)`, [
        location(changing[0], changing[0].nameRange, `'${name}' is defined here`),
        ...elsewhere,
      ]);
    }
    this.refuseOnParseErrors(name, edits);
    return { edits, summary: summarize(change, prototypes, calls, casts) + (changing.length > 1 ? ` in ${changing.length} definitions` : '') };
  }

  /** Every table slot that names this function (matching or not). */
  private slotsOf(name: string, visible: (file: string) => boolean): Expectation[] {
    return (this.slotsByName.get(name) ?? []).filter((e) => visible(e.file));
  }

  private refuseOnConflicts(name: string, target: Expectation, targetSig: WasmSig, slots: Expectation[], visible: (file: string) => boolean): void {
    const conflicts: Location[] = [];
    for (const other of slots) {
      if (!sameSig(expectedSig(other.signature), targetSig)) {
        conflicts.push({ file: other.file, range: other.ref.nameRange, note: `also used as ${other.what} here, called ${other.call}` });
      }
    }
    for (const use of this.index.uses.get(name) ?? []) {
      if (!visible(use.file)) continue;
      const typedef = use.field ? fieldTypedefOf(use.field) : undefined;
      if (typedef && sameSig(expectedSig(TYPEDEFS[typedef]), targetSig)) continue;
      const how = typedef ? `stored in '${use.field}' (${typedef})` : `used as a value (${use.context}) whose expected type fpcast cannot know`;
      conflicts.push({ file: use.file, range: use.range, note: `'${name}' is ${how}` });
    }
    for (const entry of this.unjudgedByName.get(name) ?? []) {
      if (visible(entry.file)) {
        conflicts.push({ file: entry.file, range: entry.range, note: `also named by an entry fpcast could not judge (see its warning)` });
      }
    }
    if (conflicts.length) {
      refuse('conflict', `'${name}' has other uses that expect another signature; changing it for ${target.what} would break them`, [
        { file: target.file, range: target.ref.nameRange, note: `used as ${target.what} here, called ${target.call}` },
        ...conflicts,
      ]);
    }
  }

  private refuseOnMacroUses(name: string, defs: Located<FunctionFact>[], visible: (file: string) => boolean): void {
    const refs = (this.index.macroRefs.get(name) ?? []).filter((r) => visible(r.file) || defs.some((d) => !d.isStatic));
    if (!refs.length) return;
    this.macroEntries ??= new Set(this.result.expectations.filter((e) => e.viaMacro).map((e) => `${e.viaMacro!.file}:${e.viaMacro!.range.start}`));
    const fromEntries = this.macroEntries;
    const blocking = refs.filter((r) => !fromEntries.has(`${r.file}:${macroStartOf(this.index, r)}`));
    if (blocking.length) {
      refuse('macro', `'${name}' is named inside a macro body; fpcast does not edit macros`, blocking.map((r) => ({ file: r.file, range: r.range, note: `inside macro '${r.macro}'` })));
    }
  }

  private refuseOnParseErrors(name: string, edits: Edit[]): void {
    for (const edit of edits) {
      const error = this.index.files.get(edit.file)?.parseErrors.find((e) => touches(edit.range, e));
      if (error) refuse('parse-error', `the code around '${name}' does not parse, so fpcast will not edit it`, [{ file: edit.file, range: error, note: 'could not parse this region' }]);
    }
  }

  private castEdit(expectation: Expectation, change: SignatureChange): Edit | undefined {
    const template = castTemplate(expectation, change.newCTypes, this.methodCasts);
    if (!template) return undefined;
    const text = this.textOf(expectation.file);
    const value = text.slice(expectation.valueRange.start, expectation.valueRange.end);
    return keepCommentColumn(text, { file: expectation.file, range: expectation.valueRange, text: template.replace('{}', value) });
  }
}

function macroStartOf(index: ProjectIndex, ref: { file: string; macro: string; range: Range }): number {
  const macro = index.files.get(ref.file)?.macros.find((m) => m.name === ref.macro && m.bodyRange.start <= ref.range.start && ref.range.end <= m.bodyRange.end);
  return macro ? macro.range.start : -1;
}

function location(at: { file: string }, range: Range, note: string): Location {
  return { file: at.file, range, note };
}

function summarize(change: SignatureChange, prototypes: number, calls: number, casts: number): string {
  const parts: string[] = [];
  if (change.added.length) parts.push(`added ${change.added.join(', ')}`);
  if (change.removed.length) parts.push(`removed unused ${change.removed.map((r) => `'${r}'`).join(', ')}`);
  if (change.newResult) parts.push(`now returns ${change.newResult}`);
  const also: string[] = [];
  if (prototypes) also.push(`${prototypes} prototype${prototypes > 1 ? 's' : ''}`);
  if (calls) also.push(`${calls} call${calls > 1 ? 's' : ''}`);
  if (casts) also.push(`${casts} entry cast${casts > 1 ? 's' : ''}`);
  return parts.join('; ') + (also.length ? ` (and ${also.join(', ')})` : '');
}
