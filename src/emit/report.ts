// What `check` found, as plain records with 1-based positions, for the
// machine formats (JSON, SARIF, GitHub annotations). Each formatter picks the
// fields it publishes from these records, so a field added here never changes
// a published shape by accident.

import type { WasmSig } from '../abi/wasm.js';
import type { Finding, Location } from '../check/types.js';
import type { Problem } from '../discover/discover.js';
import type { Range } from '../extract/facts.js';
import type { FixPlan, RefusalReason } from '../fix/plan.js';
import type { LineIndex } from '../source/source-file.js';
import { isFixable, planOfFinding, type Counts } from './plans.js';

export interface Spot {
  /** Path relative to the working directory, with `/`. */
  file: string;
  /** Path relative to the repository root (the directory holding `.git`, else the working directory). */
  repoPath: string;
  /** 1-based. */
  line: number;
  /** 1-based, counted in bytes like compilers do. */
  column: number;
  /** 1-based, counted in UTF-16 code units of the line read as UTF-8 (SARIF's default unit). */
  utf16Column: number;
}

export type FixStatus =
  | { status: 'fixable'; summary: string }
  | { status: 'refused'; reason: RefusalReason; message: string; locations: (Spot & { note: string })[] }
  | { status: 'none' };

export interface FindingRecord {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  function: string | null;
  start: Spot;
  /** Just past the last byte of the finding's range. */
  end: Spot;
  expected: WasmSig | null;
  actual: WasmSig | null;
  table: { struct: string; name: string; field: string } | null;
  definition: Spot | null;
  related: (Spot & { note: string })[];
  fix: FixStatus;
}

export interface Report {
  findings: FindingRecord[];
  problems: Problem[];
  /** What the summaries print (the same counts as the text summary). */
  counts: Counts;
}

/** Spots of offsets; line 1, column 1 for a file whose text is unknown. */
export class SpotFinder {
  constructor(
    private readonly lines: (file: string) => LineIndex | undefined,
    private readonly repoPathOf: (file: string) => string,
  ) {}

  at(file: string, offset: number): Spot {
    const index = this.lines(file);
    const repoPath = this.repoPathOf(file);
    if (!index) return { file, repoPath, line: 1, column: 1, utf16Column: 1 };
    const { line, column } = index.position(offset);
    const lineText = index.text.slice(offset - column + 1, offset);
    return { file, repoPath, line, column, utf16Column: utf16Length(lineText) + 1 };
  }

  range(file: string, range: Range): { start: Spot; end: Spot } {
    return { start: this.at(file, range.start), end: this.at(file, Math.max(range.start, range.end)) };
  }

  located(location: Location): Spot & { note: string } {
    return { ...this.at(location.file, location.range.start), note: location.note };
  }
}

/** Length in UTF-16 units of Latin-1-decoded bytes read as UTF-8; bytes that
 * are not UTF-8 count one each. */
function utf16Length(latin1: string): number {
  if (!/[\x80-\xff]/.test(latin1)) return latin1.length;
  const bytes = Buffer.from(latin1, 'latin1');
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return decoded.includes('\ufffd') ? latin1.length : decoded.length;
}

function fixStatus(plan: FixPlan | undefined, spots: SpotFinder): FixStatus {
  if (plan && isFixable(plan)) return { status: 'fixable', summary: plan.fix.summary };
  if (plan?.refusal) {
    return {
      status: 'refused',
      reason: plan.refusal.reason,
      message: plan.refusal.message,
      locations: plan.refusal.locations.map((l) => spots.located(l)),
    };
  }
  return { status: 'none' };
}

export function buildReport(
  input: { findings: Finding[]; plans: FixPlan[]; problems: Problem[]; counts: Counts },
  spots: SpotFinder,
): Report {
  const planOf = planOfFinding(input.plans);
  const findings = input.findings.map((finding): FindingRecord => {
    const { start, end } = spots.range(finding.file, finding.range);
    const e = finding.expectation;
    return {
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      function: finding.func || null,
      start,
      end,
      expected: finding.expected ?? null,
      actual: finding.actual ?? null,
      table: e ? { struct: e.table.struct, name: e.table.name, field: e.field } : null,
      definition: finding.definition ? spots.at(finding.definition.file, finding.definition.nameRange.start) : null,
      related: finding.related.map((l) => spots.located(l)),
      fix: fixStatus(planOf.get(finding), spots),
    };
  });
  return { findings, problems: input.problems, counts: input.counts };
}
