#!/usr/bin/env node
// `npm run fuzz -- --runs 5000 [--seed N] [--path P]`: the fuzz suite with a
// long budget. It runs test/fuzz/fuzz.test.ts under vitest with the budget in
// FPCAST_FUZZ_RUNS (and a failure's seed/path to replay it), and prints the
// case count, time and what the cases exercised when it ends.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseArgs } from 'node:util';

const usage = 'usage: npm run fuzz -- [--runs N] [--seed N] [--path P]';
let values;
try {
  ({ values } = parseArgs({
    options: {
      runs: { type: 'string', default: '1000' },
      seed: { type: 'string' },
      path: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(`${usage}\n  --runs N   number of generated cases (default 1000)\n  --seed N   replay the run with this seed (printed on failure)\n  --path P   with --seed: replay one failing case (printed on failure)`);
  process.exit(0);
}
for (const [name, value] of [['runs', values.runs], ['seed', values.seed]]) {
  if (value !== undefined && !/^-?\d+$/.test(value)) {
    console.error(`--${name}: '${value}' is not a whole number\n${usage}`);
    process.exit(2);
  }
}

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env, FPCAST_FUZZ_RUNS: values.runs };
if (values.seed !== undefined) env.FPCAST_FUZZ_SEED = values.seed;
if (values.path !== undefined) env.FPCAST_FUZZ_PATH = values.path;

const child = spawn(process.execPath, [path.join(repo, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/fuzz/fuzz.test.ts'], { cwd: repo, env, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
