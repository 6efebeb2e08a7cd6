// SIGINT / SIGTERM in the middle of `fix` on a large tree: every file is
// byte for byte either its original or its fully fixed version, no temp file
// is left behind, and fpcast exits 130 / 143 saying what it fixed and what it
// left. The signal is sent once the child has renamed a few fixed files into
// place (seen through fs.watch), so the test knows the kill landed mid-way;
// it retries with a larger tree if the run was over before the signal came,
// and asserts that some files were fixed and some not — otherwise it would
// prove nothing.

import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, watch } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { InterruptGuard, interruptedLines } from '../../src/emit/interrupt.js';
import { BIN, ensureBuilt } from '../cli/built.js';
import { runCli } from '../support/cli.js';
import { brokenModule, fixedModule, layout, workDir } from './support.js';

const NAME = /^mod_\d+\.c$/;
const fileName = (i: number) => `mod_${String(i).padStart(5, '0')}.c`;

interface Tree {
  dir: string;
  files: string[];
  original: Map<string, Buffer>;
  fixed: Map<string, Buffer>;
}

/** `count` modules with one fixable finding each, and what `fix` makes of them
 * (from a real `fix` run on a copy, checked against the expected text). */
async function makeTree(count: number): Promise<Tree> {
  const dir = workDir('fpcast-interrupt-src-');
  const entries: Record<string, string> = {};
  for (let i = 0; i < count; i++) entries[fileName(i)] = brokenModule(`mod_${i}`);
  layout(dir, entries);
  const files = Object.keys(entries).sort();
  const copy = workDir('fpcast-interrupt-fixed-');
  cpSync(dir, copy, { recursive: true });
  const r = await runCli(['fix', '-q', '.'], copy);
  expect(r.code).toBe(0);
  const original = new Map(files.map((f) => [f, readFileSync(path.join(dir, f))]));
  const fixed = new Map(files.map((f) => [f, readFileSync(path.join(copy, f))]));
  files.forEach((f, i) => expect(fixed.get(f)!.toString('latin1')).toBe(fixedModule(`mod_${i}`)));
  return { dir, files, original, fixed };
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  sent: boolean;
  dir: string;
}

/** Run `fix` on a copy of the tree and send `signal` once `after` fixed files
 * have been renamed into place. */
function interruptedFix(tree: Tree, signal: 'SIGINT' | 'SIGTERM', after: number): Promise<Outcome> {
  const dir = workDir('fpcast-interrupt-run-');
  cpSync(tree.dir, dir, { recursive: true });
  return new Promise((resolve, reject) => {
    const renamed = new Set<string>();
    let sent = false;
    let stderr = '';
    const child = spawn(process.execPath, [BIN, 'fix', '-q', '.'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.setEncoding('latin1').on('data', (chunk: string) => (stderr += chunk));
    // A rename into place shows up as a 'rename' event for the file's own
    // name; the temp files have a suffix and do not match NAME.
    const watcher = watch(dir, (event, name) => {
      if (event !== 'rename' || !name || !NAME.test(name) || sent) return;
      renamed.add(name);
      if (renamed.size >= after) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('close', (code, sig) => {
      watcher.close();
      resolve({ code, signal: sig, stderr, sent, dir });
    });
  });
}

function classify(tree: Tree, dir: string): { fixed: string[]; original: string[]; other: string[] } {
  const out = { fixed: [] as string[], original: [] as string[], other: [] as string[] };
  for (const file of tree.files) {
    const bytes = readFileSync(path.join(dir, file));
    if (bytes.equals(tree.fixed.get(file)!)) out.fixed.push(file);
    else if (bytes.equals(tree.original.get(file)!)) out.original.push(file);
    else out.other.push(file);
  }
  return out;
}

beforeAll(() => ensureBuilt(), 300_000);

describe('interrupting fix', () => {
  for (const [signal, exitCode] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} mid-way leaves every file original or fully fixed, and no temp file`, async () => {
      let count = 300;
      let outcome: Outcome | undefined;
      let tree: Tree | undefined;
      let split: ReturnType<typeof classify> | undefined;
      for (let attempt = 0; attempt < 6; attempt++) {
        tree ??= await makeTree(count);
        outcome = await interruptedFix(tree, signal, 3);
        split = classify(tree, outcome.dir);
        if (split.fixed.length && split.original.length) break;
        // Too fast: the run was over before the signal landed. Try a larger tree.
        count *= 2;
        tree = undefined;
      }
      expect(outcome!.sent).toBe(true);
      expect(outcome!.signal).toBeNull();
      expect(outcome!.code).toBe(exitCode);
      const { fixed, original, other } = split!;
      expect(other).toEqual([]);
      expect(fixed.length).toBeGreaterThanOrEqual(3);
      expect(original.length).toBeGreaterThan(0);
      expect(readdirSync(outcome!.dir).filter((name) => !NAME.test(name))).toEqual([]);
      expect(outcome!.stderr).toContain(
        `fpcast: interrupted by ${signal}: fixed ${fixed.length} files, left ${original.length} untouched; no file is half-written. Run 'fpcast fix' again to finish.`,
      );
      expect(outcome!.stderr).toMatch(new RegExp(`^fpcast: fixed: ${fixed.slice(0, 10).join(', ').replace(/\./g, '\\.')}`, 'm'));
      expect(outcome!.stderr).toMatch(new RegExp(`^fpcast: left untouched: ${original.slice(0, 10).join(', ').replace(/\./g, '\\.')}`, 'm'));

      // Running fix again finishes the job.
      const again = await runCli(['fix', '-q', '.'], outcome!.dir);
      expect(again.code).toBe(0);
      expect(classify(tree!, outcome!.dir).fixed).toHaveLength(tree!.files.length);
    });
  }

});

describe('InterruptGuard', () => {
  it('a first signal only sets the flag; a second exits at once with the signal\'s code', () => {
    const listeners = process.listenerCount('SIGINT');
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const seen: string[] = [];
    const guard = InterruptGuard.install((signal) => seen.push(signal));
    try {
      process.emit('SIGTERM');
      expect(guard.signal).toBe('SIGTERM');
      expect(guard.exitCode).toBe(143);
      expect(seen).toEqual(['SIGTERM']);
      expect(exit).not.toHaveBeenCalled();
      process.emit('SIGINT');
      expect(exit).toHaveBeenCalledWith(130);
    } finally {
      guard.dispose();
      exit.mockRestore();
    }
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it('says how far it got, sorted, listing at most ten files of each kind', () => {
    const written = ['b.c', 'a.c'];
    const untouched = Array.from({ length: 12 }, (_, i) => `u${String(i).padStart(2, '0')}.c`);
    expect(interruptedLines('SIGINT', written, untouched)).toEqual([
      "fpcast: interrupted by SIGINT: fixed 2 files, left 12 untouched; no file is half-written. Run 'fpcast fix' again to finish.",
      'fpcast: fixed: a.c, b.c',
      'fpcast: left untouched: u00.c, u01.c, u02.c, u03.c, u04.c, u05.c, u06.c, u07.c, u08.c, u09.c and 2 more',
    ]);
  });
});
