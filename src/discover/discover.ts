// Paths → the source files to analyze. Directories are walked with
// fast-glob (include/exclude globs, .gitignore respected); files named on the
// command line are taken as they are. Problems are values, one per path.

import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { promises as fs } from 'node:fs';
import path from 'node:path';

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
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

export async function discover(paths: string[], options: DiscoverOptions): Promise<{ files: DiscoveredFile[]; problems: Problem[] }> {
  const files: DiscoveredFile[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = async (absPath: string, explicit: boolean) => {
    let real: string;
    try {
      real = await fs.realpath(absPath);
    } catch {
      real = absPath;
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path: displayPath(options.cwd, absPath), absPath, explicit });
  };

  for (const given of paths) {
    const absPath = path.resolve(options.cwd, given);
    let stat;
    try {
      stat = await fs.stat(absPath);
    } catch (error) {
      problems.push({ severity: 'error', usage: true, file: given, message: describeStatError(error, given) });
      continue;
    }
    if (stat.isFile()) {
      await add(absPath, true);
      continue;
    }
    if (!stat.isDirectory()) {
      problems.push({ severity: 'error', usage: true, file: given, message: `'${given}' is neither a file nor a directory; pass C source files or directories` });
      continue;
    }
    const found = await walk(absPath, options);
    if (!found.length) {
      problems.push({ severity: 'warning', file: given, message: `no files matching ${options.include.join(', ')} under '${given}'` });
    }
    for (const file of found) await add(file, false);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}

function describeStatError(error: unknown, given: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `'${given}' does not exist; check the path`;
  if (code === 'ELOOP') return `'${given}' is a symbolic link loop`;
  if (code === 'EACCES') return `'${given}' cannot be read (permission denied)`;
  return `'${given}' cannot be read (${code ?? String(error)})`;
}

async function walk(root: string, options: DiscoverOptions): Promise<string[]> {
  const entries = await fg(options.include, {
    cwd: root,
    ignore: [...ALWAYS_EXCLUDED, ...options.exclude],
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: true,
    suppressErrors: true,
    absolute: false,
  });
  const gitignore = await gitignoreFilter(root);
  return entries.filter((rel) => !gitignore.ignores(rel)).map((rel) => path.join(root, rel));
}

/** Ignore rules from every `.gitignore` under `root` and in its ancestors up
 * to the repository root, expressed relative to `root`. */
async function gitignoreFilter(root: string): Promise<{ ignores(rel: string): boolean }> {
  const rules: { base: string; ig: Ignore }[] = [];
  const load = async (file: string) => {
    try {
      const text = await fs.readFile(file, 'utf8');
      rules.push({ base: path.dirname(file), ig: ignore().add(text) });
    } catch {
      /* unreadable .gitignore: nothing to respect */
    }
  };
  for (let dir = root; ; dir = path.dirname(dir)) {
    await load(path.join(dir, '.gitignore'));
    if (await exists(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
  }
  const nested = await fg('**/.gitignore', { cwd: root, ignore: ALWAYS_EXCLUDED, dot: true, suppressErrors: true, absolute: true });
  for (const file of nested) if (path.dirname(file) !== root) await load(file);
  return {
    ignores(rel: string) {
      const abs = path.join(root, rel);
      return rules.some(({ base, ig }) => {
        const inner = path.relative(base, abs);
        return !inner.startsWith('..') && inner !== '' && ig.ignores(inner.split(path.sep).join('/'));
      });
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
