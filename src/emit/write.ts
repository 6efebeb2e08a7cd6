// Writing fixed files in place: a temp file in the same directory, fsync,
// rename over the original, same mode. A file that changed on disk since it
// was read is left alone.

import { promises as fs } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import type { SourceFile } from '../source/read.js';
import { textToBytes } from '../source/source-file.js';

export type WriteOutcome = { ok: true } | { ok: false; message: string };

export async function writeFixed(source: SourceFile, after: string): Promise<WriteOutcome> {
  let current: Buffer;
  try {
    current = await fs.readFile(source.absPath);
  } catch (error) {
    return { ok: false, message: `cannot be re-read before writing (${(error as NodeJS.ErrnoException).code}); not changed` };
  }
  if (!current.equals(source.bytes)) {
    return { ok: false, message: 'changed on disk while fpcast was running; not overwritten (run fpcast again)' };
  }
  if ((source.mode & 0o222) === 0) {
    return { ok: false, message: 'is read-only; not changed (make it writable to let fpcast fix it)' };
  }
  try {
    await writeFileAtomic(source.absPath, textToBytes(after), { mode: source.mode & 0o7777, fsync: true });
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? String(error);
    return { ok: false, message: `cannot be written (${why}); not changed` };
  }
}
