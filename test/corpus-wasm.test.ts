// The wasm oracle judges every corpus case (issue: "Prove every fix in a real
// WebAssembly engine"). For each case, compiled to wasm32 and every registered
// function called the way CPython calls it:
//   before the fix, the functions that trap are exactly those fpcast reports
//   (no finding without a trap, no trap without a finding), and no entry fails
//   otherwise, except through the trap wasm-ld links in for a call through a
//   declaration that disagrees with its definition, which decl-mismatch reports;
//   after `fpcast fix`, the case still compiles with the same entries (same
//   table and role at each position: a wrapper renames the function), every
//   entry that ran or trapped unrefused now runs, refused entries are
//   untouched (they still trap or fail), and the compiler has no more
//   warnings than before.
// A case the oracle cannot judge says why in case.json ("wasm": false, "why");
// a test below requires the reason.

import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/check/types.js';
import { selectedRules } from '../rules/index.js';
import { analyze } from '../src/pipeline.js';
import { pipelineOptions, readTree, removeDir, runCli, tempCopy } from './support/cli.js';
import { caseOptions, corpusCases } from './support/corpus.js';
import { runExtension, type WasmEntry, type WasmRun } from './wasm/harness.js';

type Compiled = Extract<WasmRun, { ok: true }>;

function compiled(run: WasmRun, when: string): Compiled {
  if (!run.ok) throw new Error(`the case does not compile ${when} the fix:\n${run.compileError}`);
  return run;
}

/** Where an entry is registered: the same before and after any fix. */
const slotOf = (entry: WasmEntry, index: number) => `${entry.table} ${entry.role} #${index}`;

/** wasm-ld links a call through a declaration whose signature differs from
 * the definition's to a stub named `signature_mismatch:NAME` that traps: the
 * functions among `declMismatched` such a failure names. */
function declMismatchTraps(entry: WasmEntry, declMismatched: Set<string>): string[] {
  return [...declMismatched].filter((name) => entry.message?.includes(`signature_mismatch:${name}`));
}

/** What an entry must do after the fix, given what it did before. */
function statusAfterFix(entry: WasmEntry, declMismatched: Set<string>, refused: Set<string>): WasmEntry['status'] {
  if (entry.status === 'ok') return 'ok';
  if (entry.status === 'trap') return refused.has(entry.func) ? 'trap' : 'ok';
  return declMismatchTraps(entry, declMismatched).some((name) => refused.has(name)) ? 'error' : 'ok';
}

const declMismatchesOf = (findings: Finding[]) => new Set(findings.filter((f) => f.rule === 'decl-mismatch').map((f) => f.func));

/** Build and run the case's files: one extension, or one per unit directory. */
async function runCase(dir: string, units: string[] | undefined, extraFlags: string[] = []): Promise<WasmRun> {
  const files = [...readTree(dir)];
  if (!units) return runExtension(Object.fromEntries(files), { extraFlags });
  const runs = await Promise.all(units.map((unit) => runExtension(Object.fromEntries(files.filter(([f]) => f.startsWith(`${unit}/`))), { extraFlags })));
  const failed = runs.find((r) => !r.ok);
  if (failed) return failed;
  return { ok: true, entries: runs.flatMap((r) => (r.ok ? r.entries : [])), warnings: runs.flatMap((r) => (r.ok ? r.warnings : [])) };
}

const traps = (entries: WasmEntry[]) => new Set(entries.filter((e) => e.status === 'trap').map((e) => e.func));
const sorted = (names: Iterable<string>) => [...names].sort();

describe('corpus cases the oracle does not judge', () => {
  it('each says why in case.json ("why")', () => {
    const unexplained = corpusCases().filter((c) => !c.wasm && !c.why?.trim()).map((c) => c.name);
    expect(unexplained).toEqual([]);
  });
});

for (const c of corpusCases().filter((c) => c.wasm)) {
  describe(`corpus/${c.name} in WebAssembly`, () => {
    it('traps exactly where fpcast reports, and nowhere after the fix', async () => {
      const options = caseOptions(c.args);
      const work = tempCopy(c.input, 'fpcast-wasm-');
      try {
        const before = compiled(await runCase(work, c.wasmUnits, c.wasmFlags), 'before');
        expect(before.entries.length, 'the oracle found no registered functions: does the case register its tables in PyInit?').toBeGreaterThan(0);

        const analysis = await analyze(pipelineOptions(work, { rules: selectedRules(options), unusedParam: options.unusedParam, strategy: options.strategy }));
        const reported = new Set(analysis.findings.filter((f) => f.expectation && f.severity === 'error').map((f) => f.func));
        expect(sorted(traps(before.entries)), 'functions that trap vs functions fpcast reports').toEqual(sorted(reported));
        const declMismatched = declMismatchesOf(analysis.findings);
        for (const [i, entry] of before.entries.entries()) {
          if (entry.status !== 'error') continue;
          expect(declMismatchTraps(entry, declMismatched), `${slotOf(entry, i)} ('${entry.func}') fails before the fix (${entry.message}), and no decl-mismatch finding names it`).not.toEqual([]);
        }
        const refused = new Set(analysis.plans.filter((p) => p.refusal).map((p) => p.func));

        const fix = await runCli(['fix', ...c.args, '.'], work);
        expect(fix.stderr).not.toMatch(/internal error/);
        const after = compiled(await runCase(work, c.wasmUnits, c.wasmFlags), 'after');

        expect(after.entries.map(slotOf), 'entries before and after').toEqual(before.entries.map(slotOf));
        const stillTrapping = sorted([...traps(before.entries)].filter((f) => refused.has(f)));
        expect(sorted(traps(after.entries)), 'after the fix only refused functions still trap').toEqual(stillTrapping);
        for (const [i, entry] of before.entries.entries()) {
          const now = after.entries[i];
          expect(now.status, `${slotOf(entry, i)}: '${entry.func}' was ${entry.status} before the fix, '${now.func}' is ${now.status} after (${now.message ?? 'no message'})`)
            .toBe(statusAfterFix(entry, declMismatched, refused));
        }
        expect(after.warnings.length, 'compiler warnings after the fix').toBeLessThanOrEqual(before.warnings.length);
      } finally {
        removeDir(work);
      }
    });
  });
}
