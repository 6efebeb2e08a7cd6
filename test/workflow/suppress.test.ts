// `fpcast: ignore` comments: where they silence a finding, that a silenced
// finding is not fixed either, and --report-unused-ignores.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, runCli, tempDir, writeTree } from '../support/cli.js';
import { BROKEN_C } from './trees.js';

const temps: string[] = [];
afterAll(() => temps.forEach(removeDir));

function module(source: string): string {
  const dir = writeTree(tempDir('fpcast-suppress-'), { 'solo.c': source });
  temps.push(dir);
  return dir;
}

const ENTRY = '{"ping", (PyCFunction)solo_ping, METH_NOARGS, "Do nothing."},';
const DEFINITION = 'static PyObject *\nsolo_ping(PyObject *module)\n';

const withComment = (where: string, replacement: string) => {
  if (!BROKEN_C.includes(where)) throw new Error(`fixture lacks ${where}`);
  return BROKEN_C.replace(where, replacement);
};

describe('a comment silences a finding', () => {
  const silenced: [string, string][] = [
    ['/* fpcast: ignore */ on the entry line', withComment(ENTRY, `${ENTRY} /* fpcast: ignore */`)],
    ['// fpcast: ignore[meth-arity] on the entry line', withComment(ENTRY, `${ENTRY} // fpcast: ignore[meth-arity]`)],
    ['a comment on the last line of an entry written over two lines', withComment(ENTRY, '{"ping", (PyCFunction)solo_ping,\n     METH_NOARGS, "Do nothing."},  // fpcast: ignore')],
    ["// fpcast: ignore on the definition's first line", withComment(DEFINITION, 'static PyObject *  // fpcast: ignore\nsolo_ping(PyObject *module)\n')],
    ["/* fpcast: ignore[meth-arity] */ on the line of the definition's name", withComment(DEFINITION, 'static PyObject *\nsolo_ping(PyObject *module)  /* fpcast: ignore[meth-arity] */\n')],
  ];
  for (const [what, source] of silenced) {
    it(what, async () => {
      const dir = module(source);
      const check = await runCli(['check', '.'], dir);
      expect(check.stdout).toBe('fpcast: 1 file scanned, 0 findings (0 fixable, 0 refused), 1 suppressed\n');
      expect(check.code).toBe(0);
      // silenced means left alone: fix does not touch it either
      const fix = await runCli(['fix', '.'], dir);
      expect(fix.code).toBe(0);
      expect(readFileSync(path.join(dir, 'solo.c'), 'latin1')).toBe(source);
    });
  }

  it('a comment naming another rule does not', async () => {
    const dir = module(withComment(ENTRY, `${ENTRY} // fpcast: ignore[type-slot]`));
    const r = await runCli(['check', '.'], dir);
    expect(r.stdout).toMatch(/^solo\.c:16:27: error: .*\[meth-arity\]$/m);
    expect(r.code).toBe(1);
  });

  it('a comment on another line does not', async () => {
    const dir = module(withComment(ENTRY, `/* fpcast: ignore */\n    ${ENTRY}`));
    const r = await runCli(['check', '.'], dir);
    expect(r.stdout).toMatch(/^solo\.c:17:27: error: .*\[meth-arity\]$/m);
    expect(r.code).toBe(1);
  });
});

describe('--report-unused-ignores', () => {
  const source = withComment(ENTRY, `${ENTRY} // fpcast: ignore[meth-arity]`)
    .replace('{"echo", solo_echo, METH_O, "Return the argument."},', '{"echo", solo_echo, METH_O, "Return the argument."},  /* fpcast: ignore */')
    .replace('PyInit_solo(void)', 'PyInit_solo(void)  // fpcast: ignore[meth-arity,no-such-rule]');

  it('without it, suppressions that silence nothing pass unremarked', async () => {
    const r = await runCli(['check', '.'], module(source));
    expect(r.stdout).toBe('fpcast: 1 file scanned, 0 findings (0 fixable, 0 refused), 1 suppressed\n');
    expect(r.code).toBe(0);
  });

  it('lists every suppression that silences nothing, and the ids that are no rule, and exits 1', async () => {
    const r = await runCli(['check', '--report-unused-ignores', '.'], module(source));
    expect(r.stdout).toBe(
      [
        "solo.c:17:59: warning: 'fpcast: ignore' silences nothing here; remove it [unused-ignore]",
        "solo.c:26:20: warning: 'fpcast: ignore[meth-arity,no-such-rule]': 'no-such-rule' is not a rule (see 'fpcast rules'); 'meth-arity' silences nothing here; remove the comment [unused-ignore]",
        'fpcast: 1 file scanned, 2 findings (0 fixable, 0 refused), 1 suppressed',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
  });

  it('does not judge a rule that did not run', async () => {
    const dir = module(withComment(ENTRY, `${ENTRY} // fpcast: ignore[meth-arity]`));
    const r = await runCli(['check', '--report-unused-ignores', '--select', 'type-slot', '.'], dir);
    expect(r.stdout).not.toMatch(/unused-ignore/);
    expect(r.code).toBe(0);
  });

  it('appears in the JSON summary and findings', async () => {
    const r = await runCli(['check', '--report-unused-ignores', '--format', 'json', '.'], module(source));
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.suppressed).toBe(1);
    expect(doc.summary.byRule).toEqual({ 'unused-ignore': 2 });
    expect(doc.findings.map((f: { rule: string; line: number }) => [f.rule, f.line])).toEqual([['unused-ignore', 17], ['unused-ignore', 26]]);
  });
});

describe('finding the comments', () => {
  it('reads block and line comments, not string or character literals', async () => {
    const { findSuppressions } = await import('../../src/check/suppress.js');
    const text = [
      'const char *s = "/* fpcast: ignore */";  // fpcast: ignore[meth-arity, type-slot]',
      "char q = '\"'; /* fpcast:ignore */",
      'x = "a \\" // fpcast: ignore";',
      '// continued \\',
      '   fpcast: ignore on the next line',
      '/* no */ // fpcast: ignored is another word',
      '',
    ].join('\r\n');
    const found = findSuppressions(text).map((s) => ({ text: text.slice(s.range.start, s.range.end), rules: s.rules }));
    expect(found).toEqual([
      { text: '// fpcast: ignore[meth-arity, type-slot]', rules: ['meth-arity', 'type-slot'] },
      { text: '/* fpcast:ignore */', rules: 'all' },
      { text: '// continued \\\r\n   fpcast: ignore on the next line', rules: 'all' },
    ]);
  });

  it('reads a string continued by a backslash as one literal with either line end', async () => {
    const { findSuppressions } = await import('../../src/check/suppress.js');
    // The splice joins the lines (tree-sitter and the outline read it so):
    // the comment-like text is inside the string.
    for (const eol of ['\n', '\r\n']) {
      const text = ['const char *s = "abc\\', '/* fpcast: ignore */ def"; /* fpcast: ignore[type-slot] */', ''].join(eol);
      const found = findSuppressions(text).map((s) => text.slice(s.range.start, s.range.end));
      expect(found, JSON.stringify(eol)).toEqual(['/* fpcast: ignore[type-slot] */']);
    }
  });
});
