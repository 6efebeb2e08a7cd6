// Bundles the compiled CLI (dist/src, from tsc) with esbuild into one
// CommonJS file, dist/bundle/fpcast.cjs, and the extraction worker into
// dist/bundle/worker.cjs, then writes V8's code cache of the bundle after a
// sample run (scripts/code-cache.mjs). bin/load.cjs explains why; it runs
// dist/src when the bundle is missing, so a build without esbuild works too.
// The native tree-sitter addons stay outside the bundle, as do the
// dependencies the sources load with require() at run time.

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/bundle');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (error) {
  process.stderr.write(`fpcast build: esbuild is not available (${error.message}); the CLI runs unbundled from dist/src\n`);
  process.exit(0);
}

/** Rewrites of yargs's platform shim (its ESM entry's view of Node), each a
 * [what the shim says, what the bundle says instead, why]. A shim that no
 * longer says one of them fails the build, so that a yargs update is looked at. */
const YARGS_SHIM_EDITS = [
  // yargs finds its translations (--help under LANG=de_DE…) next to its own
  // module: give the shim its own location, not the bundle's.
  [/import\.meta\.url/g, '__fpcastYargsShimUrl()', 'locales'],
  // cliui and string-width (help layout) build Unicode tables when loaded,
  // a sixth of a one-file run's start-up: load them when help is written.
  [/^import cliui from 'cliui'\n/m, '', 'lazy cliui'],
  [/^import stringWidth from 'string-width';?\n/m, '', 'lazy string-width'],
  [/^const require = createRequire\(/m, 'const shimRequire = createRequire(', 'lazy loads need the bundle\'s require'],
  [/^  require,$/m, '  require: shimRequire,', 'lazy loads need the bundle\'s require'],
  [/^  cliui,$/m, '  cliui: (...args) => require(\'cliui\').default(...args),', 'lazy cliui'],
  [/^  stringWidth,$/m, '  stringWidth: (...args) => require(\'string-width\').default(...args),', 'lazy string-width'],
  // Node's assert (some 1.5 ms to load) for checks of yargs's own arguments
  // that pass on every run: load it only to throw its error (both compare
  // with Object.is).
  [/^import { notStrictEqual, strictEqual } from 'assert'\n/m, '', 'lazy assert'],
  [
    /^    notStrictEqual,\n    strictEqual\n/m,
    [
      "    notStrictEqual: (actual, expected, message) => { if (Object.is(actual, expected)) require('assert').notStrictEqual(actual, expected, message); },",
      "    strictEqual: (actual, expected, message) => { if (!Object.is(actual, expected)) require('assert').strictEqual(actual, expected, message); },",
      '',
    ].join('\n'),
    'lazy assert',
  ],
];

const yargsShim = {
  name: 'yargs-shim',
  setup(build) {
    build.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      let contents = readFileSync(args.path, 'utf8');
      for (const [from, to, why] of YARGS_SHIM_EDITS) {
        const edited = contents.replace(from, to);
        if (edited === contents) throw new Error(`fpcast build: ${args.path} no longer matches ${from} (${why}); check the yargs shim edits in scripts/bundle.mjs`);
        contents = edited;
      }
      return { contents, loader: 'js' };
    });
  },
};

rmSync(out, { recursive: true, force: true });
await esbuild.build({
  entryPoints: { fpcast: path.join(root, 'dist/src/cli/main.js'), worker: path.join(root, 'dist/src/extract/worker.js') },
  outdir: out,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Native addons load their binaries relative to their own package.
  external: ['tree-sitter', 'tree-sitter-c'],
  plugins: [yargsShim],
  // The sources' import.meta.url is the bundle's own location.
  define: { 'import.meta.url': '__fpcastUrl' },
  banner: {
    js: [
      "const __fpcastUrl = require('node:url').pathToFileURL(__filename).href;",
      // Worked out once, and without a package lookup when yargs sits in this
      // package's own node_modules (where the lookup would find it first):
      // the lookup reads yargs's package.json, some 3 ms of every start.
      // (The bundle's own directory is read here: yargs's shim declares a
      // `__dirname` of its own in this scope.)
      'const __fpcastYargsShimUrl = (() => {',
      "  const path = require('node:path');",
      "  const near = path.join(path.dirname(__filename), '..', '..', 'node_modules', 'yargs');",
      '  let url;',
      '  const locate = () =>',
      "    require('node:fs').existsSync(path.join(near, 'package.json')) ? near : path.dirname(require.resolve('yargs/package.json'));",
      "  return () => (url ??= require('node:url').pathToFileURL(path.join(locate(), 'lib/platform-shims/esm.mjs')).href);",
      '})();',
    ].join('\n'),
  },
  logLevel: 'warning',
});

const cache = spawnSync(process.execPath, [path.join(root, 'scripts/code-cache.mjs')], { stdio: 'inherit' });
if (cache.status !== 0) {
  process.stderr.write('fpcast build: could not write the code cache; the CLI works without it, only starts slower\n');
}
