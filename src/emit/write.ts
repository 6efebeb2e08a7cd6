// Writing fixed files in place: a temp file in the same directory, fsync,
// rename over the original, same mode (write-file-atomic). A file that
// changed on disk since it was read is left alone. A symbolic link stays a
// link: the file it points to is replaced.

import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../source/read.js';
import { textToBytes } from '../source/source-file.js';

export type WriteOutcome = { ok: true } | { ok: false; message: string };

/** Test seam: runs after fpcast decided to write a file and before it checks
 * that the file is unchanged on disk, so a test can change it in between
 * without racing. Never set outside tests. */
export const writeHooks: { beforeCheck?: (source: SourceFile) => void | Promise<void> } = {};

function errnoWhy(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'read-only file system';
  return code ?? String(error);
}

async function writable(absPath: string): Promise<boolean> {
  try {
    await fs.access(absPath, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function writeFixed(source: SourceFile, after: string): Promise<WriteOutcome> {
  await writeHooks.beforeCheck?.(source);
  let current: Buffer;
  try {
    current = await fs.readFile(source.absPath);
  } catch (error) {
    return { ok: false, message: `cannot be re-read before writing (${errnoWhy(error)}); not changed` };
  }
  if (!current.equals(textToBytes(source.text))) {
    return { ok: false, message: 'changed on disk while fpcast was running; not overwritten (run fpcast again)' };
  }
  // The mode bits say read-only even to root, who may write anything; access()
  // catches a file another user owns.
  if ((source.mode & 0o222) === 0 || !(await writable(source.absPath))) {
    return { ok: false, message: 'is read-only; not changed (make it writable to let fpcast fix it, or use fpcast diff)' };
  }
  try {
    // Loaded on first use: `check` and `diff` write no source file.
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await writeFileAtomic(source.absPath, textToBytes(after), { mode: source.mode & 0o7777, fsync: true });
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `cannot be written (${errnoWhy(error)}); not changed` };
  }
}

/** Why `absPath` cannot take an output file (a patch), or undefined when it
 * can; checked before any work so a typo costs nothing. `option` is the
 * command-line option that named it (`-o`, `--patch-file`), for the advice. */
export async function outputPathProblem(absPath: string, shown: string, option: string): Promise<string | undefined> {
  const dir = path.dirname(absPath);
  try {
    if (!(await fs.stat(dir)).isDirectory()) return `cannot write '${shown}': '${path.dirname(shown)}' is not a directory; pick another path for ${option}`;
  } catch {
    return `cannot write '${shown}': directory '${path.dirname(shown)}' does not exist; create it or pick another path for ${option}`;
  }
  try {
    if ((await fs.stat(absPath)).isDirectory()) return `cannot write '${shown}': it is a directory; give a file name for ${option}`;
  } catch {
    /* does not exist yet: fine */
  }
  return undefined;
}

/** Write an output file (a patch) named by `option`; a message when it cannot be written. */
export async function writeOutput(absPath: string, shown: string, bytes: Buffer, option: string): Promise<string | undefined> {
  try {
    await fs.writeFile(absPath, bytes);
    return undefined;
  } catch (error) {
    return `cannot write '${shown}' (${errnoWhy(error)}); pick another path for ${option}`;
  }
}
