// What the emitters and commands ask of fix plans: whether a plan fixes
// something, whether its fix made it into a result, and the counts the
// summaries print. One definition of "fixable" for every output.

import type { Finding } from '../check/types.js';
import type { FixPlan } from '../fix/plan.js';

export type FixablePlan = FixPlan & { fix: NonNullable<FixPlan['fix']> };

/** A plan whose fix changes something. A plan can carry a fix without edits
 * (its definitions 'already match'): nothing to write, so nothing fixed. */
export function isFixable(plan: FixPlan): plan is FixablePlan {
  return plan.fix !== undefined && plan.fix.edits.length > 0;
}

/** A fixable plan every file of whose fix is among `files` (the files written,
 * or the files in the diff). */
export function isAppliedIn(plan: FixPlan, files: { has(file: string): boolean }): plan is FixablePlan {
  return isFixable(plan) && plan.fix.edits.every((e) => files.has(e.file));
}

/** The plan each finding belongs to. */
export function planOfFinding(plans: FixPlan[]): Map<Finding, FixPlan> {
  const planOf = new Map<Finding, FixPlan>();
  for (const plan of plans) for (const finding of plan.findings) planOf.set(finding, plan);
  return planOf;
}

export interface Counts {
  files: number;
  findings: number;
  fixable: number;
  refused: number;
  /** Findings per rule id, in the order the findings come. */
  byRule: Record<string, number>;
  /** Findings an `fpcast: ignore` comment silenced. */
  suppressed: number;
}

/** Counted per finding reported (a plan may also hold findings outside the
 * report, under --root), so fixable + refused never exceed findings. */
export function countFindings(findings: Finding[], plans: FixPlan[], files: number, suppressed = 0): Counts {
  const planOf = planOfFinding(plans);
  let fixable = 0;
  let refused = 0;
  const byRule: Record<string, number> = {};
  for (const finding of findings) {
    const plan = planOf.get(finding);
    if (plan && isFixable(plan)) fixable++;
    else if (plan?.refusal) refused++;
    byRule[finding.rule] = (byRule[finding.rule] ?? 0) + 1;
  }
  return { files, findings: findings.length, fixable, refused, byRule, suppressed };
}
