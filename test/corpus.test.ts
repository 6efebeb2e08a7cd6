// Every corpus case through the real CLI code path: the findings `check`
// prints, the exact bytes `fix` writes, that fixing twice changes nothing,
// that `git apply` of `diff` reproduces `fix`, and the exit code of each.
// FPCAST_UPDATE_CORPUS=1 rewrites the expectations (review the git diff!).

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitApply, readTree, removeDir, runCli, tempCopy } from './support/cli.js';
import { corpusCases } from './support/corpus.js';

const update = process.env.FPCAST_UPDATE_CORPUS === '1';
const temps: string[] = [];
afterAll(() => temps.forEach(removeDir));

function copyOf(dir: string): string {
  const tmp = tempCopy(dir, 'fpcast-corpus-');
  temps.push(tmp);
  return tmp;
}

function expectedTree(input: string, fixedDir: string): Map<string, Buffer> {
  const tree = readTree(input);
  let fixed: Map<string, Buffer>;
  try {
    fixed = readTree(fixedDir);
  } catch {
    fixed = new Map();
  }
  for (const [file, bytes] of fixed) tree.set(file, bytes);
  return tree;
}

function expectSameTree(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [file, bytes] of expected) {
    const got = actual.get(file)!;
    // Compare as Latin-1 text so a mismatch shows a readable diff, then as bytes.
    expect(got.toString('latin1'), file).toBe(bytes.toString('latin1'));
    expect(got.equals(bytes), file).toBe(true);
  }
}

function expectText(file: string, actual: string): void {
  if (update) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** The exit code of `fix` and `diff` (README, Exit codes): 1 when a finding
 * was refused or left unfixed, 0 otherwise, read from the summary line that
 * ends expected-fix.txt ("…: 2 fixed in 1 file, 1 refused, 1 left"). */
function expectedFixCode(caseDir: string): number {
  const summary = readFileSync(path.join(caseDir, 'expected-fix.txt'), 'utf8').trimEnd().split('\n').at(-1)!;
  const counts = /: \d+ fixed in \d+ files?, (\d+) refused(?:, (\d+) left)?/.exec(summary);
  if (!counts) throw new Error(`expected-fix.txt does not end with fix's summary line: ${summary}`);
  return Number(counts[1]) > 0 || Number(counts[2] ?? 0) > 0 ? 1 : 0;
}

for (const c of corpusCases()) {
  describe(`corpus/${c.name}: ${c.description}`, () => {
    it('check reports exactly the expected findings', async () => {
      const work = copyOf(c.input);
      const result = await runCli(['check', ...c.args, '.'], work);
      expect(result.stderr).not.toMatch(/internal error/);
      expectText(path.join(c.dir, 'expected-check.txt'), result.stdout);
      const hasFindings = !/ 0 findings/.test(result.stdout);
      expect(result.code).toBe(hasFindings ? 1 : 0);
    });

    it('fix writes exactly the expected bytes, and fixing again changes nothing', async () => {
      const work = copyOf(c.input);
      const result = await runCli(['fix', ...c.args, '.'], work);
      expect(result.stderr).not.toMatch(/internal error/);
      expectText(path.join(c.dir, 'expected-fix.txt'), result.stdout);
      expect(result.code, 'exit code of fix').toBe(expectedFixCode(c.dir));
      const after = readTree(work);
      if (update) {
        const fixedDir = path.join(c.dir, 'fixed');
        rmSync(fixedDir, { recursive: true, force: true });
        const before = readTree(c.input);
        for (const [file, bytes] of after) {
          if (before.get(file)?.equals(bytes)) continue;
          mkdirSync(path.dirname(path.join(fixedDir, file)), { recursive: true });
          writeFileSync(path.join(fixedDir, file), bytes);
        }
      }
      expectSameTree(after, expectedTree(c.input, path.join(c.dir, 'fixed')));

      const again = await runCli(['fix', ...c.args, '.'], work);
      expect(readTree(work)).toEqual(after);
      expect(again.stdout).not.toMatch(/: fixed '/);
    });

    it('git apply of the diff reproduces fix byte for byte', async () => {
      const work = copyOf(c.input);
      const result = await runCli(['diff', ...c.args, '.'], work);
      expect(result.stderr).not.toMatch(/internal error/);
      expect(readTree(work)).toEqual(readTree(c.input));
      expect(result.code, 'exit code of diff').toBe(expectedFixCode(c.dir));
      if (result.stdout) gitApply(work, result.stdout);
      expectSameTree(readTree(work), expectedTree(c.input, path.join(c.dir, 'fixed')));
    });
  });
}
