// The safety net: fpcast never writes a file that parses worse than before.
// Two guards: the planner will not edit code that does not parse
// (src/fix/plan.ts, refuseOnParseErrors), and applyFixes parses what the
// edits touched again (src/fix/parse-check.ts; files without edits are not
// parsed again) and drops a file whose fixed text has more unparsable regions
// than before, turning every fix that touched it into a `parse-error` refusal
// (src/pipeline.ts). The second guard is a last resort that correct plans
// never reach, so it is driven here by corrupting a real plan's edits.

import Parser from 'tree-sitter';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { outline } from '../../src/extract/outline.js';
import { analyze, applyFixes, type Analysis } from '../../src/pipeline.js';
import { pipelineOptions, removeDir, tempDir, writeTree } from '../support/cli.js';

const temps: string[] = [];
afterAll(() => temps.forEach(removeDir));

function treeWith(files: Record<string, string>): string {
  const dir = writeTree(tempDir('fpcast-safety-net-'), files);
  temps.push(dir);
  return dir;
}

function analyzeTree(dir: string, prefilter: boolean): Promise<Analysis> {
  return analyze(pipelineOptions(dir, { jobs: 1, prefilter }));
}

/** A module whose METH_NOARGS methods each take one parameter too few. */
function moduleWith(prefix: string, names: string[]): string {
  const defs = names.map((n) => `static PyObject *\n${prefix}_${n}(PyObject *self)\n{\n    return NULL;\n}\n`).join('\n');
  const entries = names.map((n) => `    {"${n}", (PyCFunction)${prefix}_${n}, METH_NOARGS, NULL},\n`).join('');
  return `#include <Python.h>\n\n${defs}\nstatic PyMethodDef ${prefix}_methods[] = {\n${entries}    {NULL, NULL, 0, NULL}\n};\n`;
}

const plansIn = (analysis: Analysis, file: string) => analysis.plans.filter((p) => p.definition.file === file);

describe('applyFixes parses again only what a fix changed', () => {
  it('parses the fixed file (the touched items, before and after) and no file without a fix', async () => {
    const clean = '#include <Python.h>\n\nstatic PyObject *\nc_get(PyObject *self, PyObject *Py_UNUSED(ignored))\n{\n    return NULL;\n}\n\nstatic PyMethodDef c_methods[] = {\n    {"get", (PyCFunction)c_get, METH_NOARGS, NULL},\n    {NULL, NULL, 0, NULL}\n};\n';
    const dir = treeWith({ 'a.c': moduleWith('a', ['reset']), 'c.c': clean });
    for (const prefilter of [true, false]) {
      const analysis = await analyzeTree(dir, prefilter);
      expect(analysis.plans.map((p) => p.definition.file)).toEqual(['a.c']);
      const parse = vi.spyOn(Parser.prototype, 'parse');
      try {
        expect([...applyFixes(analysis).keys()]).toEqual(['a.c']);
        expect(parse).toHaveBeenCalledTimes(2);
      } finally {
        parse.mockRestore();
      }
    }
  });

  it('reads the outline the prefilter made of the file instead of outlining it again', async () => {
    const text = moduleWith('a', ['reset']);
    const dir = treeWith({ 'a.c': text, 'notable.c': 'int x;\n' });
    const analysis = await analyzeTree(dir, true);
    expect([...analysis.outlines.keys()]).toEqual(['a.c']);
    expect(analysis.outlines.get('a.c')).toEqual(outline(text));
    // An outline that says it cannot be trusted sends the check to whole parses: it was read.
    analysis.outlines = new Map([['a.c', { ...outline(text), unsure: 'a test says so' }]]);
    const parse = vi.spyOn(Parser.prototype, 'parse');
    try {
      const fixed = applyFixes(analysis).get('a.c')!;
      // Both whole texts, the fixed one first; without the outline given, the touched items alone.
      expect(parse.mock.calls.map(([input]) => (typeof input === 'string' ? input.length : 'parts'))).toEqual([fixed.after.length, text.length]);
    } finally {
      parse.mockRestore();
    }
    expect((await analyzeTree(dir, false)).outlines.size).toBe(0);
  });

  it('parses nothing when there is nothing to fix', async () => {
    const analysis = await analyzeTree(treeWith({ 'b.c': moduleWith('b', ['reset']) }), true);
    analysis.plans = [];
    const parse = vi.spyOn(Parser.prototype, 'parse');
    try {
      expect(applyFixes(analysis).size).toBe(0);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});

describe('applyFixes: a fixed text that would not parse is not written', () => {
  // With the prefilter a.c is parsed in parts (only those are compared); without, whole.
  for (const prefilter of [true, false]) {
    it(`refuses every fix in that file and keeps the other files' fixes (prefilter ${prefilter ? 'on' : 'off'})`, async () => {
      const dir = treeWith({ 'a.c': moduleWith('a', ['reset', 'clear']), 'b.c': moduleWith('b', ['reset']) });
      const analysis = await analyzeTree(dir, prefilter);
      const facts = analysis.index.files.get('a.c')!;
      expect(facts.parseErrors).toEqual([]);
      expect(Boolean(facts.partial && !facts.partial.parsedWhole), 'a.c parsed in parts (both ways of comparing errors are tried)').toBe(prefilter);
      const [reset, clear] = plansIn(analysis, 'a.c');
      expect([reset?.func, clear?.func]).toEqual(['a_reset', 'a_clear']);
      expect(reset.fix && clear.fix && plansIn(analysis, 'b.c')[0]?.fix).toBeTruthy();

      // One stray ')' in one edit of a_reset: its parameter list would no longer parse.
      const [first, ...rest] = reset.fix!.edits;
      reset.fix!.edits = [{ ...first, text: `${first.text})` }, ...rest];
      const fixed = applyFixes(analysis);

      expect([...fixed.keys()]).toEqual(['b.c']);
      expect(fixed.get('b.c')!.after).toContain('b_reset(PyObject *self, PyObject *Py_UNUSED(ignored))');
      for (const plan of [reset, clear]) {
        expect(plan.fix, plan.func).toBeUndefined();
        expect(plan.refusal, plan.func).toEqual({
          reason: 'parse-error',
          message: "the fixed 'a.c' would not parse; fpcast left it unchanged",
          locations: [plan.definition],
        });
      }
      expect(plansIn(analysis, 'b.c')[0].refusal).toBeUndefined();
    });
  }

  it('writes the same file when its fixed text parses as well as before', async () => {
    const dir = treeWith({ 'a.c': moduleWith('a', ['reset', 'clear']) });
    const analysis = await analyzeTree(dir, true);
    expect([...applyFixes(analysis).keys()]).toEqual(['a.c']);
    expect(analysis.plans.every((p) => p.fix && !p.refusal)).toBe(true);
  });
});

describe('the planner: a fix that would edit code that does not parse is refused', () => {
  // A prototype whose parameter list ends in a stray comma (left behind by a
  // macro that expands to nothing, say): fpcast cannot tell what its
  // parameters are, so it cannot tell how to change it.
  const prototype = [
    '#include <Python.h>',
    '',
    'static PyObject *mod_reset(PyObject *self,);',
    '',
    'static PyObject *',
    'mod_reset(PyObject *self)',
    '{',
    '    return NULL;',
    '}',
    '',
    'static PyMethodDef mod_methods[] = {',
    '    {"reset", (PyCFunction)mod_reset, METH_NOARGS, NULL},',
    '    {NULL, NULL, 0, NULL}',
    '};',
    '',
  ].join('\n');
  const params = { start: prototype.indexOf('(PyObject *self,);'), end: prototype.indexOf(',);') + 2 };

  // A void setter whose body ends in something that does not parse right
  // before its closing brace: the `return 0;` the fix adds would go right
  // where tree-sitter gave up.
  const setter = [
    '#include <Python.h>',
    '',
    'static void',
    'obj_set_value(PyObject *self, PyObject *value, void *closure)',
    '{',
    '    Py_XDECREF(value); @}',
    '',
    'static PyGetSetDef obj_getset[] = {',
    '    {"value", NULL, (setter)obj_set_value, NULL, NULL},',
    '    {NULL}',
    '};',
    '',
  ].join('\n');
  const at = setter.indexOf('@');

  for (const prefilter of [true, false]) {
    it(`names the prototype that does not parse, and nothing is written (prefilter ${prefilter ? 'on' : 'off'})`, async () => {
      const analysis = await analyzeTree(treeWith({ 'mod.c': prototype }), prefilter);
      expect(analysis.findings.map((f) => `${f.rule} ${f.func}`)).toEqual(['meth-arity mod_reset']);
      expect(analysis.plans).toHaveLength(1);
      const [plan] = analysis.plans;
      expect(plan.fix).toBeUndefined();
      expect(plan.refusal).toEqual({
        reason: 'parse-error',
        message: "a declaration (or a call) of 'mod_reset' does not parse, so fpcast cannot tell how to change it",
        locations: [{ file: 'mod.c', range: params, note: 'tree-sitter cannot parse this parameter list' }],
      });
      expect(applyFixes(analysis).size).toBe(0);
    });

    it(`names the region that does not parse, and nothing is written (prefilter ${prefilter ? 'on' : 'off'})`, async () => {
      const analysis = await analyzeTree(treeWith({ 'obj.c': setter }), prefilter);
      expect(analysis.findings.map((f) => `${f.rule} ${f.func}`)).toEqual(['getset-signature obj_set_value']);
      expect(analysis.plans).toHaveLength(1);
      const [plan] = analysis.plans;
      expect(plan.fix).toBeUndefined();
      expect(plan.refusal).toEqual({
        reason: 'parse-error',
        message: "the code around 'obj_set_value' does not parse, so fpcast will not edit it",
        locations: [{ file: 'obj.c', range: { start: at, end: at + 1 }, note: 'could not parse this region' }],
      });
      expect(applyFixes(analysis).size).toBe(0);
    });
  }
});
