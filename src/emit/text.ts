// Human-readable output: one line per finding like a compiler
// (`path:line:col: severity: message [rule]`), notes under refusals, and a
// summary line.

import type { Finding, Location } from '../check/types.js';
import { PLAIN, type Paint } from './color.js';
import type { Problem } from '../discover/discover.js';
import type { FixPlan } from '../fix/plan.js';
import type { Range } from '../extract/facts.js';
import type { LineIndex } from '../source/source-file.js';
import type { Counts } from './plans.js';

/** `file:line:col` of offsets; just `file` for a file whose text is unknown. */
export class Positions {
  constructor(private readonly lines: (file: string) => LineIndex | undefined) {}

  at(file: string, offset: number): string {
    const index = this.lines(file);
    if (!index) return file;
    const { line, column } = index.position(offset);
    return `${file}:${line}:${column}`;
  }

  range(file: string, range: Range): string {
    return this.at(file, range.start);
  }
}

export function problemLine(problem: Problem, paint: Paint = PLAIN): string {
  const where = problem.file ? paint.location(`${problem.file}${problem.line ? `:${problem.line}:${problem.column ?? 1}` : ''}:`) + ' ' : '';
  return `${where}${paint[problem.severity](`${problem.severity}:`)} ${problem.message}`;
}

export function findingLine(finding: Finding, positions: Positions, paint: Paint = PLAIN): string {
  return `${paint.location(`${positions.range(finding.file, finding.range)}:`)} ${paint[finding.severity](`${finding.severity}:`)} ${finding.message} ${paint.rule(`[${finding.rule}]`)}`;
}

function noteLines(locations: Location[], positions: Positions, paint: Paint): string[] {
  return locations.map((l) => `  ${paint.location(`${positions.range(l.file, l.range)}:`)} ${paint.note('note:')} ${l.note}`);
}

const rulesOf = (plan: FixPlan) => [...new Set(plan.findings.map((f) => f.rule))].join(',');

export function fixedLine(plan: FixPlan, positions: Positions, paint: Paint = PLAIN): string {
  const at = plan.fix!.at ?? plan.definition;
  return `${paint.location(`${positions.range(at.file, at.range)}:`)} ${paint.fixed('fixed')} '${plan.func}': ${plan.fix!.summary} ${paint.rule(`[${rulesOf(plan)}]`)}`;
}

export function refusalLines(plan: FixPlan, positions: Positions, paint: Paint = PLAIN): string[] {
  const refusal = plan.refusal!;
  const first = plan.findings[0];
  return [
    `${paint.location(`${positions.range(first.file, first.range)}:`)} ${paint.error('error:')} cannot fix '${plan.func}' (${refusal.reason}): ${refusal.message} ${paint.rule(`[${rulesOf(plan)}]`)}`,
    ...noteLines(refusal.locations, positions, paint),
  ];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the one-line summary adds when there is more to say: silenced
 * findings, and the count per rule once more than one rule found something
 * (with one rule, every line already names it). */
function summaryTail(c: Counts): string {
  const rules = Object.entries(c.byRule).sort(([a], [b]) => (a < b ? -1 : 1));
  const suppressed = c.suppressed ? `, ${c.suppressed} suppressed` : '';
  const byRule = rules.length > 1 ? `; by rule: ${rules.map(([id, n]) => `${id} ${n}`).join(', ')}` : '';
  return suppressed + byRule;
}

export function checkSummary(c: Counts): string {
  return `fpcast: ${plural(c.files, 'file')} scanned, ${plural(c.findings, 'finding')} (${c.fixable} fixable, ${c.refused} refused)${summaryTail(c)}`;
}

export type FixVerb = 'fixed' | 'would fix';

/** `fixed`: the findings whose fix was written (fix) or is in the diff (diff),
 * and the files changed; the rest are refused or left. */
export function fixSummary(c: Counts, fixed: { findings: number; files: number }, verb: FixVerb): string {
  const left = c.findings - fixed.findings - c.refused;
  return `fpcast: ${plural(c.files, 'file')} scanned, ${plural(c.findings, 'finding')}: ${fixed.findings} ${verb} in ${plural(fixed.files, 'file')}, ${c.refused} refused${left ? `, ${left} left` : ''}${summaryTail(c)}`;
}
