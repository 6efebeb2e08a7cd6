// `fix` on a dirty tree: every file that cannot be read or written gets one
// clear line and the run goes on; what is written is written atomically, with
// the file's mode, once per real file, and never over a file that changed on
// disk since it was read.

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeHooks } from '../../src/emit/write.js';
import { BIN, ensureBuilt } from '../cli/built.js';
import { runCli } from '../support/cli.js';
import { brokenModule, fixedModule, isRoot, layout, workDir } from './support.js';

const read = (root: string, rel: string) => readFileSync(path.join(root, rel), 'latin1');

/** A tree with one good module next to the troublemakers. */
function treeWith(entries: Parameters<typeof layout>[1]): string {
  const root = workDir();
  layout(root, { 'good.c': brokenModule('good'), ...entries });
  return root;
}

function expectGoodFixed(root: string): void {
  expect(read(root, 'good.c')).toBe(fixedModule('good'));
}

describe('files fix cannot write', () => {
  it('leaves a read-only file alone, says so, keeps its mode, and fixes the rest', async () => {
    const root = treeWith({ 'locked.c': { mode: 0o444, content: brokenModule('locked') } });
    const r = await runCli(['fix', '.'], root);
    expect(r.stderr).toMatch(/^locked\.c: error: is read-only; not changed \(make it writable/m);
    expect(read(root, 'locked.c')).toBe(brokenModule('locked'));
    expect(statSync(path.join(root, 'locked.c')).mode & 0o777).toBe(0o444);
    expectGoodFixed(root);
    expect(r.code).toBe(1);
  });

  it('reports the findings of a file it could not write as left, and counts only what it wrote', async () => {
    const root = treeWith({ 'locked.c': { mode: 0o444, content: brokenModule('locked') } });
    const r = await runCli(['fix', '.'], root);
    expect(r.stdout).toMatch(/^good\.c:4:1: fixed 'good_get': /m);
    expect(r.stdout).not.toMatch(/fixed 'locked_get'/);
    expect(r.stdout).toMatch(/^locked\.c:10:\d+: error: METH_NOARGS method 'locked_get' .*\[meth-arity\]$/m);
    expect(r.stdout).toMatch(/^fpcast: 2 files scanned, 2 findings: 1 fixed in 1 file, 0 refused, 1 left$/m);
    expect(r.code).toBe(1);
  });

  it('reports the findings of a file that changed on disk as left', async () => {
    const root = treeWith({ 'busy.c': brokenModule('busy') });
    writeHooks.beforeCheck = (source) => {
      if (source.path === 'busy.c') writeFileSync(source.absPath, brokenModule('busy') + '/* edited */\n');
    };
    const r = await runCli(['fix', '.'], root);
    expect(r.stdout).toMatch(/^busy\.c:10:\d+: error: METH_NOARGS method 'busy_get' .*\[meth-arity\]$/m);
    expect(r.stdout).toMatch(/^fpcast: 2 files scanned, 2 findings: 1 fixed in 1 file, 0 refused, 1 left$/m);
    expect(r.code).toBe(1);
  });

  it('reports a write that throws as that file\'s error, and still writes and reports the others', async () => {
    const root = treeWith({ 'odd.c': brokenModule('odd'), 'zz.c': brokenModule('zz') });
    writeHooks.beforeCheck = (source) => {
      if (source.path === 'odd.c') throw new Error('something unexpected');
    };
    const r = await runCli(['fix', '.'], root);
    expect(r.stderr).toMatch(/^odd\.c: error: cannot be written \(something unexpected\); not changed$/m);
    expect(read(root, 'odd.c')).toBe(brokenModule('odd'));
    expect(read(root, 'zz.c')).toBe(fixedModule('zz'));
    expectGoodFixed(root);
    expect(r.stdout).toMatch(/^fpcast: 3 files scanned, 3 findings: 2 fixed in 2 files, 0 refused, 1 left$/m);
    expect(r.code).toBe(1);
  });

  it('keeps the mode of a file it rewrites', async () => {
    const root = treeWith({ 'script.c': { mode: 0o751, content: brokenModule('script') } });
    const r = await runCli(['fix', '.'], root);
    expect(r.code).toBe(0);
    expect(read(root, 'script.c')).toBe(fixedModule('script'));
    expect(statSync(path.join(root, 'script.c')).mode & 0o777).toBe(0o751);
  });

  it('writes through a symbolic link: the link stays a link and its target is fixed', async () => {
    const root = treeWith({ 'real/mod.c': brokenModule('mod'), 'alias.c': { link: 'real/mod.c' } });
    const r = await runCli(['fix', 'alias.c', 'good.c'], root);
    expect(r.code).toBe(0);
    expect(lstatSync(path.join(root, 'alias.c')).isSymbolicLink()).toBe(true);
    expect(read(root, 'real/mod.c')).toBe(fixedModule('mod'));
  });

  it('does not overwrite a file that changed on disk after it was read', async () => {
    const root = treeWith({ 'busy.c': brokenModule('busy') });
    const edited = brokenModule('busy') + '/* saved from the editor meanwhile */\n';
    writeHooks.beforeCheck = (source) => {
      if (source.path === 'busy.c') writeFileSync(source.absPath, edited);
    };
    const r = await runCli(['fix', '.'], root);
    expect(r.stderr).toMatch(/^busy\.c: error: changed on disk while fpcast was running; not overwritten \(run fpcast again\)$/m);
    expect(read(root, 'busy.c')).toBe(edited);
    expectGoodFixed(root);
    expect(r.code).toBe(1);
  });

  it('leaves no temp file behind', async () => {
    const root = treeWith({ 'other.c': brokenModule('other') });
    await runCli(['fix', '.'], root);
    expect(readdirSync(root).sort()).toEqual(['good.c', 'other.c']);
  });
});

afterEach(() => {
  delete writeHooks.beforeCheck;
});

describe('paths that are not source files', () => {
  it('reports a directory named like a source file and goes on', async () => {
    const root = treeWith({ 'foo.c': { dir: true } });
    const r = await runCli(['fix', '.'], root);
    expect(r.stderr).toMatch(/^foo\.c: warning: is a directory, not a source file; skipped$/m);
    expectGoodFixed(root);
    expect(r.code).toBe(0);
  });

  it('reports a dangling symbolic link and goes on', async () => {
    const root = treeWith({ 'gone.c': { link: 'nowhere.c' } });
    const r = await runCli(['fix', '.'], root);
    expect(r.stderr).toMatch(/^gone\.c: warning: is a dangling symbolic link; skipped$/m);
    expectGoodFixed(root);
    expect(r.code).toBe(0);
  });

  it('reports a symbolic link loop between files and goes on', async () => {
    const root = treeWith({ 'loop1.c': { link: 'loop2.c' }, 'loop2.c': { link: 'loop1.c' } });
    const r = await runCli(['fix', '.'], root);
    expect(r.stderr).toMatch(/^loop1\.c: warning: is a symbolic link loop; skipped$/m);
    expect(r.stderr).toMatch(/^loop2\.c: warning: is a symbolic link loop; skipped$/m);
    expectGoodFixed(root);
  });

  it('does not follow directory links back into the tree (two loops used to make the walk explode)', async () => {
    const root = treeWith({ 'sub/mod.c': brokenModule('mod'), 'sub/up': { link: '..' }, 'sub/deeper/up': { link: '../..' } });
    const r = await runCli(['fix', '.'], root);
    expect(r.stderr).toMatch(/^sub\/up: note: is a symbolic link to '.*', which is already searched \(a link loop or a second path to it\); not followed$/m);
    expect(r.stderr).toMatch(/^sub\/deeper\/up: note: is a symbolic link to/m);
    expect(r.stdout).toMatch(/fpcast: 2 files scanned/);
    expectGoodFixed(root);
    expect(read(root, 'sub/mod.c')).toBe(fixedModule('mod'));
  });

  it('follows a link to a directory outside the tree, once', async () => {
    const outside = workDir();
    layout(outside, { 'vendored.c': brokenModule('vendored') });
    const root = treeWith({ 'vendor': { link: outside }, 'again': { link: outside } });
    const r = await runCli(['fix', '.'], root);
    expect(r.stdout).toMatch(/fpcast: 2 files scanned/);
    expect(readFileSync(path.join(outside, 'vendored.c'), 'latin1')).toBe(fixedModule('vendored'));
  });

  it('reports a named pipe instead of hanging on it', async () => {
    const root = treeWith({});
    execFileSync('mkfifo', [path.join(root, 'pipe.c')]);
    const r = await runCli(['fix', '.'], root);
    expect(r.stderr).toMatch(/^pipe\.c: warning: is a named pipe \(FIFO\), not a source file; skipped$/m);
    expectGoodFixed(root);
  });

  it('skips a file over --max-file-size with a warning and fixes the rest', async () => {
    const big = brokenModule('big') + `/*${'x'.repeat(2000)}*/\n`;
    const root = treeWith({ 'big.c': big });
    const r = await runCli(['fix', '--max-file-size', '1K', '.'], root);
    expect(r.stderr).toMatch(new RegExp(`^big\\.c: warning: is ${big.length} bytes, over the 1024-byte limit; skipped \\(raise --max-file-size to include it\\)$`, 'm'));
    expect(read(root, 'big.c')).toBe(big);
    expectGoodFixed(root);
    expect(r.stdout).toMatch(/fpcast: 1 file scanned/);
  });

  it('edits a file reached through a link and through `..` once', async () => {
    const root = workDir();
    layout(root, { 'pkg/mod.c': brokenModule('mod'), 'alias.c': { link: 'pkg/mod.c' } });
    const r = await runCli(['fix', 'pkg/../pkg/mod.c', 'alias.c', 'pkg', '.'], root);
    expect(r.code).toBe(0);
    expect(read(root, 'pkg/mod.c')).toBe(fixedModule('mod'));
    expect(r.stdout.match(/fixed 'mod_get'/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/fpcast: 1 file scanned/);
  });
});

describe('a file that cannot be read', () => {
  // chmod 000 does not stop root. As root, run the built command as the
  // unprivileged user `nobody`, for whom it does.
  beforeAll(() => {
    if (isRoot) ensureBuilt();
  }, 300_000);

  it('gets one error line; the other files are still checked', async () => {
    const root = treeWith({ 'secret.c': { mode: 0o000, content: brokenModule('secret') } });
    let result: { code: number | null; stdout: string; stderr: string };
    if (isRoot) {
      chmodSync(root, 0o755);
      chmodSync(path.join(root, 'good.c'), 0o644);
      const run = spawnSync(process.execPath, [BIN, 'check', '.'], { cwd: root, uid: 65534, gid: 65534, encoding: 'latin1', env: { ...process.env, NO_COLOR: '1' } });
      result = { code: run.status, stdout: run.stdout, stderr: run.stderr };
    } else {
      result = await runCli(['check', '.'], root);
    }
    expect(result.stderr).toMatch(/^secret\.c: error: cannot be read \(permission denied; make it readable or leave it out\); skipped$/m);
    expect(result.stdout).toMatch(/^good\.c:\d+:\d+: error: METH_NOARGS method 'good_get'/m);
    expect(result.stdout).toMatch(/fpcast: 1 file scanned/);
    expect(result.code).toBe(1);
  });
});
