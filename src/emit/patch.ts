// `diff --patch-file`: the fixes as one mbox message that `git am` turns into a
// commit, ready to send upstream: a subject, a body that says why the change
// is needed and lists every changed function with its table, a diffstat, and
// the diff. Texts are Latin-1 views of bytes, so the diff keeps the files'
// bytes; everything fpcast writes around it is ASCII (RFC 2047 for a
// non-ASCII author name).

import { fileDiff } from './diff.js';

export interface ChangedFunction {
  func: string;
  /** Repository-relative path of the definition. */
  file: string;
  /** `PyMethodDef spam_methods`, one per table that calls it. */
  tables: string[];
  summary: string;
}

export interface PatchInput {
  /** Repository-relative paths (what `git am` applies them to). */
  files: { path: string; before: string; after: string }[];
  /** In the order the body lists them. */
  functions: ChangedFunction[];
  author: { name: string; email: string };
  date: Date;
  tool: { name: string; version: string };
}

const WIDTH = 72;

export const WHY = [
  "WebAssembly's call_indirect checks that a function has exactly the type of the pointer it is called through, so a C function whose parameter list differs from the one CPython calls it with traps with \"function signature mismatch\" under Pyodide and CPython's wasm32 builds, although native ABIs let the mismatch slide.",
  'This patch gives each function below the parameters and result CPython calls it with, changing nothing else.',
];

function wrap(text: string, indent = '', first = indent): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const fresh = line === first || line === indent;
    if (!fresh && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else {
      line = fresh ? line + word : `${line} ${word}`;
    }
  }
  if (line.trim()) lines.push(line);
  return lines;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Lines added and removed per file, from the unified diff of that file. */
function changeCounts(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  let inHunk = false;
  for (const line of diff.split('\n')) {
    if (line.startsWith('@@')) inHunk = true;
    else if (!inHunk) continue;
    else if (line.startsWith('+')) added++;
    else if (line.startsWith('-')) removed++;
  }
  return { added, removed };
}

/** git's diffstat: name | count +++---, then the totals line. */
export function diffstat(files: { path: string; added: number; removed: number }[]): string[] {
  const nameWidth = Math.max(...files.map((f) => f.path.length));
  const maxChange = Math.max(...files.map((f) => f.added + f.removed));
  const countWidth = String(maxChange).length;
  // git fits a stat line in 80 columns: ' name | count graph'.
  const graphWidth = Math.max(10, 75 - nameWidth - countWidth);
  const scale = (n: number) => (maxChange <= graphWidth || n === 0 ? n : Math.max(1, Math.round((n * graphWidth) / maxChange)));
  const lines = files.map(
    (f) => ` ${f.path.padEnd(nameWidth)} | ${String(f.added + f.removed).padStart(countWidth)} ${'+'.repeat(scale(f.added))}${'-'.repeat(scale(f.removed))}`.trimEnd(),
  );
  const added = files.reduce((n, f) => n + f.added, 0);
  const removed = files.reduce((n, f) => n + f.removed, 0);
  const totals = [` ${plural(files.length, 'file')} changed`];
  if (added) totals.push(` ${added} insertion${added === 1 ? '' : 's'}(+)`);
  if (removed) totals.push(` ${removed} deletion${removed === 1 ? '' : 's'}(-)`);
  return [...lines, totals.join(',')];
}

/** An RFC 2047 encoded-word for a header value that is not plain ASCII. */
function headerWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const encoded = [...Buffer.from(text, 'utf8')]
    .map((b) => (/[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : b === 0x20 ? '_' : `=${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
  return `=?UTF-8?q?${encoded}?=`;
}

/** RFC 2822 date, in UTC. */
function mailDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/** A path as the bytes git compares: UTF-8, viewed as Latin-1 like the texts. */
const pathBytes = (p: string) => Buffer.from(p, 'utf8').toString('latin1');

export function mboxPatch(input: PatchInput): string {
  // In the order git sorts paths: by their bytes. Each file is diffed once;
  // its diff gives both the text and the diffstat's counts.
  const diffs = input.files
    .map((f) => ({ ...f, path: pathBytes(f.path) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((f) => ({ path: f.path, text: fileDiff(f.path, f.before, f.after) }));
  const diff = diffs.map((d) => d.text).join('');
  const stats = diffs.map((d) => ({ path: d.path, ...changeCounts(d.text) }));
  const n = input.functions.length;
  const subject = `[PATCH] Fix ${plural(n, 'C function signature')} that trap${n === 1 ? 's' : ''} in WebAssembly`;

  const body: string[] = [];
  for (const paragraph of WHY) body.push(...wrap(paragraph), '');
  body.push('Functions changed:', '');
  for (const f of input.functions) {
    const where = f.tables.length ? ` (${f.tables.join(', ')})` : '';
    body.push(...wrap(`${f.func} in ${pathBytes(f.file)}${where}: ${f.summary}`, '  ', '* '));
  }
  body.push('', `Found and fixed with ${input.tool.name} ${input.tool.version}.`);

  return [
    'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001',
    `From: ${headerWord(input.author.name)} <${input.author.email}>`,
    `Date: ${mailDate(input.date)}`,
    `Subject: ${subject}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...body,
    '---',
    ...diffstat(stats),
    '',
    diff + '-- ',
    `${input.tool.name} ${input.tool.version}`,
    '',
    '',
  ].join('\n');
}
