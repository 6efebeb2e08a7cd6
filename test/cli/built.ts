// The built command (`node bin/fpcast.js`, which runs dist/) as a child
// process, the way users and hooks run it. dist/ (and its bundle) is rebuilt
// first when any source file is newer than it (`npm test` has just built it;
// a lone `vitest run` of these files may not have).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(REPO, 'bin', 'fpcast.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const built = path.join(REPO, 'dist', 'src', 'cli', 'main.js');
  const fresh = existsSync(built) && statSync(built).mtimeMs >= Math.max(newestSource(path.join(REPO, 'src')), newestSource(path.join(REPO, 'rules')));
  if (fresh) return;
  execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: REPO, stdio: 'pipe' });
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'bundle.mjs')], { cwd: REPO, stdio: 'pipe' });
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
