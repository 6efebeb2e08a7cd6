// Bundles the compiled CLI (dist/src, from tsc) with esbuild into one
// CommonJS file, dist/bundle/fpcast.cjs, and the extraction worker into
// dist/bundle/worker.cjs, then writes V8's code cache of the bundle after a
// sample run (scripts/code-cache.mjs). bin/load.js explains why; it runs
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

/** yargs finds its translations (--help under LANG=de_DE…) next to its own
 * module: give its platform shim its own location, not the bundle's. */
const yargsLocales = {
  name: 'yargs-locales',
  setup(build) {
    build.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replaceAll('import.meta.url', '__fpcastYargsShimUrl()');
      if (contents === source) throw new Error(`fpcast build: ${args.path} no longer reads import.meta.url; check how yargs finds its locales`);
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
  plugins: [yargsLocales],
  // The sources' import.meta.url is the bundle's own location.
  define: { 'import.meta.url': '__fpcastUrl' },
  banner: {
    js: [
      "const __fpcastUrl = require('node:url').pathToFileURL(__filename).href;",
      "const __fpcastYargsShimUrl = () => require('node:url').pathToFileURL(require('node:path').join(require('node:path').dirname(require.resolve('yargs/package.json')), 'lib/platform-shims/esm.mjs')).href;",
    ].join('\n'),
  },
  logLevel: 'warning',
});

const cache = spawnSync(process.execPath, [path.join(root, 'scripts/code-cache.mjs')], { stdio: 'inherit' });
if (cache.status !== 0) {
  process.stderr.write('fpcast build: could not write the code cache; the CLI works without it, only starts slower\n');
}
