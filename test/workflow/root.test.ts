// --root DIR PATHS…: what the pre-commit hooks run. The whole tree under DIR
// is analyzed (a table and its function can sit in different files) but only
// findings that concern the PATHS given are reported, and only they are fixed.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTree, removeDir, runCli, tempDir, writeTree } from '../support/cli.js';
import { CORPUS_DIR } from '../support/paths.js';
import { BROKEN_C, CLEAN_C } from './trees.js';

const MULTI = path.join(CORPUS_DIR, 'refuse-multi-file', 'input');
const temps: string[] = [];
afterAll(() => temps.forEach(removeDir));

/** multi/ (table in module.c, functions in impl.c), solo.c (broken), clean.c, vendor/solo.c (excluded). */
function project(): string {
  const dir = tempDir('fpcast-root-');
  temps.push(dir);
  const multi: Record<string, Buffer> = {};
  for (const name of ['module.c', 'impl.c', 'impl.h']) multi[`multi/${name}`] = readFileSync(path.join(MULTI, name));
  return writeTree(dir, {
    ...multi,
    'solo.c': BROKEN_C,
    'clean.c': CLEAN_C,
    'vendor/solo.c': BROKEN_C,
    'pyproject.toml': '[tool.fpcast]\nexclude = ["vendor/**"]\n',
  });
}

const errorFiles = (stdout: string) => [...new Set(stdout.split('\n').filter((l) => / error: /.test(l)).map((l) => l.split(':')[0]))];

describe('check --root', () => {
  it('reports only findings in the files given', async () => {
    const r = await runCli(['check', '--root', '.', '--quiet', 'solo.c', 'clean.c'], project());
    expect(r.stdout).toBe("solo.c:16:27: error: METH_NOARGS method 'solo_ping' takes 1 parameter; CPython calls it with 2 (self, NULL) [meth-arity]\n");
    expect(r.code).toBe(1);
  });

  it('takes a file whose name starts with two dots as inside the root', async () => {
    const dir = project();
    writeFileSync(path.join(dir, '..solo.c'), BROKEN_C.replaceAll('solo', 'dots'));
    const r = await runCli(['check', '--root', '.', '--quiet', '..solo.c'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\.\.solo\.c:16:27: error: METH_NOARGS method 'dots_ping' /);
    expect(r.code).toBe(1);
  });

  it('passes when the files given are clean, even though others are broken', async () => {
    const r = await runCli(['check', '--root', '.', '--quiet', 'clean.c'], project());
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it("reports a table's finding when only the function's file is given: the definition is what changed", async () => {
    const r = await runCli(['check', '--root', '.', 'multi/impl.c'], project());
    expect(errorFiles(r.stdout)).toEqual(['multi/module.c']);
    expect(r.stdout).toMatch(/'multi_reset'/);
    expect(r.code).toBe(1);
  });

  it('sees across files: without --root the definition alone shows nothing', async () => {
    const r = await runCli(['check', 'multi/impl.c'], project());
    expect(r.stdout).toMatch(/ 0 findings /);
  });

  it('leaves out a given file that exclude leaves out, and analyzes a given file the include globs would not pick', async () => {
    const dir = project();
    writeTree(dir, { 'ext/speedups.cpp': BROKEN_C.replaceAll('solo', 'speed') });
    const excluded = await runCli(['check', '--root', '.', 'vendor/solo.c'], dir);
    expect(excluded.stdout).toMatch(/ 0 findings /);
    expect(excluded.code).toBe(0);
    const cpp = await runCli(['check', '--root', '.', '--quiet', 'ext/speedups.cpp'], dir);
    expect(cpp.stdout).toMatch(/^ext\/speedups\.cpp:16:27: error: .*'speed_ping'/m);
    expect(cpp.code).toBe(1);
  });

  it('with no files given, reports everything under the root', async () => {
    const r = await runCli(['check', '--root', '.'], project());
    expect(errorFiles(r.stdout)).toEqual(['multi/module.c', 'solo.c']);
  });

  it('refuses paths outside the root and a root that is not a directory (exit 2)', async () => {
    const dir = project();
    const outside = await runCli(['check', '--root', 'multi', 'solo.c'], dir);
    expect(outside.stderr).toMatch(/'solo\.c' is outside --root 'multi'/);
    expect(outside.code).toBe(2);
    const notDir = await runCli(['check', '--root', 'solo.c', 'solo.c'], dir);
    expect(notDir.stderr).toMatch(/--root 'solo\.c' is not a directory/);
    expect(notDir.code).toBe(2);
  });
});

describe('fix --root --exit-non-zero-on-fix', () => {
  it('fixes only the files given and exits 1 because it changed one', async () => {
    const dir = project();
    writeTree(dir, { 'other.c': BROKEN_C.replaceAll('solo', 'other') });
    const before = readTree(dir);
    const r = await runCli(['fix', '--root', '.', '--quiet', '--exit-non-zero-on-fix', 'solo.c'], dir);
    expect(r.stdout).toBe("solo.c:4:1: fixed 'solo_ping': added PyObject *Py_UNUSED(ignored) [meth-arity]\n");
    expect(r.code).toBe(1);
    const after = readTree(dir);
    const changed = [...after.keys()].filter((f) => !after.get(f)!.equals(before.get(f)!));
    expect(changed).toEqual(['solo.c']);

    // nothing left to change: exit 0
    const again = await runCli(['fix', '--root', '.', '--quiet', '--exit-non-zero-on-fix', 'solo.c'], dir);
    expect(again.stdout).toBe('');
    expect(again.code).toBe(0);
  });

  it('without --exit-non-zero-on-fix a complete fix exits 0', async () => {
    const r = await runCli(['fix', '--root', '.', '--quiet', 'solo.c'], project());
    expect(r.code).toBe(0);
  });
});
