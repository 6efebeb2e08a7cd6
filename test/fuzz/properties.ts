// The properties every generated case must keep, checked through the real
// CLI code path (in-process) on a temp directory:
//  1. no crash: no internal error, exit codes 0 or 1 (nothing here is a bad invocation),
//     and `check --format json|sarif` prints valid JSON;
//  2. `fix` is idempotent: a second run changes no byte and fixes nothing;
//  3. applying `diff` (jsdiff's applyPatch; `git apply` for some cases) gives `fix`'s bytes,
//     and `diff` itself changes nothing on disk;
//  4. every byte outside the planned edits is unchanged (walked independently of applyEdits);
//  5. no fixed file has more unparsable regions than before.

import { execFileSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import { RULES } from '../../rules/index.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { parseErrorRegions } from '../../src/extract/extract.js';
import type { Edit } from '../../src/fix/edits.js';
import { analyze, applyFixes } from '../../src/pipeline.js';
import { readTree, removeDir, runCli, tempDir, writeTree } from '../support/cli.js';
import { fileBytes, renderHeader, type CaseModel } from './generators.js';

export interface CaseStats {
  cases: number;
  damaged: number;
  withFindings: number;
  fixedFiles: number;
  fixes: number;
  refusals: Record<string, number>;
  gitApplied: number;
  nonEmptyDiffs: number;
  parseErrorFiles: number;
}

export const newStats = (): CaseStats => ({ cases: 0, damaged: 0, withFindings: 0, fixedFiles: 0, fixes: 0, refusals: {}, gitApplied: 0, nonEmptyDiffs: 0, parseErrorFiles: 0 });

export class PropertyFailure extends Error {}

function fail(message: string): never {
  throw new PropertyFailure(message);
}

export function caseFiles(c: CaseModel): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const { name, model } of c.files) files.set(name, fileBytes(model));
  if (c.header) files.set(c.header.name, renderHeader(c.files[0].model.module, c.header.eol));
  return files;
}

async function cli(args: string[], cwd: string, c: CaseModel) {
  const r = await runCli([args[0], '--jobs', '1', '--strategy', c.strategy, '--unused-param', c.unusedParam, ...args.slice(1)], cwd);
  if (/internal error/.test(r.stderr)) fail(`'fpcast ${args.join(' ')}' crashed:\n${r.stderr}`);
  if (r.code !== 0 && r.code !== 1) fail(`'fpcast ${args.join(' ')}' exited ${r.code}:\n${r.stderr}`);
  return r;
}

function sameTree(a: Map<string, Buffer>, b: Map<string, Buffer>, what: string): void {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const name of names) {
    const x = a.get(name);
    const y = b.get(name);
    if (!x || !y || !x.equals(y)) fail(`${what}: '${name}' differs\n--- expected\n${JSON.stringify(x?.toString('latin1'))}\n--- actual\n${JSON.stringify(y?.toString('latin1'))}`);
  }
}

/** Every byte of `before` outside `edits` appears in `after`, in order, with
 * each edit's text in between. Written without applyEdits on purpose. */
function checkOutsideEdits(name: string, before: Buffer, after: Buffer, edits: Edit[]): void {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.range.start - b.e.range.start || a.e.range.end - b.e.range.end || a.i - b.i).map(({ e }) => e);
  let from = 0;
  let out = 0;
  for (const edit of sorted) {
    if (edit.range.start < from) fail(`'${name}': overlapping edits were applied`);
    const kept = before.subarray(from, edit.range.start);
    if (!after.subarray(out, out + kept.length).equals(kept)) fail(`'${name}': bytes ${from}-${edit.range.start} outside the edits changed`);
    out += kept.length;
    const text = Buffer.from(edit.text, 'latin1');
    if (!after.subarray(out, out + text.length).equals(text)) fail(`'${name}': the edit at ${edit.range.start} was not written as planned`);
    out += text.length;
    from = edit.range.end;
  }
  const rest = before.subarray(from);
  if (!after.subarray(out).equals(rest)) fail(`'${name}': bytes after the last edit changed`);
}

/** Check one case; throws PropertyFailure with what broke. */
export async function checkCase(c: CaseModel, options: { gitApplyEvery: number; stats: CaseStats }): Promise<void> {
  const { stats } = options;
  const files = caseFiles(c);
  const root = tempDir('fpcast-fuzz-');
  try {
    const dirs = Object.fromEntries(['check', 'fix', 'diff', 'plan'].map((d) => [d, path.join(root, d)]));
    for (const dir of Object.values(dirs)) writeTree(dir, files);
    const original = readTree(dirs.plan);

    const checked = await cli(['check', '--format', c.format, '.'], dirs.check, c);
    if (c.format === 'json' || c.format === 'sarif') {
      try {
        JSON.parse(checked.stdout);
      } catch (error) {
        fail(`check --format ${c.format} printed invalid JSON (${(error as Error).message}):\n${checked.stdout}`);
      }
    }
    stats.cases++;
    if (c.files.some((f) => f.model.bytes.damage.length)) stats.damaged++;
    if (checked.code === 1) stats.withFindings++;

    // 2. Idempotent fix.
    const first = await cli(['fix', '.'], dirs.fix, c);
    const fixed = readTree(dirs.fix);
    const second = await cli(['fix', '.'], dirs.fix, c);
    sameTree(fixed, readTree(dirs.fix), 'a second fix changed the tree');
    if (/: fixed '/.test(second.stdout)) fail(`a second fix reported fixes:\n${second.stdout}`);
    stats.fixes += (first.stdout.match(/: fixed '/g) ?? []).length;
    for (const [, reason] of first.stdout.matchAll(/cannot fix '[^']*' \(([\w-]+)\)/g)) stats.refusals[reason] = (stats.refusals[reason] ?? 0) + 1;

    // 3. diff touches nothing, and applying it gives fix's bytes.
    const diffed = await cli(['diff', '.'], dirs.diff, c);
    sameTree(original, readTree(dirs.diff), 'diff changed files on disk');
    const patched = new Map(original);
    for (const p of diffed.stdout ? parsePatch(diffed.stdout) : []) {
      const name = p.newFileName?.replace(/^b\//, '');
      if (!name || !original.has(name)) fail(`the diff names an unknown file '${p.newFileName}'`);
      const result = applyPatch(original.get(name)!.toString('latin1'), p);
      if (result === false) fail(`jsdiff could not apply the diff to '${name}'`);
      patched.set(name, Buffer.from(result, 'latin1'));
    }
    sameTree(fixed, patched, 'applying the diff (jsdiff) differs from fix');
    if (diffed.stdout && stats.nonEmptyDiffs++ % options.gitApplyEvery === 0) {
      writeFileSync(path.join(root, 'fix.patch'), Buffer.from(diffed.stdout, 'latin1'));
      const gitDir = path.join(root, 'git');
      cpSync(dirs.plan, gitDir, { recursive: true });
      try {
        execFileSync('git', ['apply', '--whitespace=nowarn', path.join(root, 'fix.patch')], { cwd: gitDir, stdio: 'pipe' });
      } catch (error) {
        fail(`git apply failed: ${(error as { stderr?: Buffer }).stderr?.toString()}`);
      }
      sameTree(fixed, readTree(gitDir), 'git apply of the diff differs from fix');
      stats.gitApplied++;
    }

    // 4. and 5. Bytes outside the plan's edits; no new parse errors.
    const analysis = await analyze({
      paths: ['.'], cwd: dirs.plan, include: DEFAULT_CONFIG.include, exclude: DEFAULT_CONFIG.exclude, rules: RULES,
      unusedParam: c.unusedParam, strategy: c.strategy, jobs: 1,
    });
    const written = applyFixes(analysis);
    const editsOf = new Map<string, Edit[]>();
    for (const p of analysis.plans) for (const e of p.fix?.edits ?? []) editsOf.set(e.file, [...(editsOf.get(e.file) ?? []), e]);
    for (const [name, before] of original) {
      const after = fixed.get(name)!;
      if (before.equals(after)) {
        if (written.has(name)) fail(`'${name}' was planned to change but fix left it alone`);
        continue;
      }
      if (!written.has(name)) fail(`'${name}' changed although no fix was planned for it`);
      stats.fixedFiles++;
      checkOutsideEdits(name, before, after, editsOf.get(name) ?? []);
      const errorsBefore = parseErrorRegions(before.toString('latin1')).length;
      const errorsAfter = parseErrorRegions(after.toString('latin1')).length;
      if (errorsBefore) stats.parseErrorFiles++;
      if (errorsAfter > errorsBefore) fail(`'${name}' has ${errorsAfter} unparsable regions after fix, ${errorsBefore} before`);
    }
  } finally {
    removeDir(root);
  }
}
