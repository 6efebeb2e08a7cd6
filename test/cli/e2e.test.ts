// The installed command end to end: `node bin/fpcast.cjs …` in a child process
// on temp copies of examples/spam and corpus cases — exit codes (0 clean, 1
// findings, 2 usage errors, yargs' own included), --version, --help of every
// command, what `fix` writes, and that `git apply` of `diff` gives the same.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitApply, readTree, removeDir, tempCopy } from '../support/cli.js';
import { REPO } from '../support/paths.js';
import { ensureBuilt, runBuilt } from './built.js';

const SPAM = path.join(REPO, 'examples', 'spam');
const CLEAN = path.join(REPO, 'corpus', 'clean-every-flag', 'input');
const temps: string[] = [];
const copy = (dir: string) => {
  const tmp = tempCopy(dir, 'fpcast-e2e-');
  temps.push(tmp);
  return tmp;
};

beforeAll(() => ensureBuilt(), 300_000);
afterAll(() => temps.forEach(removeDir));

describe('exit codes', () => {
  it('check exits 1 and lists the findings when there are some', () => {
    const r = runBuilt(['check', '.'], copy(SPAM));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^spammodule\.c:\d+:\d+: error: METH_NOARGS method 'spam_version' takes 1 parameter; CPython calls it with 2 \(self, NULL\) \[meth-arity\]$/m);
    expect(r.stdout).toMatch(/^fpcast: 1 file scanned, 4 findings \(4 fixable, 0 refused\)$/m);
  });

  it('check exits 0 on a clean tree', () => {
    const r = runBuilt(['check', '.'], copy(CLEAN));
    expect(r.stdout).toMatch(/ 0 findings /);
    expect(r.code).toBe(0);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['an unknown option (yargs)', ['check', '--no-such-option', '.'], /Unknown argument/i],
    ['an unknown command (yargs)', ['frobnicate'], /Unknown argument|Did you mean/i],
    ['no command at all (yargs)', [], /give a command/],
    ['a bad --format choice (yargs)', ['check', '--format', 'xml', '.'], /Invalid values/i],
    ['an option without its value (yargs)', ['check', '--select'], /Not enough arguments|requires|select/i],
    ['an unknown rule id in --select', ['check', '--select', 'no-such-rule', '.'], /unknown rule 'no-such-rule'/],
    ['an unknown rule id in --ignore', ['check', '--ignore', 'meth-arity,nope', '.'], /unknown rule 'nope'/],
    ['a path that does not exist', ['check', 'missing.c'], /missing\.c.*does not exist/],
    ['an unknown rule for `rules`', ['rules', 'nope'], /unknown rule 'nope'/],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`exits 2 on ${what}`, () => {
      const r = runBuilt(args, copy(SPAM));
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.code).toBe(2);
    });
  }
});

describe('--version and --help', () => {
  it('--version prints the package version', () => {
    const version = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
    const r = runBuilt(['--version'], REPO);
    expect(r.stdout.trim()).toBe(version);
    expect(r.code).toBe(0);
  });

  const helps: [string[], RegExp[]][] = [
    [['--help'], [/fpcast check/, /fpcast fix/, /fpcast diff/, /fpcast rules/]],
    [['check', '--help'], [/--format/, /sarif/, /--report-unused-ignores/, /--root/, /--select/, /--color/, /--quiet/]],
    [['fix', '--help'], [/--exit-non-zero-on-fix/, /--unused-param/, /--strategy/, /--root/]],
    [['diff', '--help'], [/--output/, /--patch-file/, /--author/]],
    [['rules', '--help'], [/rules \[id\]/]],
  ];
  for (const [args, patterns] of helps) {
    it(`${args.join(' ')} describes the command and exits 0`, () => {
      const r = runBuilt(args, REPO);
      for (const pattern of patterns) expect(r.stdout).toMatch(pattern);
      expect(r.code).toBe(0);
    });
  }
});

describe('fix and diff', () => {
  it('fix rewrites the broken functions, after which check is clean', () => {
    const work = copy(SPAM);
    const r = runBuilt(['fix', '.'], work);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^fpcast: 1 file scanned, 4 findings: 4 fixed in 1 file, 0 refused$/m);
    const text = readFileSync(path.join(work, 'spammodule.c'), 'latin1');
    expect(text).toContain('spam_version(PyObject *module, PyObject *Py_UNUSED(ignored))');
    expect(text).toContain('spam_system(PyObject *module, PyObject *args, PyObject *Py_UNUSED(kwargs))');
    expect(text).toContain('Spam_clear(SpamObject *self, PyObject *Py_UNUSED(ignored))');
    expect(text).toContain('Py_XDECREF(Spam_clear(self, NULL));');
    const again = runBuilt(['check', '.'], work);
    expect(again.stdout).toMatch(/ 0 findings /);
    expect(again.code).toBe(0);
  });

  it('git apply of the diff output gives exactly what fix writes', () => {
    const viaFix = copy(SPAM);
    expect(runBuilt(['fix', '.'], viaFix).code).toBe(0);

    const viaDiff = copy(SPAM);
    const before = readTree(viaDiff);
    const d = runBuilt(['diff', '.'], viaDiff);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/^diff --git a\/spammodule\.c b\/spammodule\.c$/m);
    // diff changes nothing on disk by itself
    expect(readTree(viaDiff)).toEqual(before);
    gitApply(viaDiff, d.stdout);
    expect(readTree(viaDiff)).toEqual(readTree(viaFix));
  });
});
