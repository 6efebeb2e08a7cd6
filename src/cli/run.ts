// check, fix and diff: run the pipeline and print what it found and did.

import path from 'node:path';
import { RULES, selectedRules } from '../../rules/index.js';
import type { Config } from '../config/config.js';
import type { Finding, Rule } from '../check/types.js';
import type { Problem } from '../discover/discover.js';
import type { FixPlan } from '../fix/plan.js';
import { projectDiff } from '../emit/diff.js';
import { isAppliedIn, planOfFinding, type FixablePlan } from '../emit/plans.js';
import { findingLine, fixedLine, fixSummary, problemLine, refusalLines, type FixVerb } from '../emit/text.js';
import { InterruptGuard, interruptedLines } from '../emit/interrupt.js';
import { outputPathProblem, writeFixed, writeOutput, type WriteOutcome } from '../emit/write.js';
import { analyze, applyFixes, type Analysis, type FixedFile } from '../pipeline.js';
import { unusedSuppressionFindings, unusedSuppressions } from '../check/suppress.js';
import { colorEnabled, painter, type ColorMode, type Paint } from '../emit/color.js';
import { mboxPatch } from '../emit/patch.js';
import { ProgressLine } from '../emit/progress.js';
import { repositoryRoot } from '../source/paths.js';
import { textToBytes } from '../source/source-file.js';
import { countsOf, positionsOf, printCheck, type Format } from './check-output.js';
import type { Io } from './main.js';
import { PACKAGE } from './package-info.js';
import { focusAnalysis, gitAuthor, parseAuthor, repoPathFunction, resolveScope } from './scope.js';

export interface RunArgs {
  paths?: string[];
  quiet?: boolean;
  output?: string;
  /** Analyze the whole tree under this directory, report only `paths` (pre-commit). */
  root?: string;
  format?: Format;
  color?: ColorMode;
  reportUnusedIgnores?: boolean;
  /** `fix`: exit 1 when a file was changed (pre-commit's fix hook). */
  exitNonZeroOnFix?: boolean;
  /** `diff`: write a `git am`-able mbox patch here. */
  patchFile?: string;
  author?: string;
  maxFileSize?: number;
  /** Parsing threads (--jobs). */
  jobs?: number;
  /** false: parse every file (--no-prefilter). */
  prefilter?: boolean;
}

/** The analysis of what the command line names; with --root, narrowed to the focus. */
type ScopedAnalysis = Analysis & { inFocus?: (file: string) => boolean };

async function analyzeFor(args: RunArgs, config: Config, rules: Rule[], io: Io): Promise<ScopedAnalysis> {
  const scope = resolveScope(args.paths ?? [], args.root, config.include, io.cwd);
  const progress = new ProgressLine(io.stderr, ProgressLine.allowed(io.stderr, !!args.quiet));
  try {
    const analysis = await analyze({
      paths: scope.paths,
      cwd: io.cwd,
      include: scope.include,
      exclude: config.exclude,
      onProgress: (event) => progress.update(event),
      rules,
      unusedParam: config.unusedParam,
      strategy: config.strategy,
      maxFileSize: args.maxFileSize,
      jobs: args.jobs,
      prefilter: args.prefilter,
    });
    return { ...focusAnalysis(analysis, scope.inFocus), inFocus: scope.inFocus };
  } finally {
    progress.clear();
  }
}

/** Colours for a stream, as `--color` and the environment allow. */
function paintFor(args: RunArgs, stream: Io['stdout'], io: Io): Paint {
  return painter(colorEnabled(args.color ?? 'auto', stream, io.env));
}

/** Repository root and repository-relative paths, for SARIF, annotations and patches. */
function repository(args: RunArgs, io: Io): { root: string; pathOf: (file: string) => string } {
  const root = repositoryRoot(args.root ? path.resolve(io.cwd, args.root) : io.cwd);
  return { root, pathOf: repoPathFunction(io.cwd, root) };
}

/** Print problems; the exit code they call for on their own. */
function reportProblems(problems: Problem[], analysis: Analysis, io: Io, paint?: Paint, quiet = false): number {
  // --quiet (hooks) keeps errors and warnings; notes are for interactive runs.
  for (const problem of problems) if (!quiet || problem.severity !== 'note') io.stderr.write(problemLine(problem, paint) + '\n');
  if (problems.some((p) => p.usage)) {
    // A bad invocation does nothing: a mistyped path must not leave a half-done fix.
    io.stderr.write('fpcast: error: nothing was done; correct the command line (see above) and run again\n');
    return 2;
  }
  if (analysis.sources.size === 0 && !problems.some((p) => p.severity === 'note')) {
    io.stderr.write('fpcast: error: no C source files to analyze; pass files or directories that contain .c/.h files\n');
    return 2;
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

/** With --report-unused-ignores: suppressions that silenced nothing, as warnings. */
function unusedIgnoreFindings(args: RunArgs, rules: Rule[], analysis: Analysis, inFocus?: (file: string) => boolean): Finding[] {
  if (!args.reportUnusedIgnores) return [];
  const ran = rules.map((r) => r.id);
  const known = RULES.map((r) => r.id);
  const unused = unusedSuppressions(analysis.suppression.suppressions, ran, known).filter((s) => !inFocus || inFocus(s.file));
  return unusedSuppressionFindings(unused, known);
}

const byPlace = (a: Finding, b: Finding) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start);

export async function runCheck(args: RunArgs, config: Config, io: Io): Promise<number> {
  const rules = selectedRules(config);
  const analysis = await analyzeFor(args, config, rules, io);
  const problemsExit = reportProblems(analysis.problems, analysis, io, paintFor(args, io.stderr, io), !!args.quiet);
  if (problemsExit === 2) return 2;
  const findings = [...analysis.findings, ...unusedIgnoreFindings(args, rules, analysis, analysis.inFocus)].sort(byPlace);
  const repo = repository(args, io);
  printCheck(args.format ?? 'text', {
    analysis,
    findings,
    rules,
    quiet: !!args.quiet,
    paint: paintFor(args, io.stdout, io),
    repoRoot: repo.root,
    repoPathOf: repo.pathOf,
  }, io);
  return findings.length || problemsExit ? 1 : 0;
}

/** What fix and diff did: `applied` tells a plan whose fix was written (fix)
 * or is in the diff (diff); `files`, the files changed. */
interface FixOutcome {
  verb: FixVerb;
  applied(plan: FixPlan): boolean;
  files: number;
}

/** Print what fix or diff did: a line per plan fixed (fix only: diff shows the
 * change itself) or refused, a line per finding left as it was (including
 * those of a fix that could not be written), and the summary. Returns how many
 * findings are not fixed (refused or left). */
function printFixOutcome(analysis: Analysis, outcome: FixOutcome, stream: Io['stdout'], paint: Paint, quiet: boolean): number {
  const positions = positionsOf(analysis);
  const lines: string[] = [];
  for (const plan of analysis.plans) {
    if (outcome.applied(plan)) {
      if (outcome.verb === 'fixed') lines.push(fixedLine(plan, positions, paint));
    } else if (plan.refusal) lines.push(...refusalLines(plan, positions, paint));
  }
  const planOf = planOfFinding(analysis.plans);
  let fixed = 0;
  for (const finding of analysis.findings) {
    const plan = planOf.get(finding);
    if (plan && outcome.applied(plan)) fixed++;
    else if (!plan?.refusal) lines.push(findingLine(finding, positions, paint));
  }
  if (!quiet) lines.push(fixSummary(countsOf(analysis), { findings: fixed, files: outcome.files }, outcome.verb));
  stream.write(lines.map((l) => l + '\n').join(''));
  return analysis.findings.length - fixed;
}

export async function runFix(args: RunArgs, config: Config, io: Io): Promise<number> {
  const analysis = await analyzeFor(args, config, selectedRules(config), io);
  let problemsExit = reportProblems(analysis.problems, analysis, io, paintFor(args, io.stderr, io), !!args.quiet);
  if (problemsExit === 2) return 2;
  const fixed = applyFixes(analysis);
  const written = new Set<string>();
  // Ctrl-C / SIGTERM: finish the writes under way, start no other.
  const guard = InterruptGuard.install();
  let outcomes: Map<string, WriteOutcome>;
  try {
    outcomes = await writeAll(fixed, () => guard.signal !== undefined);
  } finally {
    guard.dispose();
  }
  // Reported in file order, however the writes interleaved.
  for (const file of fixed.keys()) {
    const outcome = outcomes.get(file);
    if (!outcome) continue;
    if (outcome.ok) written.add(file);
    else {
      io.stderr.write(`${file}: error: ${outcome.message}\n`);
      problemsExit = Math.max(problemsExit, 1);
    }
  }
  const unfixed = printFixOutcome(
    analysis,
    { verb: 'fixed', applied: (plan) => isAppliedIn(plan, written), files: written.size },
    io.stdout, paintFor(args, io.stdout, io), !!args.quiet,
  );
  if (guard.signal) {
    const untouched = [...fixed.keys()].filter((file) => !written.has(file));
    io.stderr.write(interruptedLines(guard.signal, [...written], untouched).join('\n') + '\n');
    return guard.exitCode;
  }
  // pre-commit's fix hook fails when it changed a file, so that the commit stops for review.
  if (args.exitNonZeroOnFix && written.size) return 1;
  return unfixed > 0 || problemsExit ? 1 : 0;
}

/** Files written at once: each write waits on the disk (a re-read, an
 * fsync, a rename) far longer than on the processor. */
const WRITES_AT_ONCE = 8;

/** Write every fixed file, a few at a time, until `stopped()`; the outcome of
 * each write that started. */
async function writeAll(fixed: Map<string, FixedFile>, stopped: () => boolean): Promise<Map<string, WriteOutcome>> {
  const queue = [...fixed];
  const outcomes = new Map<string, WriteOutcome>();
  const writer = async () => {
    for (let next = queue.shift(); next && !stopped(); next = queue.shift()) {
      const [file, { source, after }] = next;
      // A write that throws is that file's failure: the other writes under way still finish and are reported.
      outcomes.set(file, await writeFixed(source, after).catch((error: unknown) => ({ ok: false as const, message: `cannot be written (${error instanceof Error ? error.message : String(error)}); not changed` })));
    }
  };
  await Promise.all(Array.from({ length: WRITES_AT_ONCE }, writer));
  return outcomes;
}

/** An output file named on the command line, checked before any work. */
async function outputFile(given: string | undefined, option: string, io: Io): Promise<{ path?: string; problem?: string }> {
  if (given === undefined) return {};
  const abs = path.resolve(io.cwd, given);
  return { path: abs, problem: await outputPathProblem(abs, given, option) };
}

export async function runDiff(args: RunArgs, config: Config, io: Io): Promise<number> {
  const output = await outputFile(args.output, '-o', io);
  const patchFile = await outputFile(args.patchFile, '--patch-file', io);
  const problem = output.problem ?? patchFile.problem;
  if (problem) {
    io.stderr.write(`fpcast: error: ${problem}\n`);
    return 2;
  }
  const author = args.author === undefined ? undefined : parseAuthor(args.author);
  if (args.author !== undefined && !author) {
    io.stderr.write(`fpcast: error: --author '${args.author}' is not of the form 'Name <email>'\n`);
    return 2;
  }
  const analysis = await analyzeFor(args, config, selectedRules(config), io);
  const problemsExit = reportProblems(analysis.problems, analysis, io, paintFor(args, io.stderr, io), !!args.quiet);
  if (problemsExit === 2) return 2;
  const fixed = applyFixes(analysis);
  if (patchFile.path) {
    if (!fixed.size) io.stderr.write(`fpcast: nothing to fix; '${args.patchFile}' not written\n`);
    else {
      const mbox = mailPatch(analysis, fixed, author ?? gitAuthor(io.cwd, { ...process.env, ...io.env }), args, io);
      const failed = await writeOutput(patchFile.path, args.patchFile!, textToBytes(mbox), '--patch-file');
      if (failed) {
        io.stderr.write(`fpcast: error: ${failed}\n`);
        return 2;
      }
    }
  }
  // With --patch-file alone the patch file holds the diff, and stdout stays quiet.
  if (output.path || !patchFile.path) {
    const patch = projectDiff([...fixed.entries()].map(([file, f]) => ({ path: file, before: f.before, after: f.after })));
    if (output.path) {
      const failed = await writeOutput(output.path, args.output!, textToBytes(patch), '-o');
      if (failed) {
        io.stderr.write(`fpcast: error: ${failed}\n`);
        return 2;
      }
    } else {
      // The patch is the files' bytes (Latin-1 text): written as a string it would go out as UTF-8.
      io.stdout.write(textToBytes(patch));
    }
  }
  const unfixed = printFixOutcome(
    analysis,
    { verb: 'would fix', applied: (plan) => isAppliedIn(plan, fixed), files: fixed.size },
    io.stderr, paintFor(args, io.stderr, io), !!args.quiet,
  );
  return unfixed > 0 || problemsExit ? 1 : 0;
}

/** The fixes as one `git am`-able message, paths relative to the repository root. */
function mailPatch(analysis: Analysis, fixed: Map<string, FixedFile>, author: { name: string; email: string }, args: RunArgs, io: Io): string {
  const repo = repository(args, io);
  const functions = analysis.plans
    .filter((p): p is FixablePlan => isAppliedIn(p, fixed))
    .sort((a, b) => (a.definition.file === b.definition.file ? a.definition.range.start - b.definition.range.start : a.definition.file < b.definition.file ? -1 : 1))
    .map((p) => ({
      func: p.func,
      file: repo.pathOf(p.definition.file),
      tables: [...new Set(p.findings.flatMap((f) => (f.expectation ? [`${f.expectation.table.struct} ${f.expectation.table.name}`] : [])))],
      summary: p.fix.summary,
    }));
  // SOURCE_DATE_EPOCH makes the Date: header reproducible (https://reproducible-builds.org/specs/source-date-epoch/).
  const epoch = Number(io.env.SOURCE_DATE_EPOCH);
  return mboxPatch({
    files: [...fixed.entries()].map(([file, f]) => ({ path: repo.pathOf(file), before: f.before, after: f.after })),
    functions,
    author,
    date: io.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date(),
    tool: { name: PACKAGE.name, version: PACKAGE.version },
  });
}
