// What a run analyzes and what it reports. Normally both are the PATHS given.
// With `--root DIR` (pre-commit hooks) fpcast analyzes every C file under DIR,
// because a function's table and its definition can live in different files,
// but reports and fixes only what concerns the PATHS given: findings whose
// table entry or definition is in one of them, and fixes that change only
// them.

import { createRequire } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

// fast-glob and child_process are loaded on first use (a run without --root
// never needs the one, a run that writes no mbox patch never the other; each
// costs a one-file run milliseconds to load).
const require = createRequire(import.meta.url);
const escapeGlob = (pattern: string): string => (require('fast-glob') as typeof import('fast-glob')).escapePath(pattern);
import type { Finding } from '../check/types.js';
import type { Analysis } from '../pipeline.js';
import { leavesBase, relativeOrAbsolute, toPosix } from '../source/paths.js';

export class ScopeError extends Error {}

export interface Scope {
  /** Paths to hand to discovery. */
  paths: string[];
  /** Include globs for directory walks. */
  include: string[];
  /** Whether a finding or fix in `file` (a display path) is reported; absent: everything is. */
  inFocus?: (file: string) => boolean;
}

export function resolveScope(given: string[], root: string | undefined, include: string[], cwd: string): Scope {
  if (root === undefined) return { paths: given.length ? given : ['.'], include };
  const rootAbs = path.resolve(cwd, root);
  if (!existsSync(rootAbs) || !statSync(rootAbs).isDirectory()) {
    throw new ScopeError(`--root '${root}' is not a directory; give the repository's top directory (pre-commit runs hooks there: --root .)`);
  }
  if (!given.length) return { paths: [root], include };
  const focus: string[] = [];
  const extra: string[] = [];
  for (const p of given) {
    const abs = path.resolve(cwd, p);
    const rel = path.relative(rootAbs, abs);
    if (leavesBase(rel)) throw new ScopeError(`'${p}' is outside --root '${root}'; pass files inside it`);
    if (!existsSync(abs)) throw new ScopeError(`'${p}' does not exist; check the path`);
    focus.push(abs);
    // A file given by name is analyzed even if the include globs would not
    // pick it (a .cpp file pre-commit passes), unless exclude or .gitignore
    // leave it out: it joins the walk as one more include pattern.
    if (statSync(abs).isFile() && rel) extra.push(escapeGlob(toPosix(rel)));
  }
  const inFocus = (file: string) => {
    const abs = path.resolve(cwd, file);
    return focus.some((f) => abs === f || abs.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
  };
  return { paths: [root], include: [...include, ...extra.filter((e) => !include.includes(e))], inFocus };
}

function findingInFocus(finding: Finding, inFocus: (file: string) => boolean): boolean {
  return inFocus(finding.file) || (finding.definition !== undefined && inFocus(finding.definition.file));
}

/** The part of `analysis` the focus asks for. A fix that would also change a
 * file outside the focus is refused rather than applied. */
export function focusAnalysis(analysis: Analysis, inFocus: ((file: string) => boolean) | undefined): Analysis {
  if (!inFocus) return analysis;
  const findings = analysis.findings.filter((f) => findingInFocus(f, inFocus));
  const kept = new Set(findings);
  const plans = analysis.plans.filter((p) => p.findings.some((f) => kept.has(f)));
  for (const plan of plans) {
    const outside = plan.fix?.edits.find((e) => !inFocus(e.file));
    if (!plan.fix || !outside) continue;
    plan.refusal = {
      reason: 'multi-file',
      message: `the fix would also change '${outside.file}', which is not among the files given; run 'fpcast fix' on it too, or without --root`,
      locations: [{ file: outside.file, range: outside.range, note: 'the fix would change this file' }],
    };
    delete plan.fix;
  }
  const problems = analysis.problems.filter((p) => !p.file || p.usage || inFocus(p.file));
  return { ...analysis, findings, plans, problems };
}

/** Paths relative to the repository root (see repositoryRoot), for SARIF,
 * GitHub annotations and patches. */
export function repoPathFunction(cwd: string, repoRoot: string): (file: string) => string {
  return (file) => relativeOrAbsolute(repoRoot, path.resolve(cwd, file));
}

/** The author git would record here (`git var GIT_AUTHOR_IDENT`), else fpcast. */
export function gitAuthor(cwd: string, env: Record<string, string | undefined>): { name: string; email: string } {
  try {
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const ident = execFileSync('git', ['var', 'GIT_AUTHOR_IDENT'], { cwd, env: env as NodeJS.ProcessEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    const match = /^(.*?) <([^>]*)>/.exec(ident);
    if (match && match[2]) return { name: match[1], email: match[2] };
  } catch {
    /* no git, or no identity configured */
  }
  return { name: 'fpcast', email: 'fpcast@localhost' };
}

/** The author given as `Name <email>`. */
export function parseAuthor(text: string): { name: string; email: string } | undefined {
  const match = /^\s*([^<>]*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
  return match ? { name: match[1], email: match[2] } : undefined;
}
