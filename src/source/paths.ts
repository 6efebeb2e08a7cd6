// Paths as fpcast shows them, and the directories up to the repository root.

import { existsSync } from 'node:fs';
import path from 'node:path';

export const toPosix = (p: string): string => p.split(path.sep).join('/');

/** Whether `rel`, a path from `path.relative(base, …)`, leads out of `base`
 * (`..foo.c` is a file inside it). */
export const leavesBase = (rel: string): boolean => rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);

/** `file` (absolute) relative to `base`, with `/`; absolute when it lies outside `base`. */
export function relativeOrAbsolute(base: string, file: string): string {
  const rel = path.relative(base, file);
  return toPosix(leavesBase(rel) ? file : rel);
}

/** `start` and its parents, nearest first, up to and including the first one
 * that holds `.git` (the top of the work tree), else up to the filesystem root. */
export function dirsUpToRepositoryRoot(start: string): string[] {
  const dirs: string[] = [];
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return dirs;
  }
}

/** The top of the git work tree holding `start`, else `start` itself. */
export function repositoryRoot(start: string): string {
  const top = dirsUpToRepositoryRoot(start).at(-1)!;
  return existsSync(path.join(top, '.git')) ? top : path.resolve(start);
}
