// `npm run bench [-- DIR] [--runs N] [--mb N] [--seed N] [--args "…"] [--ast-grep PATH] [--keep]`
//
// Measures, as whole processes and in one run (interleaved, so that a busy
// moment on a shared machine hits every row alike): `fpcast check`, the same
// with --no-prefilter, `fpcast fix` on a fresh copy, a one-file `check` (what
// pre-commit does), Node's own start-up, a raw tree-sitter parse of the same
// files on one and on two threads, and, given its binary, ast-grep's scan of
// the same tree for one pattern on two threads (the tool issue 8 measures
// fpcast against). Prints medians, min/max, CPU time, peak memory and the
// ratios to the raw parse. Without DIR it generates the synthetic tree (fixed
// seed) in a temporary directory. Figures are printed, never asserted.

import { spawn } from 'node:child_process';
import { accessSync, constants, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discover, DEFAULT_INCLUDE } from '../src/discover/discover.js';
import { loadPyproject } from '../src/config/pyproject.js';
import { mayHoldTable } from '../src/extract/outline.js';
import { readSources } from '../src/source/read.js';
import { generateTree } from './generate.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const FPCAST = path.join(ROOT, 'bin/fpcast.cjs');
const RAW_PARSE = path.join(HERE, 'raw-parse.js');
const USAGE_HOOK = path.join(HERE, 'usage-hook.cjs');
/** What ast-grep looks for: the method tables (it parses every file either way). */
const AST_GREP_PATTERN = 'static PyMethodDef $NAME[] = $TABLE;';
/** Issue 8's memory target, for the whole-tree check and fix. */
const MAX_MIB = 300;

interface Sample {
  wall: number;
  cpu: number;
  maxRssMiB: number;
  code: number;
}

interface Row {
  label: string;
  /** The program run (default: node). */
  program?: string;
  command: string[];
  cwd: string;
  /** Exit codes that mean the command did its job. */
  ok: number[];
  /** Runs before each sample, untimed (a fresh copy for `fix`). */
  prepare?: () => string;
  samples: Sample[];
  /** Time each sample in a process without the usage hook, and take CPU and
   * memory from a second, hooked run: for the short runs, where the hook's
   * own milliseconds would count against an absolute target. */
  timedBare?: boolean;
  /** Environment variables to change for this row (undefined: unset). */
  env?: Record<string, string | undefined>;
  target?: { of: 'raw2'; ratio: number } | { seconds: number };
  /** The memory target, on the whole runs. */
  maxMiB?: number;
}

function usage(): never {
  process.stderr.write('usage: npm run bench [-- DIR] [--runs N] [--mb N] [--seed N] [--args "extra fpcast args"] [--ast-grep PATH] [--keep]\n');
  process.exit(2);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function parseArgs(argv: string[]) {
  const out = { dir: undefined as string | undefined, runs: 5, mb: 20, seed: 1, extra: [] as string[], astGrep: undefined as string | undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? usage();
    if (a === '--runs') out.runs = Number(next());
    else if (a === '--mb') out.mb = Number(next());
    else if (a === '--seed') out.seed = Number(next());
    else if (a === '--args') out.extra = next().split(/\s+/).filter(Boolean);
    else if (a === '--ast-grep') out.astGrep = path.resolve(next());
    else if (a === '--keep') out.keep = true;
    else if (a.startsWith('--') || out.dir) usage();
    else out.dir = path.resolve(a);
  }
  if (!(out.runs >= 1) || !(out.mb > 0)) usage();
  if (out.astGrep && !isExecutable(out.astGrep)) {
    process.stderr.write(`bench: --ast-grep: '${out.astGrep}' is not an executable file; give the path of an ast-grep binary (npm i @ast-grep/cli puts one in node_modules/.bin/ast-grep)\n`);
    process.exit(2);
  }
  return out;
}

/** Run one command as a whole process: wall time from spawn to exit and,
 * with `usage`, CPU and peak memory from the process itself (all its threads;
 * a node process only, through the usage hook). */
function measure(program: string | undefined, command: string[], cwd: string, usage: boolean, envChanges: Row['env'] = {}): Promise<Sample & { stderr: string }> {
  const usageFile = path.join(tmpdir(), `fpcast-bench-usage-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...envChanges };
  for (const [name, value] of Object.entries(envChanges)) if (value === undefined) delete env[name];
  // Another program than node cannot load the usage hook.
  usage &&= !program;
  if (usage) env.FPCAST_BENCH_USAGE = usageFile;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(program ?? process.execPath, usage ? ['--require', USAGE_HOOK, ...command] : command, {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      let usage = { userCPUTime: NaN, systemCPUTime: NaN, maxRSS: NaN };
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      } catch {
        /* the child died before its exit hook ran */
      }
      resolve({ wall, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssMiB: usage.maxRSS / 1024, code: code ?? -1, stderr });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const temps: string[] = [];
  let dir = args.dir;
  let origin: string;
  if (!dir) {
    dir = mkdtempSync(path.join(tmpdir(), 'fpcast-bench-tree-'));
    temps.push(dir);
    const stats = generateTree(dir, { bytes: args.mb * 1024 * 1024, seed: args.seed });
    origin = `synthetic tree (seed ${args.seed}, ${stats.methods} methods, ${stats.broken} broken on purpose) in ${dir}`;
  } else {
    origin = dir;
  }

  // The same files fpcast analyzes (its [tool.fpcast] include and exclude
  // apply; read as it reads them: Cython output, binary and oversized files
  // left out), each read once.
  const settings = loadPyproject(dir, dir)?.settings;
  const found = await discover(['.'], { cwd: dir, include: settings?.include ?? DEFAULT_INCLUDE, exclude: settings?.exclude ?? [] });
  const sources = readSources(found.files).sources.map(({ absPath, text }) => ({ file: absPath, size: text.length, table: mayHoldTable(text) }));
  if (!sources.length) throw new Error(`no .c/.h files under ${dir}`);
  const files = sources.map((s) => s.file);
  const bytes = sources.reduce((sum, s) => sum + s.size, 0);
  const listFile = path.join(mkdtempSync(path.join(tmpdir(), 'fpcast-bench-list-')), 'files.txt');
  temps.push(path.dirname(listFile));
  writeFileSync(listFile, files.join('\n') + '\n');

  // The one-file run: a file with a table, of median size among those.
  const withTables = sources.filter((s) => s.table).sort((a, b) => a.size - b.size);
  const one = withTables[Math.floor(withTables.length / 2)] ?? sources[0];
  const oneFile = one.file;

  const rows: Row[] = [];
  const fpcast = (label: string, extra: string[], target?: Row['target']) =>
    rows.push({ label, command: [FPCAST, 'check', ...args.extra, ...extra, '.'], cwd: dir!, ok: [0, 1], samples: [], target, maxMiB: target && MAX_MIB });
  fpcast('fpcast check', [], { of: 'raw2', ratio: 0.6 });
  fpcast('fpcast check --no-prefilter', ['--no-prefilter']);
  const fixRow: Row = {
    label: 'fpcast fix (fresh copy)', command: [FPCAST, 'fix', ...args.extra, '.'], cwd: dir, ok: [0, 1], samples: [], target: { of: 'raw2', ratio: 0.75 }, maxMiB: MAX_MIB,
  };
  fixRow.prepare = () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'fpcast-bench-fix-'));
    cpSync(dir!, copy, { recursive: true });
    temps.push(copy);
    return copy;
  };
  rows.push(fixRow);
  rows.push({ label: `fpcast check ONE file`, command: [FPCAST, 'check', ...args.extra, path.relative(dir, oneFile)], cwd: dir, ok: [0, 1], samples: [], timedBare: true, target: { seconds: 0.15 } });
  // What any Node program pays before its first line runs: the part of the
  // one-file run that is not fpcast's. Node 20 reads NODE_EXTRA_CA_CERTS's
  // certificates at every start (nodejs/node#40524), so where it is set, the
  // start-up without it is shown too.
  const nodeAlone = (label: string, env?: Row['env']): Row => ({ label, command: ['-e', '0'], cwd: dir!, ok: [0], samples: [], timedBare: true, env });
  rows.push(nodeAlone('node start-up alone (node -e 0)'));
  if (process.env.NODE_EXTRA_CA_CERTS) rows.push(nodeAlone('  the same, NODE_EXTRA_CA_CERTS unset', { NODE_EXTRA_CA_CERTS: undefined }));
  const raw1: Row = { label: 'raw tree-sitter parse, 1 thread', command: [RAW_PARSE, '--threads', '1', '--list', listFile], cwd: dir, ok: [0], samples: [] };
  const raw2: Row = { label: 'raw tree-sitter parse, 2 threads', command: [RAW_PARSE, '--threads', '2', '--list', listFile], cwd: dir, ok: [0], samples: [] };
  rows.push(raw1, raw2);
  // Its wall time only (CPU and memory come from node's usage hook); it exits 1 when nothing matches.
  if (args.astGrep) rows.push({ label: 'ast-grep, one pattern, 2 threads', program: args.astGrep, command: ['run', '--pattern', AST_GREP_PATTERN, '--lang', 'c', '--threads', '2', '.'], cwd: dir, ok: [0, 1], samples: [] });

  const loadBefore = loadavg()[0];
  for (let run = 0; run < args.runs; run++) {
    for (const row of rows) {
      const cwd = row.prepare?.() ?? row.cwd;
      const sample = await measure(row.program, row.command, cwd, true, row.env);
      if (!row.ok.includes(sample.code)) {
        throw new Error(`${row.label} exited with ${sample.code}:\n${sample.stderr.slice(0, 2000)}`);
      }
      if (row.timedBare) sample.wall = (await measure(row.program, row.command, cwd, false, row.env)).wall;
      row.samples.push(sample);
      if (cwd !== row.cwd) rmSync(cwd, { recursive: true, force: true });
    }
    process.stderr.write(`run ${run + 1}/${args.runs} done\n`);
  }
  const loadAfter = loadavg()[0];

  const raw1Median = median(raw1.samples.map((s) => s.wall));
  const raw2Median = median(raw2.samples.map((s) => s.wall));
  const lines: string[][] = [['', 'median s', 'min s', 'max s', 'CPU s', 'peak MiB', '× raw 2 thr', '× raw 1 thr', 'target']];
  for (const row of rows) {
    const walls = row.samples.map((s) => s.wall);
    const m = median(walls);
    const peak = Math.max(...row.samples.map((s) => s.maxRssMiB));
    const target = !row.target ? '' : ('seconds' in row.target ? `≤ ${row.target.seconds} s` : `≤ ${row.target.ratio}×`) + (row.maxMiB ? `, ≤ ${row.maxMiB} MiB` : '');
    const fast = !row.target || ('seconds' in row.target ? m <= row.target.seconds : m / raw2Median <= row.target.ratio);
    const met = fast && (!row.maxMiB || peak <= row.maxMiB);
    lines.push([
      row.label, fmt(m), fmt(Math.min(...walls)), fmt(Math.max(...walls)), fmt(median(row.samples.map((s) => s.cpu))),
      fmt(peak, 0), fmt(m / raw2Median), fmt(m / raw1Median),
      target ? `${target} ${met ? 'met' : 'MISSED'}` : '',
    ]);
  }
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const out = [
    `fpcast benchmark: ${files.length} files, ${fmt(bytes / 1024 / 1024, 1)} MiB (${withTables.length} files may hold a table); ${origin}`,
    `one-file run: ${path.relative(dir, oneFile)} (${fmt(one.size / 1024, 0)} KiB); it and node's start-up are timed without the usage hook`,
    `${args.runs} runs each, interleaved; node ${process.version}, ${availableParallelism()} cores, load average ${fmt(loadBefore)} before, ${fmt(loadAfter)} after`,
    args.extra.length ? `extra fpcast arguments: ${args.extra.join(' ')}` : '',
    '',
    ...lines.map((l) => l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')),
  ].filter((l, i) => l !== '' || i === 4);
  process.stdout.write(out.join('\n') + '\n');
  if (!args.keep) for (const t of temps) rmSync(t, { recursive: true, force: true });
  else if (!args.dir) process.stdout.write(`kept the tree in ${dir}\n`);
}

await main();
