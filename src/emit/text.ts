// Human-readable output: one line per finding like a compiler
// (`path:line:col: severity: message [rule]`), notes under refusals, and a
// summary line.

import type { Finding, Location } from '../check/types.js';
import type { Problem } from '../discover/discover.js';
import type { FixPlan } from '../fix/plan.js';
import type { Range } from '../extract/facts.js';
import { LineIndex } from '../source/source-file.js';

export class Positions {
  private readonly indexes = new Map<string, LineIndex>();
  constructor(private readonly textOf: (file: string) => string | undefined) {}

  at(file: string, offset: number): string {
    let index = this.indexes.get(file);
    if (!index) {
      const text = this.textOf(file);
      if (text === undefined) return file;
      index = new LineIndex(text);
      this.indexes.set(file, index);
    }
    const { line, column } = index.position(offset);
    return `${file}:${line}:${column}`;
  }

  range(file: string, range: Range): string {
    return this.at(file, range.start);
  }
}

export function problemLine(problem: Problem): string {
  const where = problem.file ? `${problem.file}${problem.line ? `:${problem.line}:${problem.column ?? 1}` : ''}: ` : '';
  return `${where}${problem.severity}: ${problem.message}`;
}

export function findingLine(finding: Finding, positions: Positions): string {
  return `${positions.range(finding.file, finding.range)}: ${finding.severity}: ${finding.message} [${finding.rule}]`;
}

function noteLines(locations: Location[], positions: Positions): string[] {
  return locations.map((l) => `  ${positions.range(l.file, l.range)}: note: ${l.note}`);
}

const rulesOf = (plan: FixPlan) => [...new Set(plan.findings.map((f) => f.rule))].join(',');

export function fixedLine(plan: FixPlan, positions: Positions): string {
  const at = plan.fix!.at ?? plan.definition;
  return `${positions.range(at.file, at.range)}: fixed '${plan.func}': ${plan.fix!.summary} [${rulesOf(plan)}]`;
}

export function refusalLines(plan: FixPlan, positions: Positions): string[] {
  const refusal = plan.refusal!;
  const first = plan.findings[0];
  return [
    `${positions.range(first.file, first.range)}: error: cannot fix '${plan.func}' (${refusal.reason}): ${refusal.message} [${rulesOf(plan)}]`,
    ...noteLines(refusal.locations, positions),
  ];
}

export interface Counts {
  files: number;
  findings: number;
  fixable: number;
  refused: number;
}

export function countFindings(findings: Finding[], plans: FixPlan[], files: number): Counts {
  let fixable = 0;
  let refused = 0;
  for (const plan of plans) {
    if (plan.fix) fixable += plan.findings.length;
    else if (plan.refusal) refused += plan.findings.length;
  }
  return { files, findings: findings.length, fixable, refused };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function checkSummary(c: Counts): string {
  return `fpcast: ${plural(c.files, 'file')} scanned, ${plural(c.findings, 'finding')} (${c.fixable} fixable, ${c.refused} refused)`;
}

export function fixSummary(c: Counts, changedFiles: number, verb: 'fixed' | 'would fix'): string {
  const left = c.findings - c.fixable - c.refused;
  return `fpcast: ${plural(c.files, 'file')} scanned, ${plural(c.findings, 'finding')}: ${c.fixable} ${verb} in ${plural(changedFiles, 'file')}, ${c.refused} refused${left ? `, ${left} left` : ''}`;
}
