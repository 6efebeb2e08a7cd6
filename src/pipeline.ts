// The six stages in order: discover → parse + extract → link → check → plan → emit.
// Each stage is one function over plain data; this file only wires them.

import type { Rule } from './check/types.js';
import type { Strategy } from './config/config.js';
import { check, type CheckResult } from './check/check.js';
import { applySuppressions, type SuppressResult } from './check/suppress.js';
import type { Finding } from './check/types.js';
import { discover, type Problem } from './discover/discover.js';
import { unparsedRegionProblems } from './check/unparsed.js';
import { analyzeInRounds } from './discover/prefilter.js';
import { parseErrorRegions } from './extract/extract.js';
import { ExtractPool } from './extract/pool.js';
import type { FileFacts } from './extract/facts.js';
import { applyEdits, type Edit } from './fix/edits.js';
import { plan, type FixPlan } from './fix/plan.js';
import { expandMacroEntries } from './index/expand-entries.js';
import { link, type ProjectIndex } from './index/link.js';
import { readSources, type SourceFile } from './source/read.js';

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
  /** Worker threads for parsing (default: the cores; 1 parses in the main thread). */
  jobs?: number;
  /** Parse only the files that can matter (default); `false` parses every file. */
  prefilter?: boolean;
  /** Called as work advances, for progress lines on long runs. */
  onProgress?: (progress: { stage: 'read' | 'parse' | 'check'; done: number; total: number }) => void;
}

export interface Analysis {
  sources: Map<string, SourceFile>;
  facts: FileFacts[];
  problems: Problem[];
  index: ProjectIndex;
  result: CheckResult;
  findings: Finding[];
  plans: FixPlan[];
  /** What `fpcast: ignore` comments silenced, and every such comment. */
  suppression: SuppressResult;
}

export async function analyze(options: PipelineOptions): Promise<Analysis> {
  const discovered = await discover(options.paths, { cwd: options.cwd, include: options.include, exclude: options.exclude });
  const read = await readSources(discovered.files, options.maxFileSize);
  const problems = [...discovered.problems, ...read.problems];
  const sources = new Map(read.sources.map((s) => [s.path, s]));
  const textOf = (file: string) => sources.get(file)!.text;
  const pool = new ExtractPool({ jobs: options.jobs });
  let done = 0;
  const extract = async (files: string[]): Promise<Map<string, FileFacts>> => {
    options.onProgress?.({ stage: 'parse', done, total: done + files.length });
    const out = new Map<string, FileFacts>();
    for (const outcome of await pool.extract(files.map((file) => ({ file, text: textOf(file) })))) {
      if ('facts' in outcome) out.set(outcome.file, outcome.facts);
      else {
        problems.push({ severity: 'error', file: outcome.file, message: `fpcast failed on this file and skipped it (internal error: ${outcome.error}); please report it` });
        out.set(outcome.file, await pool.emptyFacts(outcome.file));
      }
    }
    done += files.length;
    return out;
  };
  const afterLink = (index: ProjectIndex, facts: FileFacts[]) => {
    const result = check(index, options.rules);
    // Silenced findings leave before planning so that they are never fixed.
    const suppression = applySuppressions(result.findings, facts, (file) => sources.get(file)?.text);
    result.findings = suppression.findings;
    const plans = plan(result, index, textOf, { unusedParam: options.unusedParam, strategy: options.strategy });
    return { result, suppression, plans };
  };
  let analyzed: { facts: FileFacts[]; parsed: FileFacts[]; index: ProjectIndex; after: ReturnType<typeof afterLink> };
  try {
    if (options.prefilter === false) {
      const all = await extract(read.sources.map((s) => s.path));
      const facts = read.sources.map((s) => all.get(s.path)!);
      const index = link(facts);
      analyzed = { facts, parsed: facts, index, after: afterLink(index, facts) };
    } else {
      const empty = await pool.emptyFacts('');
      const rounds = await analyzeInRounds({
        files: read.sources.map((s) => ({ path: s.path, text: s.text })),
        extract,
        emptyFacts: (file) => ({ ...structuredClone(empty), file }),
        link,
        // link() expands table entries written as macros; the same expansion on a copy repeats its lookups.
        relink: (index) => expandMacroEntries({ ...index }),
        analyze: afterLink,
      });
      const parsed = rounds.facts.filter((f) => rounds.parsed.has(f.file));
      analyzed = { facts: parsed, parsed, index: rounds.index, after: rounds.result };
    }
  } finally {
    await pool.close();
  }
  const { facts, index } = analyzed;
  const { result, suppression, plans } = analyzed.after;
  // Files the prefilter skipped hold nothing the rules read; their unparsable regions are not reported.
  problems.push(...unparsedRegionProblems(analyzed.parsed, (file) => sources.get(file)?.text, options.rules));
  return { sources, facts, problems, index, result, findings: result.findings, plans, suppression };
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
  // A fixed text is parsed once, however often the loop below comes back to it.
  const errorsAfter = new Map<string, { text: string; count: number }>();
  for (;;) {
    const byFile = new Map<string, Edit[]>();
    for (const p of analysis.plans) {
      for (const edit of p.fix?.edits ?? []) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
    }
    const fixed = new Map<string, FixedFile>();
    const broken: string[] = [];
    for (const [file, edits] of byFile) {
      const source = analysis.sources.get(file)!;
      const after = applyEdits(source.text, edits);
      if (after === source.text) continue;
      const before = analysis.index.files.get(file)?.parseErrors.length ?? 0;
      let known = errorsAfter.get(file);
      if (known?.text !== after) {
        known = { text: after, count: parseErrorRegions(after).length };
        errorsAfter.set(file, known);
      }
      if (known.count > before) broken.push(file);
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
