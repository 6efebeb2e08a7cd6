#!/usr/bin/env node
// The command; bin/load.cjs finds the build that starts fastest. CommonJS,
// as load.cjs is: Node starts a CommonJS entry sooner than an ES module one
// (a one-file run took 127 ms instead of 133, medians of 20 runs).
'use strict';
const { loadMain } = require('./load.cjs');

loadMain()
  .then(({ main }) => main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }))
  .then((code) => {
    process.exitCode = code;
  });
