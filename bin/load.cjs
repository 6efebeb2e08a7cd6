// How bin/fpcast.cjs starts the command quickly (a one-file run, what
// pre-commit does on every commit, is mostly start-up):
// - dist/bundle/fpcast.cjs, the whole CLI in one CommonJS file made by
//   scripts/bundle.mjs, instead of a hundred ES modules (loading many ES
//   modules is slow in Node 20);
// - V8's code cache of that file (dist/bundle/fpcast.cjs.cache, written by the
//   build after a sample run), so that its functions are not compiled again
//   on every run. The cache starts with a copy of the bundle it was made
//   from, compared byte for byte (a hash would cost more: node:crypto alone
//   takes ~2.5 ms to load, hashing the bundle ~2 ms more), and V8 itself
//   rejects a cache made by another V8 or with other flags: a stale cache is
//   never used, the bundle is then compiled as usual;
// - dist/src (tsc's output) when the bundle is missing or older than it (a
//   plain `tsc`), so a build without esbuild still works, only starts slower.

'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { setFlagsFromString } = require('node:v8');
const { createRequire } = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

// V8 optimizes a function once it has run through an "interrupt budget" of
// bytecode. The default budget suits programs that run for minutes: in a run
// of a second or two most optimizing compiles (over 200 per run, 1.6 s of
// compiler time on the benchmark tree) finish too late to pay, and on two
// cores the compiler threads take the main thread's core. A budget 15 times
// the default saves 10 to 20% of a whole-tree run's wall time and a quarter of
// its CPU time, and the longest runs measured (6 s, --no-prefilter) gain too.
// Set before the bundle is compiled: the code cache is only accepted by a V8
// with the flags it was made with, and scripts/code-cache.mjs loads this file too.
// Flags are process-wide: the extraction workers get it as well.
setFlagsFromString('--interrupt-budget=1000000');

const root = path.resolve(__dirname, '..');
const BUNDLE = path.join(root, 'dist/bundle/fpcast.cjs');
const CACHE = `${BUNDLE}.cache`;
const UNBUNDLED = path.join(root, 'dist/src/cli/main.js');

function modified(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The CLI's `main`, from the bundle when it is there and up to date.
 * `saveCodeCache` (bundle only) writes the code cache of what ran so far. */
async function loadMain({ codeCache = true } = {}) {
  const bundled = modified(BUNDLE);
  const unbundled = modified(UNBUNDLED);
  if (bundled === undefined || (unbundled !== undefined && unbundled > bundled)) {
    return { main: (await import(pathToFileURL(UNBUNDLED).href)).main, bundled: false };
  }
  const bytes = readFileSync(BUNDLE);
  const source = bytes.toString('utf8');
  // The cache: the bundle's length (4 bytes), the bundle, V8's data.
  const header = Buffer.alloc(4);
  header.writeUInt32LE(bytes.length);
  let cachedData;
  if (codeCache) {
    try {
      const cache = readFileSync(CACHE);
      const madeFrom = cache.subarray(header.length, header.length + bytes.length);
      if (cache.subarray(0, header.length).equals(header) && madeFrom.equals(bytes)) cachedData = cache.subarray(header.length + bytes.length);
    } catch {
      // No cache: compile.
    }
  }
  // What require() does with a CommonJS file, plus the cache.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: BUNDLE, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext().call(bundle.exports, bundle.exports, createRequire(BUNDLE), bundle, BUNDLE, path.dirname(BUNDLE));
  return {
    main: bundle.exports.main,
    bundled: true,
    codeCacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    saveCodeCache() {
      const temp = `${CACHE}.${process.pid}`;
      writeFileSync(temp, Buffer.concat([header, bytes, script.createCachedData()]));
      renameSync(temp, CACHE);
    },
  };
}

module.exports = { loadMain };
