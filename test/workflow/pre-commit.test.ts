// fpcast as a pre-commit hook, for real: installed the way pre-commit installs
// `language: node` hooks, and run by `pre-commit try-repo` on a sample
// repository. Both install from a snapshot of the working tree (uncommitted
// changes included), so they test this code, not the last commit.
//
// pre-commit's node install (pre_commit/languages/node.py, 3.0.4 as Debian
// ships it and the same today) runs, in a clone of the hook repository and
// with NPM_CONFIG_PREFIX pointing at the hook's environment:
//   npm install --dev --prod --ignore-prepublish --no-progress --no-save
//   npm pack
//   npm install -g <the packed tarball>
// `prepare` (tsc) runs in the first step. These tests take minutes (npm
// installs fpcast's dependencies, from the npm cache where it can).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCI, removeDir, tempDir } from '../support/cli.js';
import { REPO } from '../support/paths.js';
import { BROKEN_C, CLEAN_C, git, gitRepo, snapshotRepo } from './trees.js';

const INSTALL_TIMEOUT = 900_000;
const temps: string[] = [];
let snapshot: string;

beforeAll(() => {
  snapshot = snapshotRepo(REPO);
  temps.push(snapshot);
});
afterAll(() => temps.forEach(removeDir));

function temp(prefix: string): string {
  const dir = tempDir(prefix);
  temps.push(dir);
  return dir;
}

/** npm's settings for a quiet, cache-first install. pre-commit passes the
 * user's npm configuration through; preferring the cache only spares the
 * registry round trips for packages `npm ci` has just fetched. */
const NPM_QUIET = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

function run(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: INSTALL_TIMEOUT });
  if (result.error) throw result.error;
  return result;
}

function expectOk(result: ReturnType<typeof run>, what: string): void {
  expect(result.status, `${what} failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
}

describe('installing the hook the way pre-commit does', () => {
  it('builds in the clone, packs, installs globally into a fresh prefix, and the installed fpcast runs', () => {
    const clone = temp('fpcast-hook-clone-');
    git(['clone', '-q', snapshot, clone], REPO);
    const prefix = temp('fpcast-hook-env-');
    const env = { ...NPM_QUIET, NPM_CONFIG_PREFIX: prefix, npm_config_prefix: prefix };

    expectOk(run('npm', ['install', '--dev', '--prod', '--ignore-prepublish', '--no-progress', '--no-save'], clone, env), 'npm install in the clone');
    const pack = run('npm', ['pack'], clone, env);
    expectOk(pack, 'npm pack');
    // pre-commit takes the whole of npm pack's stdout as the tarball's name
    const tarball = path.join(clone, pack.stdout.trim());
    expect(existsSync(tarball)).toBe(true);
    expectOk(run('npm', ['install', '-g', tarball], clone, env), 'npm install -g');

    const fpcast = path.join(prefix, 'bin', 'fpcast');
    const version = run(fpcast, ['--version'], prefix, {});
    expectOk(version, 'fpcast --version');
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);

    const sample = gitRepo({ 'broken.c': BROKEN_C, 'clean.c': CLEAN_C });
    temps.push(sample);
    const check = run(fpcast, ['check', '--root', '.', '--quiet', 'broken.c', 'clean.c'], sample, { NO_COLOR: '1' });
    expect(check.stdout).toMatch(/^broken\.c:16:27: error: METH_NOARGS method 'solo_ping' takes 1 parameter; CPython calls it with 2 \(self, NULL\) \[meth-arity\]$/m);
    expect(check.status).toBe(1);
  }, INSTALL_TIMEOUT);
});

function preCommit(): string | undefined {
  const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

describe('pre-commit try-repo', () => {
  const version = preCommit();
  // In CI the hook must really be tried: .ci/run installs pre-commit.
  if (!version && isCI()) {
    it('needs pre-commit, which CI installs', () => {
      expect.fail(`pre-commit is not installed but CI=${process.env.CI}; .ci/run installs it with 'apt-get install pre-commit'`);
    });
    return;
  }
  if (!version) {
    it.skip('pre-commit is not installed here (apt-get install pre-commit); CI runs this', () => {});
    return;
  }

  // try-repo installs the hook afresh on every call (a temp store each time),
  // so one call runs both hooks over the whole sample: the check hook first,
  // then the fix hook.
  it(`both hooks on a sample repository: check fails on the broken file only, fix fixes it and fails (${version})`, () => {
    const sample = gitRepo({ 'src/broken.c': BROKEN_C, 'src/clean.c': CLEAN_C, 'README': 'sample\n' });
    temps.push(sample);
    const home = temp('fpcast-pre-commit-home-');
    const r = run('pre-commit', ['try-repo', snapshot, '--all-files'], sample, { PRE_COMMIT_HOME: home, ...NPM_QUIET, NO_COLOR: '1', PRE_COMMIT_COLOR: 'never' });
    const output = r.stdout;
    const checkStart = output.search(/^fpcast \(function signatures that trap in WebAssembly\)\.+Failed$/m);
    const fixStart = output.search(/^fpcast fix \(function signatures that trap in WebAssembly\)\.+Failed$/m);
    expect(checkStart, output).toBeGreaterThanOrEqual(0);
    expect(fixStart, output).toBeGreaterThan(checkStart);
    const checkOutput = output.slice(checkStart, fixStart);
    const fixOutput = output.slice(fixStart);
    expect(checkOutput).toMatch(/^src\/broken\.c:16:27: error: METH_NOARGS method 'solo_ping' takes 1 parameter; CPython calls it with 2 \(self, NULL\) \[meth-arity\]$/m);
    expect(checkOutput).not.toMatch(/clean\.c/);
    expect(fixOutput).toMatch(/files were modified by this hook/);
    expect(fixOutput).toMatch(/^src\/broken\.c:4:1: fixed 'solo_ping': added PyObject \*Py_UNUSED\(ignored\) \[meth-arity\]$/m);
    expect(r.status).toBe(1);
    expect(readFileSync(path.join(sample, 'src', 'broken.c'), 'latin1')).toBe(
      BROKEN_C.replace('solo_ping(PyObject *module)\n', 'solo_ping(PyObject *module, PyObject *Py_UNUSED(ignored))\n'),
    );
    expect(readFileSync(path.join(sample, 'src', 'clean.c'), 'latin1')).toBe(CLEAN_C);
  }, INSTALL_TIMEOUT);
});
