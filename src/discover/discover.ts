// Paths → the source files to analyze. Directories are walked with
// fast-glob (include/exclude globs, .gitignore respected); files named on the
// command line are taken as they are. Problems are values, one per path:
// a directory named like a source file, a dangling link, a link loop, a FIFO
// or an unreadable directory each get one line and the walk goes on.

import type { Ignore } from 'ignore';
import { createRequire } from 'node:module';
import { constants, promises as fs, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { dirsUpToRepositoryRoot, leavesBase, toPosix } from '../source/paths.js';

// Loaded on first use: a run over files named on the command line walks no directory.
const require = createRequire(import.meta.url);
const fg: typeof import('fast-glob') = ((...args: Parameters<typeof import('fast-glob')>) => (require('fast-glob') as typeof import('fast-glob'))(...args)) as typeof import('fast-glob');
const ignore = (): Ignore => (require('ignore') as () => Ignore)();

export interface DiscoveredFile {
  /** Display path: relative to the working directory, with `/`. */
  path: string;
  absPath: string;
  /** Named on the command line (not found by walking a directory). */
  explicit: boolean;
}

export interface Problem {
  severity: 'error' | 'warning' | 'note';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** A bad invocation (exit 2) rather than a problem with one file. */
  usage?: boolean;
}

export interface DiscoverOptions {
  cwd: string;
  include: string[];
  exclude: string[];
}

export const DEFAULT_INCLUDE = ['**/*.c', '**/*.h'];
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

export function displayPath(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath);
  return toPosix(rel === '' ? '.' : rel);
}

export async function discover(paths: string[], options: DiscoverOptions): Promise<{ files: DiscoveredFile[]; problems: Problem[] }> {
  const files: DiscoveredFile[] = [];
  const problems: Problem[] = [];
  // One entry per real file, so a file reached through a symlink and through
  // `..` (or named twice) is analyzed, and edited, once.
  const seen = new Set<string>();
  const add = (absPath: string, explicit: boolean) => {
    const real = realpathOr(absPath);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path: displayPath(options.cwd, absPath), absPath, explicit });
  };

  for (const given of paths) {
    const absPath = path.resolve(options.cwd, given);
    let stat: Stats;
    try {
      stat = await fs.stat(absPath);
    } catch (error) {
      problems.push({ severity: 'error', usage: true, file: given, message: describeStatError(error, given) });
      continue;
    }
    if (stat.isFile()) {
      add(absPath, true);
      continue;
    }
    if (!stat.isDirectory()) {
      problems.push({ severity: 'error', usage: true, file: given, message: `'${given}' is ${kindOf(stat)}, not a file or a directory; pass C source files or directories` });
      continue;
    }
    const walked = await walk(absPath, options);
    problems.push(...walked.problems.map((p) => ({ ...p, file: p.file && displayPath(options.cwd, p.file) })));
    if (!walked.files.length && !walked.problems.length) {
      const matching = `files matching ${options.include.join(', ')}`;
      problems.push({
        severity: 'error',
        usage: true,
        file: given,
        message: walked.gitignored
          ? `the ${walked.gitignored} ${matching} under '${given}' are all ignored by .gitignore; name the files themselves to check them`
          : `no ${matching} under '${given}'; pass a directory that holds C sources${options.exclude.length ? ', or check --exclude' : ''} (or change --include)`,
      });
    }
    for (const file of walked.files) add(file, false);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}

/** The real path, or `absPath` when it has none (a dangling link). Synchronous,
 * like reading (see read.ts): one call per file through libuv's thread pool
 * costs round trips that add up over a tree. */
function realpathOr(absPath: string): string {
  try {
    return realpathSync.native(absPath);
  } catch {
    return absPath;
  }
}

function describeStatError(error: unknown, given: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `'${given}' does not exist (or is a dangling symbolic link); check the path`;
  if (code === 'ELOOP') return `'${given}' is a symbolic link loop; point the link at a real file or pass another path`;
  if (code === 'EACCES') return `'${given}' cannot be read (permission denied); fix its permissions or pass another path`;
  if (code === 'ENOTDIR') return `'${given}' does not exist (a part of the path is not a directory); check the path`;
  return `'${given}' cannot be read (${code ?? String(error)})`;
}

type StatKind = Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isDirectory' | 'isFile'>;

const KINDS: [keyof StatKind, string][] = [
  ['isFIFO', 'a named pipe (FIFO)'],
  ['isSocket', 'a socket'],
  ['isCharacterDevice', 'a character device'],
  ['isBlockDevice', 'a block device'],
  ['isDirectory', 'a directory'],
  ['isFile', 'a file'],
];

/** What a non-regular file is, for messages. */
export function kindOf(stat: StatKind): string {
  for (const [test, name] of KINDS) if (stat[test]()) return name;
  return 'not a regular file';
}

interface Walked {
  files: string[];
  /** Files the include globs match that .gitignore leaves out. */
  gitignored: number;
  /** Problems with absolute `file` paths (made relative by the caller). */
  problems: Problem[];
}

/** Every regular file under `root` that the include globs match. fast-glob is
 * told not to follow symbolic links: a link to an ancestor would make it
 * descend until the path is too long, once per loop, and two such links
 * multiply. Linked directories are followed here instead, each real
 * directory once. */
async function walk(root: string, options: DiscoverOptions): Promise<Walked> {
  const out: Walked = { files: [], gitignored: 0, problems: [] };
  const gitignore = await gitignoreFilter(root);
  const visited = new Set<string>([realpathOr(root)]);
  const pending = [root];
  while (pending.length) {
    const dir = pending.shift()!;
    if (dir !== root) await gitignore.addNested(dir);
    await walkOne(dir, root, options, gitignore, visited, pending, out);
  }
  return out;
}

const globOptions = (cwd: string, options: DiscoverOptions) => ({
  cwd,
  ignore: [...ALWAYS_EXCLUDED, ...options.exclude],
  followSymbolicLinks: false,
  onlyFiles: false,
  dot: false,
  suppressErrors: true,
  objectMode: true as const,
});

async function walkOne(
  dir: string, root: string, options: DiscoverOptions, gitignore: GitignoreFilter,
  visited: Set<string>, pending: string[], out: Walked,
): Promise<void> {
  const kept = (rel: string, isDir = false) => !gitignore.ignores(path.relative(root, path.join(dir, rel)), isDir);

  // Every entry, to find linked directories to follow and directories that
  // cannot be read (fast-glob skips those silently).
  for (const entry of await fg('**', globOptions(dir, options))) {
    const isDir = entry.dirent.isDirectory();
    // Regular files are the second pass's business; test the cheap kind first.
    if (!isDir && !entry.dirent.isSymbolicLink()) continue;
    if (!kept(entry.path, isDir)) continue;
    const abs = path.join(dir, entry.path);
    if (isDir) {
      try {
        await fs.access(abs, constants.R_OK | constants.X_OK);
      } catch {
        out.problems.push({ severity: 'warning', file: abs, message: 'is a directory that cannot be read (permission denied); the files in it were not checked' });
      }
      continue;
    }
    let stat: Stats;
    try {
      stat = await fs.stat(abs);
    } catch {
      continue; // a dangling or looping link to a file: reported below if its name matches
    }
    if (!stat.isDirectory()) continue;
    const real = realpathOr(abs);
    if (visited.has(real) || isInside(real, [...visited])) {
      out.problems.push({ severity: 'note', file: abs, message: `is a symbolic link to '${real}', which is already searched (a link loop or a second path to it); not followed` });
      continue;
    }
    visited.add(real);
    pending.push(abs);
  }

  for (const entry of await fg(options.include, globOptions(dir, options))) {
    if (!kept(entry.path, entry.dirent.isDirectory())) {
      out.gitignored++;
      continue;
    }
    const abs = path.join(dir, entry.path);
    if (entry.dirent.isFile()) {
      out.files.push(abs);
      continue;
    }
    const problem = await entryProblem(abs, entry.dirent.isSymbolicLink());
    if (problem === 'file') out.files.push(abs);
    else out.problems.push({ severity: 'warning', file: abs, message: problem });
  }
}

/** Why a path whose name matches the include globs is not a source file, or
 * 'file' when it is one after all (a link to a regular file). */
async function entryProblem(abs: string, isLink: boolean): Promise<string> {
  let stat: Stats;
  try {
    stat = await fs.stat(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'is a dangling symbolic link; skipped';
    if (code === 'ELOOP') return 'is a symbolic link loop; skipped';
    return `cannot be read (${code ?? String(error)}); skipped`;
  }
  if (stat.isFile()) return 'file';
  const what = isLink ? `a symbolic link to ${kindOf(stat)}` : kindOf(stat);
  return `is ${what}, not a source file; skipped`;
}

function isInside(dir: string, roots: string[]): boolean {
  return roots.some((root) => {
    const rel = path.relative(root, dir);
    return !leavesBase(rel);
  });
}

interface GitignoreFilter {
  ignores(rel: string, isDir: boolean): boolean;
  /** Respect the `.gitignore` files under a linked directory too. */
  addNested(dir: string): Promise<void>;
}

/** Ignore rules from every `.gitignore` under `root` and in its ancestors up
 * to the repository root, expressed relative to `root`. */
async function gitignoreFilter(root: string): Promise<GitignoreFilter> {
  const rules: { base: string; ig: Ignore }[] = [];
  const load = async (file: string) => {
    try {
      const text = await fs.readFile(file, 'utf8');
      rules.push({ base: path.dirname(file), ig: ignore().add(text) });
    } catch {
      /* unreadable .gitignore: nothing to respect */
    }
  };
  for (const dir of dirsUpToRepositoryRoot(root)) await load(path.join(dir, '.gitignore'));
  const loadNested = async (dir: string) => {
    // Never through links: see walk().
    const nested = await fg('**/.gitignore', { cwd: dir, ignore: ALWAYS_EXCLUDED, dot: true, suppressErrors: true, absolute: true, followSymbolicLinks: false });
    for (const file of nested) if (path.dirname(file) !== root) await load(file);
  };
  await loadNested(root);
  return {
    addNested: loadNested,
    ignores(rel: string, isDir: boolean) {
      const abs = path.join(root, rel);
      return rules.some(({ base, ig }) => {
        const inner = path.relative(base, abs);
        if (inner === '' || leavesBase(inner)) return false;
        // `ignore` tells directories by a trailing slash (`build/` rules).
        return ig.ignores(toPosix(inner) + (isDir ? '/' : ''));
      });
    },
  };
}
