// Unified diffs that `git apply` and `patch -p1` accept from the working
// directory: `a/<path>` → `b/<path>`, three lines of context like git.
// Texts are Latin-1 views of bytes, so the patch's bytes are the files' bytes.

import { createRequire } from 'node:module';

// jsdiff is loaded on first use: `check` never diffs.
const require = createRequire(import.meta.url);
const jsdiff = (): typeof import('diff') => require('diff');

export function fileDiff(path: string, before: string, after: string): string {
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = jsdiff();
  const body = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  return `diff --git a/${path} b/${path}\n${body}`;
}

export function projectDiff(files: { path: string; before: string; after: string }[]): string {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => fileDiff(f.path, f.before, f.after)).join('');
}
