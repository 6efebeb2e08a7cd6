// Property-based fuzzing of check/fix/diff on generated and damaged modules
// (see generators.ts for what is generated, properties.ts for what must hold).
//
// `npm test` runs a small budget; `npm run fuzz -- --runs 5000` a long one.
// FPCAST_FUZZ_RUNS sets the number of cases, FPCAST_FUZZ_SEED replays a run
// (fast-check prints the seed and path of a failure; FPCAST_FUZZ_PATH too).

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { caseArb } from './generators.js';
import { checkCase, newStats } from './properties.js';

const runs = Number(process.env.FPCAST_FUZZ_RUNS ?? 120);
const seed = process.env.FPCAST_FUZZ_SEED === undefined ? undefined : Number(process.env.FPCAST_FUZZ_SEED);
const replayPath = process.env.FPCAST_FUZZ_PATH;
/** Every this many non-empty diffs, also `git apply` it (slower than jsdiff). */
const GIT_APPLY_EVERY = 10;

const stats = newStats();
const started = Date.now();

afterAll(() => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const refusals = Object.entries(stats.refusals).map(([r, n]) => `${r} ${n}`).join(', ') || 'none';
  console.log(
    `fuzz: ${stats.cases} cases in ${seconds}s (${stats.damaged} damaged; ${stats.withFindings} with findings; ` +
      `${stats.fixes} fixes in ${stats.fixedFiles} files, ${stats.parseErrorFiles} of them with parse errors; ` +
      `refusals: ${refusals}; ${stats.gitApplied} diffs checked with git apply)`,
  );
});

describe('fuzz: generated and damaged modules', () => {
  it(`keeps every property over ${runs} cases`, async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        await checkCase(c, { gitApplyEvery: GIT_APPLY_EVERY, stats });
      }),
      { numRuns: runs, seed, path: replayPath, endOnFailure: false },
    );
    expect(stats.cases).toBeGreaterThanOrEqual(runs);
    // A budget in which nothing was fixed would prove little.
    expect(stats.fixes).toBeGreaterThan(0);
  }, Math.max(120_000, runs * 2_000));
});
