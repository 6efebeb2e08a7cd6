// The six stages in order: discover → parse + extract → link → check → plan → emit.
// Each stage is one function over plain data; this file only wires them.

import type { Rule } from './check/types.js';
import type { Strategy } from './config/config.js';
import { check, type CheckResult } from './check/check.js';
import { applySuppressions, type SuppressResult } from './check/suppress.js';
import type { Finding } from './check/types.js';
import { discover, type Problem } from './discover/discover.js';
import { unparsedRegionProblems } from './check/unparsed.js';
import { analyzeInRounds, type ExtractRequest } from './discover/prefilter.js';
import { ExtractPool } from './extract/pool.js';
import { emptyFacts, knowsEveryParseError, type FileFacts } from './extract/facts.js';
import { applyEdits, type Edit } from './fix/edits.js';
import { editsAddParseErrors } from './fix/parse-check.js';
import { plan, type FixPlan } from './fix/plan.js';
import { link, type ProjectIndex } from './index/link.js';
import { readSources, type SourceFile } from './source/read.js';
import { lineIndexes, type LineIndex } from './source/source-file.js';
import { pushTo } from './multimap.js';
import type { Outline } from './extract/outline.js';

/** Files from which a run starts its workers before reading them. */
const WARM_FILES = 64;

/** How far a long run is (the CLI shows it on a terminal). */
export interface ProgressEvent {
  stage: 'read' | 'parse' | 'check';
  done: number;
  total: number;
}

export interface PipelineOptions {
  paths: string[];
  cwd: string;
  include: string[];
  exclude: string[];
  rules: Rule[];
  unusedParam: string;
  /** `refuse` multi-file and conflicting fixes, or write a `wrapper` next to the table. */
  strategy: Strategy;
  maxFileSize?: number;
  /** Threads that parse, the main thread and workers (default: the cores; 1 parses in the main thread alone). */
  jobs?: number;
  /** Parse only the files that can matter (default); `false` parses every file. */
  prefilter?: boolean;
  /** Called as work advances, for progress lines on long runs. */
  onProgress?: (progress: ProgressEvent) => void;
}

export interface Analysis {
  sources: Map<string, SourceFile>;
  /** The line index of each file read (positions in messages and reports). */
  lines: (file: string) => LineIndex | undefined;
  /** The facts of the files parsed (whole or in parts; every file with --no-prefilter). */
  facts: FileFacts[];
  problems: Problem[];
  index: ProjectIndex;
  result: CheckResult;
  findings: Finding[];
  plans: FixPlan[];
  /** What `fpcast: ignore` comments silenced, and every such comment. */
  suppression: SuppressResult;
  /** The outlines the prefilter made of the files it parsed (a fix's safety net reads them again). */
  outlines: ReadonlyMap<string, Outline>;
}

export async function analyze(options: PipelineOptions): Promise<Analysis> {
  const discovered = await discover(options.paths, { cwd: options.cwd, include: options.include, exclude: options.exclude });
  // Many files: the workers start while the files are read.
  const pool = new ExtractPool({ jobs: options.jobs, warm: discovered.files.length >= WARM_FILES });
  const read = readSources(discovered.files, options.maxFileSize);
  const problems = [...discovered.problems, ...read.problems];
  const sources = new Map(read.sources.map((s) => [s.path, s]));
  const textOf = (file: string) => sources.get(file)!.text;
  // Each file's lines are found once in a run (the prefilter checks every round; reports ask again).
  const lines = lineIndexes((file) => sources.get(file)?.text);
  pool.expect(read.sources.reduce((sum, s) => sum + s.text.length, 0));
  let done = 0;
  const extract = async (requests: ExtractRequest[]): Promise<Map<string, { facts: FileFacts }>> => {
    options.onProgress?.({ stage: 'parse', done, total: done + requests.length });
    const out = new Map<string, { facts: FileFacts }>();
    for (const outcome of await pool.extract(requests.map(({ file, want, shape }) => ({ file, text: textOf(file), want, shape })))) {
      if ('error' in outcome) {
        problems.push({ severity: 'error', file: outcome.file, message: `fpcast failed on this file and skipped it (internal error: ${outcome.error}); please report it` });
        out.set(outcome.file, { facts: emptyFacts(outcome.file) });
      } else out.set(outcome.file, outcome);
    }
    done += requests.length;
    return out;
  };
  const afterLink = (index: ProjectIndex, facts: FileFacts[]) => {
    const result = check(index, options.rules);
    // Silenced findings leave before planning so that they are never fixed.
    const suppression = applySuppressions(result.findings, facts, lines);
    result.findings = suppression.findings;
    const plans = plan(result, index, textOf, { unusedParam: options.unusedParam, strategy: options.strategy });
    return { result, suppression, plans };
  };
  let analyzed: { facts: FileFacts[]; index: ProjectIndex; after: ReturnType<typeof afterLink>; outlines: Map<string, Outline> };
  try {
    if (options.prefilter === false) {
      const all = await extract(read.sources.map((s) => ({ file: s.path, want: 'whole' })));
      const facts = read.sources.map((s) => all.get(s.path)!.facts);
      const index = link(facts);
      analyzed = { facts, index, after: afterLink(index, facts), outlines: new Map() };
    } else {
      const rounds = await analyzeInRounds({
        files: read.sources.map((s) => ({ path: s.path, text: s.text })),
        extract,
        // The outlines are what the workers wait for.
        outlining: (busy) => pool.keepCore(busy),
        emptyFacts,
        link,
        analyze: afterLink,
        // Only a project rule reads a whole map of the index.
        probe: options.rules.some((rule) => rule.kind === 'project'),
        // A finding's definition is reported whole; the parse errors around the text a fix edits decide the fix.
        required: ({ result, plans }) => [
          ...result.findings.flatMap((f) => (f.definition ? [{ file: f.definition.file, range: f.definition.range }] : [])),
          ...plans.flatMap((p) => p.fix?.edits.map((e) => ({ file: e.file, range: e.range })) ?? []),
        ],
      });
      analyzed = { facts: rounds.parsedFacts, index: rounds.index, after: rounds.result, outlines: rounds.outlines };
    }
  } finally {
    await pool.close();
  }
  const { facts, index } = analyzed;
  const { result, suppression, plans } = analyzed.after;
  // Files the prefilter skipped, or parsed only in parts, hold nothing the
  // rules read outside those parts (which parsed cleanly): their unparsable
  // regions are not reported. A file parsed whole knows them all.
  const whole = facts.filter(knowsEveryParseError);
  problems.push(...unparsedRegionProblems(whole, lines, options.rules));
  return { sources, lines, facts, problems, index, result, findings: result.findings, plans, suppression, outlines: analyzed.outlines };
}

/** The unparsable regions of a whole file, when its facts know them all. */
function wholeErrorCount(facts: FileFacts | undefined): number | undefined {
  return facts && knowsEveryParseError(facts) ? facts.parseErrors.length : undefined;
}

export interface FixedFile {
  source: SourceFile;
  before: string;
  after: string;
}

/** Apply every planned fix to the texts in memory. A file whose fixed text
 * parses worse than before keeps its original text, and the fixes that
 * touched it become `parse-error` refusals. */
export function applyFixes(analysis: Analysis): Map<string, FixedFile> {
  // A fixed text is checked once, however often the loop below comes back to it.
  const checked = new Map<string, { text: string; broken: boolean }>();
  for (;;) {
    const byFile = new Map<string, Edit[]>();
    for (const p of analysis.plans) {
      for (const edit of p.fix?.edits ?? []) {
        pushTo(byFile, edit.file, edit);
      }
    }
    const fixed = new Map<string, FixedFile>();
    const broken: string[] = [];
    for (const [file, edits] of byFile) {
      const source = analysis.sources.get(file)!;
      const after = applyEdits(source.text, edits);
      if (after === source.text) continue;
      let known = checked.get(file);
      if (known?.text !== after) {
        const before = { errors: wholeErrorCount(analysis.index.files.get(file)), outline: analysis.outlines.get(file) };
        known = { text: after, broken: editsAddParseErrors(source.text, after, edits, before) };
        checked.set(file, known);
      }
      if (known.broken) broken.push(file);
      fixed.set(file, { source, before: source.text, after });
    }
    if (!broken.length) return fixed;
    for (const p of analysis.plans) {
      const file = p.fix?.edits.find((e) => broken.includes(e.file))?.file;
      if (!file) continue;
      p.refusal = {
        reason: 'parse-error',
        message: `the fixed '${file}' would not parse; fpcast left it unchanged`,
        locations: [p.definition],
      };
      delete p.fix;
    }
  }
}
