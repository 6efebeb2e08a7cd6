// The built command (`node bin/fpcast.cjs`, which runs dist/) as a child
// process, the way users and hooks run it. dist/ (and its bundle) is rebuilt
// first when any source file is newer than it (`npm test` has just built it;
// a lone `vitest run` of these files may not have).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../support/paths.js';

export const BIN = path.join(REPO, 'bin', 'fpcast.cjs');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether dist/src is newer than every source, and the bundle no older
 * than dist/src (bin/load.cjs runs dist/src when it is: after a plain `tsc`,
 * tests of the bundle would compare dist/src with itself). */
function isFresh(): boolean {
  const built = path.join(REPO, 'dist', 'src', 'cli', 'main.js');
  const bundle = path.join(REPO, 'dist', 'bundle', 'fpcast.cjs');
  if (!existsSync(built) || !existsSync(bundle)) return false;
  const builtAt = statSync(built).mtimeMs;
  return builtAt >= Math.max(newestSource(path.join(REPO, 'src')), newestSource(path.join(REPO, 'rules'))) && statSync(bundle).mtimeMs >= builtAt;
}

/** Held while one test process builds: vitest runs test files in parallel
 * processes, and two builds writing dist/ at once leave it half-written. */
const BUILD_LOCK = path.join(REPO, 'dist', '.test-build.lock');
/** A lock older than this was left by a process that died mid-build. */
const STALE_LOCK_MS = 5 * 60_000;

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function ensureBuilt(): void {
  if (isFresh()) return;
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const lock = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else sleep(200);
      // Another process may have built it meanwhile.
      if (isFresh()) return;
    }
  }
  try {
    if (isFresh()) return;
    execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: REPO, stdio: 'pipe' });
    execFileSync(process.execPath, [path.join(REPO, 'scripts', 'bundle.mjs')], { cwd: REPO, stdio: 'pipe' });
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBuilt(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'latin1',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
