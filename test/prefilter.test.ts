// The prefilter parses only the parts of files that can matter. It is proven
// safe here: every corpus case, a generated CPython-shaped tree, files that
// take every path of the partial parse and the fuzzer's generated extensions
// give the same findings, plans, refusals and fixed bytes with and without it
// (with every rule, whose project rule reads every prototype and so parses
// everything, and with the default rules, the table rules alone, where most
// files are skipped); and its text tests are checked one by one.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTree } from '../bench/generate.js';
import { RULES } from '../rules/index.js';
import { extractFacts } from '../src/extract/extract.js';
import { includesOf, mayHaveWord, mayHoldTable, outline, wordHash } from '../src/extract/outline.js';
import { partRanges, tableParts } from '../src/extract/parts.js';
import { DEFAULT_IN_PROCESS_BELOW } from '../src/extract/pool.js';
import { analyze, applyFixes } from '../src/pipeline.js';
import { check } from '../src/check/check.js';
import { analyzeInRounds, type ExtractRequest } from '../src/discover/prefilter.js';
import { emptyFacts } from '../src/extract/facts.js';
import { runTask } from '../src/extract/tasks.js';
import { plan } from '../src/fix/plan.js';
import { link } from '../src/index/link.js';
import { caseArb } from './fuzz/generators.js';
import { caseFiles } from './fuzz/properties.js';
import { ensureBuilt } from './cli/built.js';
import { pipelineOptions, readTree, removeDir, runCli, tempCopy, tempDir, writeTree } from './support/cli.js';
import { corpusCases, corpusSources } from './support/corpus.js';

// Runs with worker threads run the built worker script: it must be the code under test.
beforeAll(() => ensureBuilt(), 300_000);

const temps: string[] = [];
afterAll(() => temps.forEach(removeDir));
const copyOf = (dir: string) => {
  const tmp = tempCopy(dir, 'fpcast-prefilter-');
  temps.push(tmp);
  return tmp;
};

/** Every rule, opt-in ones included: a project rule reads the index as a
 * whole, and with it every file is parsed. */
const EVERY_RULE = ['--select', RULES.map((r) => r.id).join(',')];

/** `args` without their --select: the default rules. */
function withoutSelect(args: string[]): string[] {
  return args.filter((arg, i) => arg !== '--select' && args[i - 1] !== '--select');
}

/** The rule sets each input runs with, from the input's own arguments: every
 * rule (or the case's own --select), then the default set (the table rules,
 * which let the prefilter skip most files). */
const CONFIGS: { name: string; args: (own: string[]) => string[] }[] = [
  { name: 'every rule', args: (own) => (own.includes('--select') ? own : [...own, ...EVERY_RULE]) },
  { name: 'the default rules', args: withoutSelect },
];

it('runs every input with two different sets of rules: the default set leaves out an opt-in project rule', () => {
  expect(RULES.filter((r) => r.optIn && r.kind === 'project').map((r) => r.id)).not.toEqual([]);
});

/** Run a command on a fresh copy with and without the prefilter; everything
 * but the unparsable regions of files it did not parse whole must agree. */
async function expectSameWithAndWithout(input: string, command: string, args: string[], jobs = 1): Promise<void> {
  const withIt = copyOf(input);
  const without = copyOf(input);
  const a = await runCli([command, ...args, '--jobs', String(jobs), '.'], withIt);
  const b = await runCli([command, ...args, '--jobs', '1', '--no-prefilter', '.'], without);
  expect(a.stderr).not.toMatch(/internal error/);
  expect(b.stderr).not.toMatch(/internal error/);
  // Exit 2 (a usage error) would compare two empty runs.
  expect(a.code, a.stderr).toBeLessThan(2);
  expect(b.code, b.stderr).toBeLessThan(2);
  expect(a.stdout).toBe(b.stdout);
  expect(a.code).toBe(b.code);
  expect(readTree(withIt)).toEqual(readTree(without));
  // The other problems (read errors, skipped files) agree too; of the
  // unparsable regions, the prefilter reports those of the files it parsed
  // whole, as a run without it does.
  const [lines, linesWithout] = [a.stderr, b.stderr].map((stderr) => stderr.split('\n').filter((line) => !UNPARSED_TOTAL.test(line)));
  expect(lines.filter((line) => !UNPARSED.test(line))).toEqual(linesWithout.filter((line) => !UNPARSED.test(line)));
  for (const line of lines.filter((l) => UNPARSED.test(l))) expect(linesWithout).toContain(line);
}

/** A file's unparsable regions, and the run's count of them. */
const UNPARSED = /: (note|warning): could not parse /;
const UNPARSED_TOTAL = /^note: \d+ regions? in \d+ files? could not be parsed/;

describe('with and without the prefilter: same findings, plans, refusals and fixed bytes', () => {
  for (const c of corpusCases()) {
    for (const config of CONFIGS) {
      it(`corpus/${c.name} (${config.name})`, async () => {
        await expectSameWithAndWithout(c.input, 'check', config.args(c.args));
        await expectSameWithAndWithout(c.input, 'fix', config.args(c.args));
      });
    }
  }

  describe('a generated CPython-shaped tree', () => {
    const tree = tempDir('fpcast-prefilter-tree-');
    temps.push(tree);
    const stats = generateTree(tree, { bytes: 400 * 1024, seed: 7, brokenShare: 0.25 });

    it('has tables, broken entries and files without tables', () => {
      expect(stats.tableFiles).toBeGreaterThan(3);
      expect(stats.broken).toBeGreaterThan(3);
      expect(stats.files).toBeGreaterThan(stats.tableFiles * 2);
    });

    for (const config of CONFIGS) {
      it(`check and fix print and write the same (${config.name})`, async () => {
        await expectSameWithAndWithout(tree, 'check', config.args([]));
        await expectSameWithAndWithout(tree, 'fix', config.args([]));
      });
    }

    it('check and fix print and write the same with worker threads (a tree large enough to start them)', async () => {
      const large = tempDir('fpcast-prefilter-large-');
      temps.push(large);
      generateTree(large, { bytes: 700 * 1024, seed: 11, brokenShare: 0.25 });
      // Over the pool's in-process limit: the prefilter's run uses the workers.
      expect(readTree(large).size).toBeGreaterThan(20);
      expect([...readTree(large).values()].reduce((sum, bytes) => sum + bytes.length, 0)).toBeGreaterThan(DEFAULT_IN_PROCESS_BELOW);
      await expectSameWithAndWithout(large, 'check', [], 2);
      await expectSameWithAndWithout(large, 'fix', [], 2);
    }, 120_000);

    it('gives the same analysis object for object, and skips files while doing so', async () => {
      const options = pipelineOptions(tree, { rules: RULES.filter((r) => r.kind === 'table'), jobs: 1 });
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

/** Files that take every path of the partial parse: outlines the lexer
 * doubts (the file is read from a whole parse), parts whose parse has an
 * error (read again from a whole parse), ragged items, heads whose bodies a
 * finding then needs, macro entries, nested functions, `extern "C"`. Every
 * table names a function that does not match it. */
const PATHS: Record<string, string> = {
  'clinic/mod.c.h': [
    '#define MOD_RESET_METHODDEF    \\',
    '    {"reset", (PyCFunction)mod_reset, METH_NOARGS, NULL},',
    '#define MOD_FLAGS METH_O',
    '',
  ].join('\n'),
  'mod.c': [
    '#include "clinic/mod.c.h"',
    'static PyObject *mod_reset(PyObject *self, PyObject *arg, PyObject *extra) { return NULL; }',
    'static PyObject *mod_one(PyObject *self) { return mod_reset(self, NULL, NULL); }',
    'static PyObject *mod_krs();',
    'static PyMethodDef mod_methods[] = {',
    '    MOD_RESET_METHODDEF',
    '    {"one", (PyCFunction)mod_one, MOD_FLAGS, NULL},',
    '    {"krs", (PyCFunction)mod_krs,',
    '#ifdef HAVE_KR',
    '     METH_VARARGS,',
    '#else',
    '     METH_NOARGS,',
    '#endif',
    '     NULL},',
    '    {"br", (PyCFunction)mod_branches, METH_NOARGS, NULL},',
    '    {"cr", (PyCFunction)mod_cr, METH_NOARGS, NULL},',
    '    {"nested", (PyCFunction)mod_nested, METH_NOARGS, NULL},',
    '    {"ragged", (PyCFunction)mod_ragged, METH_O, NULL},',
    '    {"noret", (PyCFunction)mod_noret, METH_NOARGS, NULL},',
    '    {"garbled", (PyCFunction)mod_garbled, METH_VARARGS, NULL},',
    '    {"unclosed", (PyCFunction)mod_unclosed, METH_VARARGS, NULL},',
    '    {NULL}',
    '};',
    '',
  ].join('\n'),
  // A K&R definition: the lexer doubts the file.
  'kr.c': 'static PyObject *\nmod_krs(self)\n    PyObject *self;\n{\n    return NULL;\n}\n',
  // Branches that each open the body.
  'branches.c': 'PyObject *\nmod_branches(PyObject *self, PyObject *a, PyObject *b)\n#ifdef A\n{\n#else\n{\n#endif\n    return NULL;\n}\n',
  // A lone carriage return.
  'cr.c': 'int before;\rPyObject *mod_cr(PyObject *self, PyObject *a, PyObject *b) { return NULL; }\n',
  // A GNU nested function, and `extern "C"`.
  'nested.c': 'extern "C" {\nint outer(void)\n{\n    PyObject *mod_nested(PyObject *self) { return NULL; }\n    return 0;\n}\n}\n',
  // A conditional that straddles the end of an item.
  'ragged.c': 'int r;\n#ifdef X\nint q = 1;\n#else\nint q = 2,\n#endif\n    p = 3;\nPyObject *mod_ragged(PyObject *self) { return NULL; }\n',
  // A head tree-sitter cannot read alone (a macro before the name).
  'noret.c': 'static PyObject * _Py_NO_RETURN\nmod_noret(PyObject *self, PyObject *a, PyObject *b)\n{\n    return NULL;\n}\nint after(int x) { return x; }\n',
  // A #define that tree-sitter's error recovery names after another word of it (`for`).
  'garbled.c': '#define VISIT(x) { \\\n    int i; /* note */ \\\n    for (i = 0; i < x; i++) {} \\\n}\nPyObject *mod_garbled(PyObject *self) { return NULL; }\n',
  // An `fpcast: ignore` comment in a file with no table: the file counts as parsed, for its comment.
  'ignored.c': 'int helper(void) { return 0; } /* fpcast: ignore */\n',
  // An #if never closed: its #endif is missing right at the end of the body of a function nothing asks for.
  'unclosed.c': '#if 0\nPyObject *\nmod_unclosed(PyObject *self)\n{\n    return NULL;\n}\nint unclosed_tail(void)\n{\n    return 0;\n}',
};

describe('with and without the prefilter, on files that take every path of the partial parse', () => {
  const dir = writeTree(tempDir('fpcast-prefilter-paths-'), PATHS);
  temps.push(dir);

  it('takes those paths', () => {
    for (const file of ['kr.c', 'branches.c', 'cr.c']) expect(outline(PATHS[file]).unsure, file).toBeDefined();
    for (const file of ['mod.c', 'nested.c', 'ragged.c', 'noret.c', 'clinic/mod.c.h']) expect(outline(PATHS[file]).unsure, file).toBeUndefined();
    expect(outline(PATHS['ragged.c']).ragged.length).toBeGreaterThan(0);
    expect(outline(PATHS['garbled.c']).defines).toEqual([expect.objectContaining({ name: 'VISIT', garbled: true })]);
    expect(extractFacts('garbled.c', PATHS['garbled.c']).macros.map((m) => m.name)).toContain('for');
    expect(outline(PATHS['nested.c']).nested).toContain('mod_nested');
    // The table's parts hold a conditional between the fields of an entry, which tree-sitter cannot read: read whole.
    const mod = outline(PATHS['mod.c']);
    expect(extractFacts('mod.c', PATHS['mod.c'], partRanges(mod, tableParts(mod))).partial?.parsedWhole).toBe(true);
  });

  for (const config of CONFIGS) {
    it(`check and fix print and write the same (${config.name})`, async () => {
      const check = await runCli(['check', '--jobs', '1', ...config.args([]), '.'], dir);
      expect(check.stdout).toMatch(/mod_reset/);
      await expectSameWithAndWithout(dir, 'check', config.args([]));
      const unused = await runCli(['check', '--jobs', '1', '--report-unused-ignores', ...config.args([]), '.'], dir);
      expect(unused.stdout).toMatch(/^ignored\.c:1:\d+: warning: .*\[unused-ignore\]$/m);
      await expectSameWithAndWithout(dir, 'check', config.args(['--report-unused-ignores']));
      await expectSameWithAndWithout(dir, 'fix', config.args([]));
      await expectSameWithAndWithout(dir, 'fix', config.args(['--strategy', 'wrapper']));
    });
  }
});

describe('with and without the prefilter, on generated extensions (the fuzzer\'s cases)', () => {
  it('check and fix print and write the same', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const root = writeTree(tempDir('fpcast-prefilter-fuzz-'), caseFiles(c));
        try {
          await expectSameWithAndWithout(root, 'check', ['--strategy', c.strategy, '--unused-param', c.unusedParam]);
          await expectSameWithAndWithout(root, 'fix', ['--strategy', c.strategy, '--unused-param', c.unusedParam]);
        } finally {
          removeDir(root);
        }
      }),
      { numRuns: 80 },
    );
  }, 300_000);
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

  it('agrees with the extractor on the texts above: one table in each that may hold one, none in the others', () => {
    for (const text of tables) expect(extractFacts('t.c', text).tables.length, text).toBe(1);
    for (const text of notTables) expect(extractFacts('t.c', text).tables.length, text).toBe(0);
  });

  it('agrees with the extractor: no corpus file with a table is ever passed over', () => {
    let withTables = 0;
    for (const { file, text } of corpusSources()) {
      if (!extractFacts(file, text).tables.length) continue;
      withTables++;
      expect(mayHoldTable(text), file).toBe(true);
    }
    expect(withTables).toBeGreaterThan(corpusCases().length / 2);
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
  it('follows a table entry written as a macro to its header, and the function to its file; skips the rest', async () => {
    const files: Record<string, string> = {
      'module.c': '#include "clinic/module.c.h"\nstatic PyMethodDef methods[] = {\n    SPAM_RESET_METHODDEF\n    {NULL}\n};\n',
      'clinic/module.c.h': '#define SPAM_RESET_METHODDEF {"reset", (PyCFunction)spam_reset, SPAM_FLAGS, NULL},\n',
      'flags.h': '#define SPAM_FLAGS METH_NOARGS\n',
      'impl.c': 'PyObject *spam_reset(PyObject *self) { return NULL; }\n',
      'unrelated.c': 'static int add(int a, int b) { return a + b; }\n',
    };
    const dir = writeTree(tempDir('fpcast-prefilter-rounds-'), files);
    temps.push(dir);
    const options = pipelineOptions(dir, { rules: RULES.filter((r) => r.kind === 'table'), jobs: 1 });
    const filtered = await analyze(options);
    const full = await analyze({ ...options, prefilter: false });
    expect(filtered.facts.map((f) => f.file).sort()).toEqual(['clinic/module.c.h', 'flags.h', 'impl.c', 'module.c']);
    expect(filtered.findings.map((f) => `${f.rule} ${f.func}`)).toEqual(['meth-arity spam_reset']);
    expect(filtered.findings).toEqual(full.findings);
    expect(filtered.plans).toEqual(full.plans);
  });
});

/** The rounds over `texts` with the table rules (which read no whole map:
 * no probe), planning as the pipeline does; `delay` ms per parse, and each
 * request and each analysis told to the hooks. */
function tableRounds(
  texts: Map<string, string>,
  hooks: { delay?: number; onRequest?: (request: ExtractRequest) => void; onAnalysis?: () => void } = {},
) {
  const rules = RULES.filter((r) => r.kind === 'table');
  return analyzeInRounds({
    files: [...texts].map(([path, text]) => ({ path, text })),
    extract: async (asked) => {
      if (hooks.delay) await new Promise((resolve) => setTimeout(resolve, hooks.delay));
      return new Map(asked.map((request) => {
        hooks.onRequest?.(request);
        return [request.file, runTask(request.file, texts.get(request.file)!, request.want)];
      }));
    },
    emptyFacts,
    link,
    analyze: (index) => {
      hooks.onAnalysis?.();
      const result = check(index, rules);
      return { result, plans: plan(result, index, (file) => texts.get(file)!, { unusedParam: 'Py_UNUSED({name})', strategy: 'refuse' }) };
    },
    probe: false,
    required: ({ plans }) => plans.flatMap((p) => p.fix?.edits.map((e) => ({ file: e.file, range: e.range })) ?? []),
  });
}

describe('the rounds', () => {
  it('parse no part of a file twice, also when a file is asked for more while it is being parsed', async () => {
    // a.c's table names functions of b.c, so b.c is asked for their heads
    // while its own table is being parsed.
    const texts = new Map([
      ['a.c', [
        'static PyObject *a_own(PyObject *self, PyObject *args) { return NULL; }',
        'extern PyObject *f_b(PyObject *self);',
        'extern PyObject *g_b(PyObject *self);',
        'static PyMethodDef a_methods[] = {',
        '    {"a_own", a_own, METH_VARARGS, NULL},',
        '    {"f_b", (PyCFunction)f_b, METH_VARARGS, NULL},',
        '    {"g_b", (PyCFunction)g_b, METH_NOARGS, NULL},',
        '    {NULL, NULL, 0, NULL}',
        '};',
      ].join('\n') + '\n'],
      ['b.c', [
        'PyObject *f_b(PyObject *self) { return NULL; }',
        'PyObject *g_b(PyObject *self) { return NULL; }',
        'static PyObject *h_b(PyObject *self, PyObject *args) { return NULL; }',
        'static PyMethodDef b_methods[] = {',
        '    {"h_b", h_b, METH_VARARGS, NULL},',
        '    {"g_b2", (PyCFunction)g_b, METH_VARARGS, NULL},',
        '    {NULL, NULL, 0, NULL}',
        '};',
      ].join('\n') + '\n'],
    ]);
    const requests: { file: string; ranges: number[] }[] = [];
    const rounds = await tableRounds(texts, {
      // Parses take a while, so that wants come while they are under way.
      delay: 5,
      onRequest: ({ file, want }) => typeof want !== 'string' && requests.push({ file, ranges: want.ranges }),
    });
    expect(rounds.result.result.findings.map((f) => `${f.rule} ${f.func}`).sort()).toEqual(['meth-arity f_b', 'meth-arity g_b', 'meth-arity g_b']);
    expect(requests.filter((r) => r.file === 'b.c').length, 'b.c is parsed in several requests (the case this test is about)').toBeGreaterThan(2);
    // No range lies wholly inside what an earlier request of its file parsed
    // (a head's range inside its whole item, asked later, overlaps without lying inside).
    for (const [k, { file, ranges }] of requests.entries()) {
      const before = requests.slice(0, k).filter((r) => r.file === file).flatMap((r) => r.ranges);
      for (let i = 0; i < ranges.length; i += 2) {
        const inside = Array.from({ length: before.length / 2 }, (_, j) => before[j * 2] <= ranges[i] && ranges[i + 1] <= before[j * 2 + 1]).some(Boolean);
        expect(inside, `${file} [${ranges[i]}, ${ranges[i + 1]}) parsed again`).toBe(false);
      }
    }
  });

  it('take no second round for a macro entry whose #define is outlined after its table', async () => {
    // Argument Clinic's way: the table's file comes first, the header with
    // the macro after it; what the macro names is guessed all the same. The
    // table is parsed and guessed from before the header is outlined: the
    // prefilter sends parts out every 512 KiB of text it outlines.
    const filler = Array.from({ length: 40_000 }, (_, k) => `static int filler${k};`).join('\n') + '\n';
    expect(filler.length).toBeGreaterThan(512 * 1024);
    const texts = new Map([
      ['module.c', 'static PyMethodDef methods[] = {\n    SPAM_RESET_METHODDEF\n    {NULL}\n};\n'],
      ['filler.c', filler],
      ['clinic/module.c.h', '#define SPAM_RESET_METHODDEF {"reset", (PyCFunction)spam_reset, SPAM_FLAGS, NULL},\n'],
      ['flags.h', '#define SPAM_FLAGS METH_NOARGS\n'],
      ['impl.c', 'PyObject *spam_reset(PyObject *self, PyObject *Py_UNUSED(ignored)) { return NULL; }\n'],
    ]);
    let analyses = 0;
    const rounds = await tableRounds(texts, { onAnalysis: () => analyses++ });
    expect(rounds.result.result.findings).toEqual([]);
    expect(rounds.index.tables.flatMap((t) => t.entries.flatMap((e) => (e.fields.ml_meth?.func ? [e.fields.ml_meth.func.name] : [])))).toEqual(['spam_reset']);
    expect(rounds.parsedFacts.map((f) => f.file).sort()).toEqual(['clinic/module.c.h', 'flags.h', 'impl.c', 'module.c']);
    expect(analyses, 'the first analysis asked for nothing new').toBe(1);
  });

  it('take no round for a file whose words filter only may spell a name asked', async () => {
    // A slot whose id is no known number names a function defined nowhere,
    // so the rule looks for its prototype by name; z.c's filter of 3000
    // words says "maybe" for that name, which z.c does not spell.
    const z = 'int ' + Array.from({ length: 3000 }, (_, i) => `v${i}`).join(', ') + ';\n';
    const name = Array.from({ length: 10_000 }, (_, k) => `spam_repr${k}`).find((n) => mayHaveWord(outline(z).words, wordHash(n)));
    expect(name, 'a name the filter of z.c takes for one of its words').toBeDefined();
    const texts = new Map([
      ['a.c', `static PyType_Slot a_slots[] = {\n    {SOME_SLOT_ID, ${name}},\n    {0, NULL}\n};\n`],
      ['z.c', z],
    ]);
    let analyses = 0;
    const rounds = await tableRounds(texts, { onAnalysis: () => analyses++ });
    expect(rounds.result.result.findings).toEqual([]);
    expect(rounds.parsedFacts.map((f) => f.file)).toEqual(['a.c']);
    expect(analyses).toBe(1);
  });
});
