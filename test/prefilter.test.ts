// The prefilter parses only the files that can matter. It is proven safe
// here: every corpus case and a generated CPython-shaped tree give the same
// findings, plans, refusals and fixed bytes with and without it (with every
// rule, which reads every prototype and so parses everything, and with the
// table rules alone, where most files are skipped); and its text tests are
// checked one by one.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTree } from '../bench/generate.js';
import { RULES } from '../rules/index.js';
import { definedNames, includesOf, mayHoldTable, NameSearch } from '../src/discover/prefilter.js';
import { extractFacts } from '../src/extract/extract.js';
import { analyze, applyFixes, type PipelineOptions } from '../src/pipeline.js';
import { readTree, removeDir, runCli, tempCopy } from './support/cli.js';
import { corpusCases } from './support/corpus.js';

const temps: string[] = [];
afterAll(() => temps.forEach(removeDir));
const copyOf = (dir: string) => {
  const tmp = tempCopy(dir, 'fpcast-prefilter-');
  temps.push(tmp);
  return tmp;
};

/** Rules that read the index as a whole: with them every file is parsed. */
const WHOLE_PROJECT_RULES = RULES.filter((r) => r.kind === 'project').map((r) => r.id);
const CONFIGS: { name: string; args: string[] }[] = [
  { name: 'every rule', args: [] },
  ...(WHOLE_PROJECT_RULES.length ? [{ name: 'table rules only', args: ['--ignore', WHOLE_PROJECT_RULES.join(',')] }] : []),
];

/** Run a command on a fresh copy with and without the prefilter; everything
 * but the notes about unparsable regions of skipped files must agree. */
async function expectSameWithAndWithout(input: string, command: string, args: string[]): Promise<void> {
  const withIt = copyOf(input);
  const without = copyOf(input);
  const a = await runCli([command, ...args, '--jobs', '1', '.'], withIt);
  const b = await runCli([command, ...args, '--jobs', '1', '--no-prefilter', '.'], without);
  expect(a.stderr).not.toMatch(/internal error/);
  expect(b.stderr).not.toMatch(/internal error/);
  expect(a.stdout).toBe(b.stdout);
  expect(a.code).toBe(b.code);
  expect(readTree(withIt)).toEqual(readTree(without));
}

describe('with and without the prefilter: same findings, plans, refusals and fixed bytes', () => {
  for (const c of corpusCases()) {
    for (const config of CONFIGS) {
      it(`corpus/${c.name} (${config.name})`, async () => {
        await expectSameWithAndWithout(c.input, 'check', [...c.args, ...config.args]);
        await expectSameWithAndWithout(c.input, 'fix', [...c.args, ...config.args]);
      });
    }
  }

  describe('a generated CPython-shaped tree', () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'fpcast-prefilter-tree-'));
    temps.push(tree);
    const stats = generateTree(tree, { bytes: 400 * 1024, seed: 7, brokenShare: 0.25 });

    it('has tables, broken entries and files without tables', () => {
      expect(stats.tableFiles).toBeGreaterThan(3);
      expect(stats.broken).toBeGreaterThan(3);
      expect(stats.files).toBeGreaterThan(stats.tableFiles * 2);
    });

    for (const config of CONFIGS) {
      it(`check and fix print and write the same (${config.name})`, async () => {
        await expectSameWithAndWithout(tree, 'check', config.args);
        await expectSameWithAndWithout(tree, 'fix', config.args);
      });
    }

    it('gives the same analysis object for object, and skips files while doing so', async () => {
      const options: PipelineOptions = {
        paths: ['.'], cwd: tree, include: ['**/*.c', '**/*.h'], exclude: [], unusedParam: 'Py_UNUSED({name})', strategy: 'refuse',
        rules: RULES.filter((r) => r.kind === 'table'), jobs: 1,
      };
      const filtered = await analyze({ ...options, prefilter: true });
      const full = await analyze({ ...options, prefilter: false });
      expect(filtered.findings.length).toBeGreaterThan(0);
      expect(filtered.findings).toEqual(full.findings);
      expect(filtered.plans).toEqual(full.plans);
      expect(filtered.result.expectations).toEqual(full.result.expectations);
      const fixedA = applyFixes(filtered);
      const fixedB = applyFixes(full);
      expect([...fixedA.keys()]).toEqual([...fixedB.keys()]);
      for (const [file, f] of fixedA) expect(f.after).toBe(fixedB.get(file)!.after);
      // It did skip files, and the second pass found files without tables.
      const parsed = new Set(filtered.facts.map((f) => f.file));
      expect(parsed.size).toBeLessThan(full.sources.size / 2);
      const withoutTables = [...parsed].filter((file) => !mayHoldTable(full.sources.get(file)!.text));
      expect(withoutTables.length).toBeGreaterThan(0);
    });
  });
});

describe('mayHoldTable: the text from which tree-sitter can build a table', () => {
  const tables = [
    'static PyMethodDef spam_methods[] = {\n    {NULL}\n};',
    'PyTypeObject Foo_Type = {PyVarObject_HEAD_INIT(NULL, 0)};',
    'static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT};',
    'static PyGetSetDef g[] /* a; comment { } */ = /* ; */ {\n{NULL}};',
    'static PyType_Slot slots[SIZE("a;b")] = {{0, NULL}};',
    'static PyMethodDef a, b[] = {{NULL}};',
    'static PyNumberMethods\n    n =\n    {0};',
  ];
  const notTables = [
    'static PyObject *f(PyTypeObject *type, PyObject *args)\n{\n    return NULL;\n}',
    'struct PyMethodDef {\n    const char *ml_name;\n};',
    'PyTypeObject *tp = Py_TYPE(o);\nif (tp) { }',
    'extern PyTypeObject Foo_Type;',
    'int x = { 0 }; /* PyMethodDef */ int y;',
    'PyModuleDef_Slot_Thing x = {0};',
  ];
  for (const text of tables) it(`finds ${JSON.stringify(text.slice(0, 40))}`, () => expect(mayHoldTable(text)).toBe(true));
  for (const text of notTables) it(`passes over ${JSON.stringify(text.slice(0, 40))}`, () => expect(mayHoldTable(text)).toBe(false));

  it('agrees with the extractor: no file with a table is ever passed over', () => {
    for (const text of [...tables, ...notTables]) {
      if (extractFacts('t.c', text).tables.length) expect(mayHoldTable(text)).toBe(true);
    }
  });
});

describe('includesOf: #include "…" as the preprocessor sees it', () => {
  it('reads quoted includes, in order, with blanks and comments around', () => {
    expect(includesOf('#include "a.h"\n  #  include   "b/c.h" /* x */\n#include <stdio.h>\n#include MACRO\n')).toEqual(['a.h', 'b/c.h']);
  });
  it('counts includes in #if branches and inside initializers', () => {
    expect(includesOf('#if 0\n#include "x.h"\n#else\n#include "y.h"\n#endif\nint t[] = {\n#include "t.inc"\n};\n')).toEqual(['x.h', 'y.h', 't.inc']);
  });
  it('skips includes in comments, strings and continued lines', () => {
    const text = '/*\n#include "no1.h"\n*/\n// #include "no2.h"\nconst char *s = "\\\n#include \\"no3.h\\"";\n#define X \\\n#include "no4.h"\n#include "yes.h"\n';
    expect(includesOf(text)).toEqual(['yes.h']);
  });
  it('handles CRLF line ends', () => {
    expect(includesOf('#include "a.h"\r\n#include "b.h"\r\n')).toEqual(['a.h', 'b.h']);
  });
});

describe('the targeted pass', () => {
  it('finds the files that spell a name as a whole word outside comments', () => {
    const texts = new Map([
      ['a.c', 'static PyObject *spam_get(PyObject *self) { return NULL; }'],
      ['b.c', 'spam_getter(); /* spam_get */ // spam_get\nint s = 1;'],
      ['c.h', 'extern PyObject *spam_get(); const char *s = "/*"; int x;'],
      // How a lexer splits a number run with letters is not guessed: every tail counts.
      ['d.c', 'int x = 0x1fspam_get;'],
      ['e.c', '#include <sys/*x>\nspam_get(); /* */'],
    ]);
    const search = new NameSearch((file) => texts.get(file)!);
    expect(search.filesMentioning(texts.keys(), ['spam_get'])).toEqual(['a.c', 'c.h', 'd.c', 'e.c']);
    expect(search.filesMentioning(texts.keys(), ['nothing_here'])).toEqual([]);
  });

  it('looks for a name that is not a plain identifier as text', () => {
    const texts = new Map([['a.c', 'int caf\xe9 = 1;'], ['b.c', 'int cafe = 1;']]);
    expect(new NameSearch((file) => texts.get(file)!).filesMentioning(texts.keys(), ['caf\xe9'])).toEqual(['a.c']);
  });

  it('counts a file with a #define garbled by a comment as holding any macro it spells', () => {
    // tree-sitter's error recovery makes a macro named `for` of this one.
    const text = '#define VISIT(x) { \\\n    int i; /* note */ \\\n    for (i = 0; i < x; i++) {} \\\n}\n';
    expect(extractFacts('g.c', text).macros.map((m) => m.name)).toContain('for');
    const search = new NameSearch(() => text);
    expect(search.filesDefining(['g.c'], ['for'])).toEqual(['g.c']);
    expect(search.filesDefining(['g.c'], ['while'])).toEqual([]);
  });

  it('finds the files that may #define a macro, as tree-sitter reads directives', () => {
    expect(definedNames('#define A 1\n#  define\tB(x) x\n# define /* c */ C\n#define \\\n D 2\n#if defined(E)\n#undef F\n#ifdef G\n').sort()).toEqual(['A', 'B', 'C', 'D']);
    for (const text of ['#define A 1\n', '#  define\tB(x) x\n', '#define C /* x */ 3\n']) {
      for (const macro of extractFacts('m.h', text).macros) expect(definedNames(text)).toContain(macro.name);
    }
  });

  it('follows a table entry written as a macro to its header, and the function to its file; skips the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fpcast-prefilter-rounds-'));
    temps.push(dir);
    const files: Record<string, string> = {
      'module.c': '#include "clinic/module.c.h"\nstatic PyMethodDef methods[] = {\n    SPAM_RESET_METHODDEF\n    {NULL}\n};\n',
      'clinic/module.c.h': '#define SPAM_RESET_METHODDEF {"reset", (PyCFunction)spam_reset, SPAM_FLAGS, NULL},\n',
      'flags.h': '#define SPAM_FLAGS METH_NOARGS\n',
      'impl.c': 'PyObject *spam_reset(PyObject *self) { return NULL; }\n',
      'unrelated.c': 'static int add(int a, int b) { return a + b; }\n',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const options: PipelineOptions = {
      paths: ['.'], cwd: dir, include: ['**/*.c', '**/*.h'], exclude: [], unusedParam: 'Py_UNUSED({name})', strategy: 'refuse',
      rules: RULES.filter((r) => r.kind === 'table'), jobs: 1,
    };
    const filtered = await analyze(options);
    const full = await analyze({ ...options, prefilter: false });
    expect(filtered.facts.map((f) => f.file).sort()).toEqual(['clinic/module.c.h', 'flags.h', 'impl.c', 'module.c']);
    expect(filtered.findings.map((f) => `${f.rule} ${f.func}`)).toEqual(['meth-arity spam_reset']);
    expect(filtered.findings).toEqual(full.findings);
    expect(filtered.plans).toEqual(full.plans);
  });
});
