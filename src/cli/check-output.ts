// `check --format text|json|sarif|github`: the same findings, problems and
// exit code in each format; only the rendering differs.

import type { Finding, RuleDoc } from '../check/types.js';
import type { Paint } from '../emit/color.js';
import { findingAnnotation, problemAnnotation } from '../emit/github.js';
import { renderJson } from '../emit/json.js';
import { buildReport, SpotFinder, type Report } from '../emit/report.js';
import { renderSarif } from '../emit/sarif.js';
import { countFindings, type Counts } from '../emit/plans.js';
import { checkSummary, findingLine, Positions } from '../emit/text.js';
import type { Analysis } from '../pipeline.js';
import type { Io } from './main.js';
import { PACKAGE } from './package-info.js';

export type Format = 'text' | 'json' | 'sarif' | 'github';

export const FORMATS: Format[] = ['text', 'json', 'sarif', 'github'];

export interface CheckOutput {
  analysis: Analysis;
  /** Findings after the rules' own: unused suppressions. */
  findings: Finding[];
  rules: RuleDoc[];
  quiet: boolean;
  paint: Paint;
  repoRoot: string;
  repoPathOf(file: string): string;
}

export const positionsOf = (analysis: Analysis): Positions => new Positions(analysis.lines);

/** The summary's counts of `findings` (default: the rules' findings). */
export function countsOf(analysis: Analysis, findings: Finding[] = analysis.findings): Counts {
  return countFindings(findings, analysis.plans, analysis.sources.size, analysis.suppression.suppressed.length);
}

function report(out: CheckOutput): Report {
  const { analysis } = out;
  const spots = new SpotFinder(analysis.lines, out.repoPathOf);
  return buildReport({ findings: out.findings, plans: analysis.plans, problems: analysis.problems, counts: countsOf(analysis, out.findings) }, spots);
}

const tool = { name: PACKAGE.name, version: PACKAGE.version };

const summaryOf = (out: CheckOutput) => checkSummary(countsOf(out.analysis, out.findings));

const RENDER: Record<Format, (out: CheckOutput) => string> = {
  text(out) {
    const positions = positionsOf(out.analysis);
    const lines = out.findings.map((f) => findingLine(f, positions, out.paint));
    if (!out.quiet) lines.push(summaryOf(out));
    return lines.map((l) => l + '\n').join('');
  },
  json: (out) => renderJson(report(out), tool),
  sarif: (out) =>
    renderSarif(report(out), {
      tool: { ...tool, informationUri: PACKAGE.homepage },
      rules: out.rules,
      repoRoot: out.repoRoot,
      repoPathOf: out.repoPathOf,
    }),
  github(out) {
    const r = report(out);
    const lines = [...r.problems.map((p) => problemAnnotation(p, out.repoPathOf)), ...r.findings.map(findingAnnotation)];
    if (!out.quiet) lines.push(checkSummary(r.counts));
    return lines.map((l) => l + '\n').join('');
  },
};

export function printCheck(format: Format, out: CheckOutput, io: Io): void {
  io.stdout.write(RENDER[format](out));
}
