#!/usr/bin/env node
// The command; bin/load.js finds the build that starts fastest.
import { loadMain } from './load.js';

const { main } = await loadMain();
const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
