// Running fpcast's CLI in-process (the same code path as the installed
// command, minus process start-up), temp copies of test inputs, `git apply`
// of what `fpcast diff` prints, and whether the tests run in CI.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { selectedRules } from '../../rules/index.js';
import { main } from '../../src/cli/main.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import type { PipelineOptions } from '../../src/pipeline.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    // Bytes (a patch) are read back one character per byte, as fpcast reads files.
    stdout: { write: (s: string | Uint8Array) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('latin1')) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env: { NO_COLOR: '1', ...env },
  });
  return { code, stdout, stderr };
}

/** The pipeline's options for all of `cwd` as the CLI's defaults have them; `overrides` change any. */
export function pipelineOptions(cwd: string, overrides: Partial<PipelineOptions> = {}): PipelineOptions {
  const { include, exclude, unusedParam, strategy } = DEFAULT_CONFIG;
  return { paths: ['.'], cwd, include, exclude, unusedParam, strategy, rules: selectedRules(DEFAULT_CONFIG), ...overrides };
}

/** Write `files` (relative path → text as Latin-1, or bytes) under `root`, making directories; returns `root`. */
export function writeTree(root: string, files: Record<string, string | Uint8Array> | Map<string, string | Uint8Array>): string {
  for (const [name, content] of files instanceof Map ? files : Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? Buffer.from(content, 'latin1') : content);
  }
  return root;
}

export function tempCopy(source: string, prefix = 'fpcast-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(source, dir, { recursive: true });
  return dir;
}

export function tempDir(prefix = 'fpcast-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file under `root` as relative path → bytes. */
export function readTree(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full));
    }
  };
  visit(root);
  return out;
}

/** Apply a patch (as `fpcast diff` prints it: Latin-1 bytes) to the tree in
 * `dir` with `git apply`; the patch file is written outside that tree so that
 * it is not part of what the caller compares afterwards. */
export function gitApply(dir: string, patch: string): void {
  const holder = tempDir('fpcast-patch-');
  try {
    const file = path.join(holder, 'fix.patch');
    writeFileSync(file, patch, 'latin1');
    execFileSync('git', ['apply', '--whitespace=nowarn', file], { cwd: dir, stdio: 'pipe' });
  } finally {
    removeDir(holder);
  }
}

/** Whether the tests run in CI, where a missing tool is a failure rather than
 * a skip. CI services set CI to "true", some to "1" or "yes". */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.CI ?? '');
}
