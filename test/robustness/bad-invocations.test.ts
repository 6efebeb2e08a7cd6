// Bad invocations exit 2 with a message that says what to do, and do
// nothing else: no finding is printed as if the run were fine, no file is
// written, no patch is left half-made.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree, runCli } from '../support/cli.js';
import { brokenModule, layout, workDir } from './support.js';

function project(extra: Parameters<typeof layout>[1] = {}): string {
  const root = workDir();
  layout(root, { 'mod.c': brokenModule('mod'), 'empty': { dir: true }, 'docs/README.md': '# docs\n', 'docs/setup.py': 'print(1)\n', ...extra });
  return root;
}

const cases: { name: string; args: string[]; extra?: Parameters<typeof layout>[1]; message: RegExp }[] = [
  { name: 'a path that does not exist', args: ['fix', 'mod.c', 'no/such/dir'], message: /^no\/such\/dir: error: 'no\/such\/dir' does not exist \(or is a dangling symbolic link\); check the path$/m },
  { name: 'an empty directory', args: ['fix', 'mod.c', 'empty'], message: /^empty: error: no files matching \*\*\/\*\.c, \*\*\/\*\.h under 'empty'; pass a directory that holds C sources \(or change --include\)$/m },
  { name: 'a directory with no C files', args: ['fix', 'mod.c', 'docs'], message: /^docs: error: no files matching \*\*\/\*\.c, \*\*\/\*\.h under 'docs'; pass a directory that holds C sources/m },
  {
    name: 'a binary file passed explicitly',
    args: ['fix', 'mod.c', 'mod.o'],
    extra: { 'mod.o': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Array(200).fill(0), 0x01, 0x02]) },
    message: /^mod\.o: error: looks like a binary file, not C source; pass \.c\/\.h files or directories$/m,
  },
  { name: 'the same rule in --select and --ignore', args: ['fix', '--select', 'meth-arity', '--ignore', 'meth-arity', '.'], message: /^fpcast: error: --select and --ignore both name 'meth-arity'; name each rule in one of them only$/m },
  { name: 'a --max-file-size that is not a size', args: ['fix', '--max-file-size', 'lots', '.'], message: /^fpcast: error: --max-file-size: 'lots' is not a size; give bytes or a number with K, M or G \(e\.g\. 16M\)$/m },
  { name: 'an unknown rule', args: ['fix', '--select', 'no-such-rule', '.'], message: /unknown rule 'no-such-rule'.*see 'fpcast rules'/ },
];

describe('bad invocations exit 2, say what to do, and change nothing', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const root = project(c.extra);
      const before = readTree(root);
      const r = await runCli(c.args, root);
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.code).toBe(2);
      expect(r.stdout).not.toMatch(/fixed '/);
      expect(readTree(root)).toEqual(before);
    });
  }

  it('check of a missing path prints no findings for the others', async () => {
    const root = project();
    const r = await runCli(['check', 'mod.c', 'missing.c'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^missing\.c: error: 'missing\.c' does not exist/m);
    expect(r.stderr).toMatch(/^fpcast: error: nothing was done; correct the command line \(see above\) and run again$/m);
    expect(r.stdout).toBe('');
  });

  it('diff -o into a directory that does not exist', async () => {
    const root = project();
    const r = await runCli(['diff', '-o', 'out/fix.patch', '.'], root);
    expect(r.stderr).toMatch(/^fpcast: error: cannot write 'out\/fix\.patch': directory 'out' does not exist; create it or pick another path for -o$/m);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('diff -o onto a directory', async () => {
    const root = project();
    const r = await runCli(['diff', '-o', 'docs', '.'], root);
    expect(r.stderr).toMatch(/^fpcast: error: cannot write 'docs': it is a directory; give a file name for -o$/m);
    expect(r.code).toBe(2);
  });

  it('diff -o into an existing directory works (the control case)', async () => {
    const root = project();
    const r = await runCli(['diff', '-o', 'docs/fix.patch', 'mod.c'], root);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(root, 'docs/fix.patch'), 'latin1')).toMatch(/^\+mod_get\(PyObject \*self, PyObject \*Py_UNUSED\(ignored\)\)$/m);
  });
});
