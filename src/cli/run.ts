// check, fix and diff: run the pipeline and print what it found and did.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RULES } from '../../rules/index.js';
import type { Config } from '../config/config.js';
import type { Problem } from '../discover/discover.js';
import { projectDiff } from '../emit/diff.js';
import {
  checkSummary, countFindings, findingLine, fixedLine, fixSummary, Positions, problemLine, refusalLines,
} from '../emit/text.js';
import { writeFixed } from '../emit/write.js';
import { analyze, applyFixes, type Analysis } from '../pipeline.js';
import type { Io } from './main.js';

export interface RunArgs {
  paths?: string[];
  quiet?: boolean;
  output?: string;
}

function selectedRules(config: Config) {
  return RULES.filter((r) => (!config.select || config.select.includes(r.id)) && !config.ignore.includes(r.id));
}

async function analyzeFor(args: RunArgs, config: Config, io: Io): Promise<Analysis> {
  return analyze({
    paths: args.paths?.length ? args.paths : ['.'],
    cwd: io.cwd,
    include: config.include,
    exclude: config.exclude,
    rules: selectedRules(config),
    unusedParam: config.unusedParam,
    strategy: config.strategy,
  });
}

function positionsOf(analysis: Analysis): Positions {
  return new Positions((file) => analysis.sources.get(file)?.text);
}

/** Print problems; the exit code they call for on their own. */
function reportProblems(problems: Problem[], analysis: Analysis, io: Io): number {
  for (const problem of problems) io.stderr.write(problemLine(problem) + '\n');
  if (problems.some((p) => p.usage)) return 2;
  if (analysis.sources.size === 0 && !problems.some((p) => p.severity === 'note')) {
    io.stderr.write('fpcast: error: no C source files to analyze; pass files or directories that contain .c/.h files\n');
    return 2;
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

export async function runCheck(args: RunArgs, config: Config, io: Io): Promise<number> {
  const analysis = await analyzeFor(args, config, io);
  const problemsExit = reportProblems(analysis.problems, analysis, io);
  const positions = positionsOf(analysis);
  for (const finding of analysis.findings) io.stdout.write(findingLine(finding, positions) + '\n');
  if (!args.quiet) io.stdout.write(checkSummary(countFindings(analysis.findings, analysis.plans, analysis.sources.size)) + '\n');
  if (problemsExit === 2) return 2;
  return analysis.findings.length || problemsExit ? 1 : 0;
}

export async function runFix(args: RunArgs, config: Config, io: Io): Promise<number> {
  const analysis = await analyzeFor(args, config, io);
  let problemsExit = reportProblems(analysis.problems, analysis, io);
  const fixed = applyFixes(analysis);
  const positions = positionsOf(analysis);
  const written = new Set<string>();
  for (const [file, { source, after }] of fixed) {
    const outcome = await writeFixed(source, after);
    if (outcome.ok) written.add(file);
    else {
      io.stderr.write(`${file}: error: ${outcome.message}\n`);
      problemsExit = Math.max(problemsExit, 1);
    }
  }
  let unfixed = analysis.findings.length;
  for (const plan of analysis.plans) {
    if (plan.fix && plan.fix.edits.every((e) => written.has(e.file)) && plan.fix.edits.length) {
      io.stdout.write(fixedLine(plan, positions) + '\n');
      unfixed -= plan.findings.length;
    } else if (plan.refusal) {
      io.stdout.write(refusalLines(plan, positions).join('\n') + '\n');
    }
  }
  for (const finding of analysis.findings) {
    if (!finding.expectation) io.stdout.write(findingLine(finding, positions) + '\n');
  }
  if (!args.quiet) io.stdout.write(fixSummary(countFindings(analysis.findings, analysis.plans, analysis.sources.size), written.size, 'fixed') + '\n');
  if (problemsExit === 2) return 2;
  return unfixed > 0 || problemsExit ? 1 : 0;
}

export async function runDiff(args: RunArgs, config: Config, io: Io): Promise<number> {
  const analysis = await analyzeFor(args, config, io);
  const problemsExit = reportProblems(analysis.problems, analysis, io);
  const fixed = applyFixes(analysis);
  const positions = positionsOf(analysis);
  const patch = projectDiff([...fixed.entries()].map(([file, f]) => ({ path: file, before: f.before, after: f.after })));
  if (args.output) {
    await fs.writeFile(path.resolve(io.cwd, args.output), Buffer.from(patch, 'latin1'));
  } else {
    io.stdout.write(patch);
  }
  let unfixed = analysis.findings.length;
  for (const plan of analysis.plans) {
    if (plan.fix && plan.fix.edits.length) unfixed -= plan.findings.length;
    else if (plan.refusal) io.stderr.write(refusalLines(plan, positions).join('\n') + '\n');
  }
  for (const finding of analysis.findings) {
    if (!finding.expectation) io.stderr.write(findingLine(finding, positions) + '\n');
  }
  if (!args.quiet) io.stderr.write(fixSummary(countFindings(analysis.findings, analysis.plans, analysis.sources.size), fixed.size, 'would fix') + '\n');
  if (problemsExit === 2) return 2;
  return unfixed > 0 || problemsExit ? 1 : 0;
}
