// The bundle bin/fpcast.cjs starts (dist/bundle/fpcast.cjs, see bin/load.cjs
// and scripts/bundle.mjs) is the same program as dist/src: same help (in
// yargs' translations too), same findings and fixes; it is used when it is
// up to date, with V8's code cache, and a one-file run starts no worker;
// on a larger tree its own worker script runs.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTree } from '../../bench/generate.js';
import { DEFAULT_IN_PROCESS_BELOW } from '../../src/extract/pool.js';
import { readTree, removeDir, tempCopy, tempDir } from '../support/cli.js';
import { corpusCases } from '../support/corpus.js';
import { REPO } from '../support/paths.js';
import { ensureBuilt, runBuilt } from './built.js';

/** The CLI from dist/src, as a child process (the bundle's twin). */
function runUnbundled(args: string[], cwd: string, env: Record<string, string> = {}) {
  const script = `const { main } = await import(${JSON.stringify(path.join(REPO, 'dist/src/cli/main.js'))});
process.exitCode = await main(process.argv.slice(1), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, '--', ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'latin1' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the bundle', () => {
  beforeAll(() => ensureBuilt());

  it('is built, up to date, and loads with its code cache', () => {
    expect(existsSync(path.join(REPO, 'dist/bundle/fpcast.cjs'))).toBe(true);
    const probe = `const m = await import(${JSON.stringify(path.join(REPO, 'bin/load.cjs'))}); const r = await m.loadMain(); console.log(JSON.stringify({ bundled: r.bundled, cache: r.codeCacheUsed }));`;
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
    expect(JSON.parse(out.stdout)).toEqual({ bundled: true, cache: true });
  });

  it('does not use a code cache made from other bytes of the bundle, even of the same length', () => {
    const dir = tempDir('fpcast-bundle-cache-');
    try {
      cpSync(path.join(REPO, 'bin'), path.join(dir, 'bin'), { recursive: true });
      cpSync(path.join(REPO, 'dist/bundle'), path.join(dir, 'dist/bundle'), { recursive: true });
      symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
      const load = () => {
        const probe = `const m = await import(${JSON.stringify(path.join(dir, 'bin/load.cjs'))}); const r = await m.loadMain(); console.log(JSON.stringify({ bundled: r.bundled, cache: r.codeCacheUsed, main: typeof r.main }));`;
        const out = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
        expect(out.stderr).toBe('');
        return JSON.parse(out.stdout);
      };
      expect(load()).toEqual({ bundled: true, cache: true, main: 'function' });
      // A comment of the bundle changed, its length kept: V8's own check of a
      // cache compares the source's length only.
      const bundle = path.join(dir, 'dist/bundle/fpcast.cjs');
      const text = readFileSync(bundle, 'latin1');
      const comment = '// dist/src/cli/main.js\n';
      expect(text).toContain(comment);
      writeFileSync(bundle, text.replace(comment, comment.toUpperCase()), 'latin1');
      expect(load()).toEqual({ bundled: true, cache: false, main: 'function' });
    } finally {
      removeDir(dir);
    }
  });

  it('prints the same help, translated by yargs as well', () => {
    for (const lang of ['C', 'de_DE.UTF-8']) {
      const env = { LANG: lang, LC_ALL: lang };
      for (const args of [['--help'], ['check', '--help'], ['rules']]) {
        const a = runBuilt(args, REPO, env);
        const b = runUnbundled(args, REPO, env);
        expect(a.stdout, `${lang} ${args.join(' ')}`).toBe(b.stdout);
        expect(a.code).toBe(b.code);
      }
    }
    expect(runBuilt(['--help'], REPO, { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }).stdout).toMatch(/Optionen:/);
  });

  it('runs its own worker script on a tree large enough to start worker threads', () => {
    const dir = tempDir('fpcast-bundle-workers-');
    try {
      generateTree(dir, { bytes: 1024 * 1024, seed: 5 });
      const bytes = [...readTree(dir).values()].reduce((sum, b) => sum + b.length, 0);
      expect(bytes).toBeGreaterThan(DEFAULT_IN_PROCESS_BELOW);
      const threaded = runBuilt(['check', '--jobs', '2', '.'], dir);
      const alone = runUnbundled(['check', '--jobs', '1', '.'], dir);
      expect(threaded.stderr).toBe(alone.stderr);
      expect(threaded.stdout).toBe(alone.stdout);
      expect(threaded.code).toBe(1);
    } finally {
      removeDir(dir);
    }
  });

  it('finds and fixes the same as dist/src', () => {
    for (const c of corpusCases().slice(0, 8)) {
      const a = tempCopy(c.input, 'fpcast-bundle-');
      const b = tempCopy(c.input, 'fpcast-bundle-');
      try {
        for (const command of ['check', 'fix']) {
          const ra = runBuilt([command, ...c.args, '.'], a);
          const rb = runUnbundled([command, ...c.args, '.'], b);
          expect(ra.stdout, c.name).toBe(rb.stdout);
          expect(ra.stderr, c.name).toBe(rb.stderr);
          expect(ra.code, c.name).toBe(rb.code);
        }
        expect(readTree(a)).toEqual(readTree(b));
      } finally {
        removeDir(a);
        removeDir(b);
      }
    }
  });
});
