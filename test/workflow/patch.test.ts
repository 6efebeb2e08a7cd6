// `fpcast diff --patch-file`: an mbox message that `git am` applies in a real
// repository, with the commit message, author, date, diffstat and diff a
// maintainer would send upstream; the result is what `fix` writes.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffstat, WHY } from '../../src/emit/patch.js';
import { readTree, removeDir, runCli, tempCopy } from '../support/cli.js';
import { CORPUS_DIR, REPO } from '../support/paths.js';
import { BROKEN_C, CLEAN_C, git, gitRepo } from './trees.js';

const temps: string[] = [];
afterAll(() => temps.forEach(removeDir));
const keep = (dir: string) => (temps.push(dir), dir);

const SPAM_C = readFileSync(path.join(REPO, 'examples', 'spam', 'spammodule.c'));
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };

describe('diff --patch-file', () => {
  it('writes a patch git am applies: subject, explanation, functions with their tables, diffstat; same result as fix', async () => {
    // The extension lives in a subdirectory and fpcast runs from there: the
    // patch must still name files from the repository's top.
    const repo = keep(gitRepo({ 'ext/spam/spammodule.c': SPAM_C, 'ext/other.c': CLEAN_C, 'setup.py': 'pass\n' }));
    const ext = path.join(repo, 'ext');
    // outside the work tree, which git am wants clean
    const patchFile = `${repo}.patch`;
    temps.push(patchFile);
    const r = await runCli(['diff', '--patch-file', patchFile, '--author', 'Jörg Maintainer <joerg@example.org>', '.'], ext, EPOCH);
    expect(r.stderr).toMatch(/4 would fix in 1 file/);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);

    const patch = readFileSync(patchFile, 'latin1');
    expect(patch.startsWith('From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n')).toBe(true);
    expect(patch).toContain('\nFrom: =?UTF-8?q?J=C3=B6rg_Maintainer?= <joerg@example.org>\nDate: Tue, 14 Nov 2023 22:13:20 +0000\n');
    expect(patch).toContain('\nSubject: [PATCH] Fix 4 C function signatures that trap in WebAssembly\n');
    expect(patch).toContain('\n---\n ext/spam/spammodule.c | 12 ++++++------\n 1 file changed, 6 insertions(+), 6 deletions(-)\n\ndiff --git a/ext/spam/spammodule.c b/ext/spam/spammodule.c\n');

    git(['am', patchFile], repo);

    const log = git(['log', '-1', '--format=%an <%ae>%n%at%n%s%n%n%b'], repo);
    const [author, date, subject, , ...body] = log.split('\n');
    expect(author).toBe('Jörg Maintainer <joerg@example.org>');
    expect(date).toBe('1700000000');
    expect(subject).toBe('Fix 4 C function signatures that trap in WebAssembly');
    const message = body.join('\n');
    // two sentences on the trap, wrapped at 72 columns
    expect(message.split('\n\n')[0].replace(/\n/g, ' ')).toBe(WHY[0]);
    expect(message.split('\n\n')[1].replace(/\n/g, ' ')).toBe(WHY[1]);
    expect(message.split('\n').every((l) => l.length <= 72)).toBe(true);
    expect(message).toContain(
      [
        'Functions changed:',
        '',
        '* spam_version in ext/spam/spammodule.c (PyMethodDef spam_functions):',
        '  added PyObject *Py_UNUSED(ignored)',
        '* spam_system in ext/spam/spammodule.c (PyMethodDef spam_functions):',
        '  added PyObject *Py_UNUSED(kwargs)',
        '* spam_reset in ext/spam/spammodule.c (PyMethodDef spam_functions):',
        '  added PyObject *Py_UNUSED(self), PyObject *Py_UNUSED(ignored)',
        '* Spam_clear in ext/spam/spammodule.c (PyMethodDef Spam_methods): added',
        '  PyObject *Py_UNUSED(ignored) (and 2 calls)',
      ].join('\n'),
    );
    expect(git(['status', '--porcelain'], repo)).toBe('');

    // what git am committed is byte for byte what fix writes
    const viaFix = keep(tempCopy(path.join(REPO, 'examples', 'spam')));
    expect((await runCli(['fix', '.'], viaFix)).code).toBe(0);
    expect(readFileSync(path.join(repo, 'ext', 'spam', 'spammodule.c'))).toEqual(readTree(viaFix).get('spammodule.c'));
  });

  it('keeps CRLF files and bytes that are not UTF-8 intact through git am --keep-cr', async () => {
    const input = path.join(CORPUS_DIR, 'bytes-preserved', 'input');
    const source = readFileSync(path.join(input, 'bytes.c'));
    expect(source.includes(Buffer.from('\r\n'))).toBe(true);
    const repo = keep(gitRepo({ 'bytes.c': source }));
    const patchFile = `${repo}.patch`;
    temps.push(patchFile);
    expect((await runCli(['diff', '--patch-file', patchFile, '.'], repo, EPOCH)).code).toBe(0);
    git(['am', '--keep-cr', patchFile], repo);
    const expected = readFileSync(path.join(CORPUS_DIR, 'bytes-preserved', 'fixed', 'bytes.c'));
    expect(readFileSync(path.join(repo, 'bytes.c'))).toEqual(expected);
  });

  it('writes nothing when there is nothing to fix', async () => {
    const repo = keep(gitRepo({ 'clean.c': CLEAN_C }));
    const r = await runCli(['diff', '--patch-file', 'out.patch', '.'], repo);
    expect(r.stderr).toMatch(/nothing to fix; 'out\.patch' not written/);
    expect(r.code).toBe(0);
    expect(() => readFileSync(path.join(repo, 'out.patch'))).toThrow();
  });

  it('rejects an author that is not Name <email>', async () => {
    const repo = keep(gitRepo({ 'solo.c': BROKEN_C }));
    const r = await runCli(['diff', '--patch-file', 'out.patch', '--author', 'nobody', '.'], repo);
    expect(r.stderr).toMatch(/--author 'nobody' is not of the form 'Name <email>'/);
    expect(r.code).toBe(2);
  });
});

describe('diffstat', () => {
  it('is laid out like git: padded names, right-aligned counts, +/- graph, totals without zero parts', () => {
    expect(diffstat([{ path: 'a.c', added: 3, removed: 1 }, { path: 'src/long.c', added: 10, removed: 0 }])).toEqual([
      ' a.c        |  4 +++-',
      ' src/long.c | 10 ++++++++++',
      ' 2 files changed, 13 insertions(+), 1 deletion(-)',
    ]);
    expect(diffstat([{ path: 'x.c', added: 1, removed: 0 }])).toEqual([' x.c | 1 +', ' 1 file changed, 1 insertion(+)']);
  });

  it('scales the graph to fit 80 columns', () => {
    const [line] = diffstat([{ path: 'big.c', added: 300, removed: 100 }]);
    expect(line.length).toBeLessThanOrEqual(80);
    expect(line).toMatch(/^ big\.c \| 400 \++-+$/);
    const plus = line.split(' ').pop()!.replace(/-/g, '').length;
    const minus = line.split(' ').pop()!.replace(/\+/g, '').length;
    expect(Math.round(plus / minus)).toBe(3);
  });
});
