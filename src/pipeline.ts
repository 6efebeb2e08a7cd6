// The six stages in order: discover → parse + extract → link → check → plan → emit.
// Each stage is one function over plain data; this file only wires them.

import type { Rule } from './check/types.js';
import type { Strategy } from './config/config.js';
import { check, type CheckResult } from './check/check.js';
import type { Finding } from './check/types.js';
import { discover, type Problem } from './discover/discover.js';
import { extractFacts, parseErrorRegions } from './extract/extract.js';
import type { FileFacts } from './extract/facts.js';
import { applyEdits, type Edit } from './fix/edits.js';
import { plan, type FixPlan } from './fix/plan.js';
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
}

export async function analyze(options: PipelineOptions): Promise<Analysis> {
  const discovered = await discover(options.paths, { cwd: options.cwd, include: options.include, exclude: options.exclude });
  const read = await readSources(discovered.files, options.maxFileSize);
  const problems = [...discovered.problems, ...read.problems];
  const sources = new Map(read.sources.map((s) => [s.path, s]));
  const facts = read.sources.map((source, i) => {
    options.onProgress?.({ stage: 'parse', done: i, total: read.sources.length });
    return extractFacts(source.path, source.text);
  });
  const index = link(facts);
  const result = check(index, options.rules);
  const textOf = (file: string) => sources.get(file)!.text;
  const plans = plan(result, index, textOf, { unusedParam: options.unusedParam, strategy: options.strategy });
  return { sources, facts, problems, index, result, findings: result.findings, plans };
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
      if (parseErrorRegions(after).length > before) broken.push(file);
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
