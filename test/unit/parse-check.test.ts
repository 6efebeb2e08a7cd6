// The check that a fix does not make a file parse worse (src/fix/parse-check.ts),
// which parses only the items the edits touch: it must never pass what
// comparing parses of the whole texts refuses, on fix-like edits and on edits
// that break things (unclosed comments and `#if`s, stray braces, half directives).

import { describe, expect, it } from 'vitest';
import { parseErrorRegions } from '../../src/extract/extract.js';
import { applyEdits } from '../../src/fix/edits.js';
import { editsAddParseErrors, itemsToCheck } from '../../src/fix/parse-check.js';
import { corpusSources } from '../support/corpus.js';
import { RAGGED } from '../support/windowed-texts.js';

type TextEdit = { range: { start: number; end: number }; text: string };

/** The answer of whole-file parses. */
const wholeSays = (before: string, after: string) => parseErrorRegions(after).length > parseErrorRegions(before).length;

function check(before: string, edits: TextEdit[]): { items: boolean; whole: boolean } {
  const after = applyEdits(before, edits);
  return { items: editsAddParseErrors(before, after, edits), whole: wholeSays(before, after) };
}

/** Numbers below `n`, the same run after run for a seed. */
function seeded(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
}

const at = (text: string, needle: string, offset = 0) => {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`no '${needle}' in the sample`);
  return i + offset;
};

const SAMPLE = `#include <Python.h>

/* A getter without its closure. */
static PyObject *
counter_get(PyObject *self)
{
    return PyLong_FromLong(1);
}

#define TWICE(x) ((x) * 2)

static PyObject *
counter_ping(PyObject *self)
{
#ifdef DEBUG
    puts("ping");
#endif
    Py_RETURN_NONE;
}

static PyGetSetDef counter_getset[] = {
    {"value", (getter)counter_get, NULL, NULL, NULL},
    {NULL}
};
`;

describe('editsAddParseErrors', () => {
  it('passes a fix that adds a parameter', () => {
    const open = at(SAMPLE, 'counter_get(PyObject *self)', 'counter_get(PyObject *self'.length);
    expect(check(SAMPLE, [{ range: { start: open, end: open }, text: ', void *Py_UNUSED(closure)' }])).toEqual({ items: false, whole: false });
  });

  it('passes a function inserted after another, and a cast removed from a table', () => {
    const end = at(SAMPLE, '}\n\n#define', 1);
    const cast = at(SAMPLE, '(getter)');
    const edits = [
      { range: { start: end, end }, text: '\n\nstatic int\ncounter_wrap(void)\n{\n    return 0;\n}' },
      { range: { start: cast, end: cast + '(getter)'.length }, text: '' },
    ];
    expect(check(SAMPLE, edits)).toEqual({ items: false, whole: false });
  });

  it('parses only the function a fix-like edit touches, before and after', () => {
    const open = at(SAMPLE, 'counter_get(PyObject *self)', 'counter_get(PyObject *self'.length);
    const edits = [{ range: { start: open, end: open }, text: ', void *Py_UNUSED(closure)' }];
    const items = itemsToCheck(SAMPLE, applyEdits(SAMPLE, edits), edits);
    const start = at(SAMPLE, 'static PyObject *\ncounter_get');
    const end = at(SAMPLE, '}\n\n#define', 1);
    if (items === 'whole') throw new Error('the function reads alone');
    expect([items.before.ranges, items.after.ranges]).toEqual([[start, end], [start, end + ', void *Py_UNUSED(closure)'.length]]);
    expect([items.before.windows, items.after.windows]).toEqual([[], []]);
  });

  it('reads a ragged function in a window, before and after, and answers as whole-file parses do', () => {
    const open = at(RAGGED, 'spam(PyObject *self, PyObject *args', 'spam(PyObject *self, PyObject *args'.length);
    const fix = [{ range: { start: open, end: open }, text: ', PyObject *Py_UNUSED(kwargs)' }];
    const items = itemsToCheck(RAGGED, applyEdits(RAGGED, fix), fix);
    if (items === 'whole') throw new Error('a ragged function is read in a window');
    expect(items.before.ranges).toEqual([]);
    // The window: the function, with the fillers just before and after it for neighbours.
    const [window] = items.before.windows;
    expect(RAGGED.slice(window.span[0], window.inner[0])).toMatch(/^static int\nbefore5\(int x\)[^]*\}$/);
    expect(RAGGED.slice(window.inner[1], window.span[1])).toMatch(/^static int\nafter0\(int x\)[^]*\}$/);
    expect(items.after.windows[0].span[1] - window.span[1]).toBe(', PyObject *Py_UNUSED(kwargs)'.length);
    expect(check(RAGGED, fix)).toEqual({ items: false, whole: false });
    // A parameter list left open is caught; so is a condition without its `(`.
    expect(check(RAGGED, [{ range: { start: open, end: open + 1 }, text: '' }])).toEqual({ items: true, whole: true });
    const cond = at(RAGGED, 'if (args', 'if '.length);
    expect(check(RAGGED, [{ range: { start: cond, end: cond + 1 }, text: '' }])).toEqual({ items: true, whole: true });
  });

  it('reads two ragged functions one item apart in one window', () => {
    // The second is the first under another name, one filler after it.
    const first = RAGGED.slice(at(RAGGED, 'static PyObject *\nspam('), at(RAGGED, 'static int\nafter0'));
    const text = RAGGED.replace(first, `${first}static int\nbetween(int x)\n{\n    return x;\n}\n\n${first.replace('spam(', 'spam2(')}`);
    const heads = ['spam(PyObject *self, PyObject *args', 'spam2(PyObject *self, PyObject *args'].map((head) => at(text, head, head.length));
    const fix = heads.map((open) => ({ range: { start: open, end: open }, text: ', PyObject *Py_UNUSED(kwargs)' }));
    const items = itemsToCheck(text, applyEdits(text, fix), fix);
    if (items === 'whole') throw new Error('ragged functions are read in windows');
    expect(items.before.windows.length).toBe(1);
    expect(text.slice(items.before.windows[0].inner[0], items.before.windows[0].inner[1])).toContain('between(int x)');
    expect(check(text, fix)).toEqual({ items: false, whole: false });
    const broken = [fix[0], { range: { start: heads[1], end: heads[1] + 1 }, text: '' }];
    expect(check(text, broken)).toEqual({ items: true, whole: true });
  });

  it('reads the whole file when an edit touches a window\'s neighbour', () => {
    const open = at(RAGGED, 'spam(PyObject *self, PyObject *args', 'spam(PyObject *self, PyObject *args'.length);
    const neighbour = at(RAGGED, 'after0(int x', 'after0(int x'.length);
    const edits = [
      { range: { start: open, end: open }, text: ', PyObject *kwargs' },
      { range: { start: neighbour, end: neighbour }, text: ', int y' },
    ];
    expect(itemsToCheck(RAGGED, applyEdits(RAGGED, edits), edits)).toBe('whole');
  });

  it('parses the whole file for an item inside a conditional opened before it, and for a line joined to a #define', () => {
    const guarded = `#ifdef HAVE_X\n${SAMPLE}#endif\n`;
    const open = at(guarded, 'counter_get(PyObject *self)', 'counter_get(PyObject *self'.length);
    const edits = [{ range: { start: open, end: open }, text: ', void *closure' }];
    expect(itemsToCheck(guarded, applyEdits(guarded, edits), edits)).toBe('whole');
    const joined = `#define ADD(x) do { f(x); } while (0)\n\nstatic int\nmod_exec(PyObject *m)\n{\n    return 0;\n}\n`;
    const end = at(joined, 'while (0)', 'while (0)'.length);
    const join = [{ range: { start: end, end: end + 2 }, text: '' }];
    expect(itemsToCheck(joined, applyEdits(joined, join), join)).toBe('whole');
  });

  it('takes the whole file\'s error count before from the caller when it must parse the whole file', () => {
    const broken = `${SAMPLE}\nstatic int broken = );\n`;
    const gap = at(broken, '\nstatic PyObject *\ncounter_ping');
    const edits = [{ range: { start: gap, end: gap }, text: '\n#if X' }];
    const after = applyEdits(broken, edits);
    expect(itemsToCheck(broken, after, edits)).toBe('whole');
    const whole = { before: parseErrorRegions(broken).length, after: parseErrorRegions(after).length };
    expect(whole.after).toBeGreaterThan(whole.before);
    // The count given stands for the text before: given as high as the fixed text's, nothing was added.
    expect(editsAddParseErrors(broken, after, edits, { errors: whole.before })).toBe(true);
    expect(editsAddParseErrors(broken, after, edits, { errors: whole.after })).toBe(false);
  });

  it('catches a parameter list left open', () => {
    const close = at(SAMPLE, 'counter_ping(PyObject *self)', 'counter_ping(PyObject *self'.length);
    expect(check(SAMPLE, [{ range: { start: close, end: close + 1 }, text: '' }])).toEqual({ items: true, whole: true });
  });

  it('catches a comment left open, which swallows the items after it', () => {
    const open = at(SAMPLE, 'return PyLong_FromLong(1);');
    expect(check(SAMPLE, [{ range: { start: open, end: open }, text: '/* ' }])).toEqual({ items: true, whole: true });
  });

  it('catches an #if without its #endif between items', () => {
    const gap = at(SAMPLE, '\nstatic PyObject *\ncounter_ping');
    expect(check(SAMPLE, [{ range: { start: gap, end: gap }, text: '\n#if X' }])).toEqual({ items: true, whole: true });
  });

  it('catches a directive that swallows the head of the item after it', () => {
    // Deleting the newline that ends a #define joins the next line to the
    // macro: the function's range alone still reads well, the file does not.
    const text = `#define ADD(x) do { f(x); } while (0)\n\nstatic int\nmod_exec(PyObject *m)\n{\n    return 0;\n}\n`;
    const end = at(text, 'while (0)', 'while (0)'.length);
    expect(check(text, [{ range: { start: end, end: end + 2 }, text: '' }])).toEqual({ items: true, whole: true });
  });

  it('is not fooled by an error the file had before, elsewhere', () => {
    const broken = `${SAMPLE}\nstatic int broken = );\n`;
    expect(parseErrorRegions(broken).length).toBeGreaterThan(0);
    const open = at(broken, 'counter_get(PyObject *self)', 'counter_get(PyObject *self'.length);
    expect(check(broken, [{ range: { start: open, end: open }, text: ', void *closure' }])).toEqual({ items: false, whole: false });
  });

  it('never passes what whole-file parses refuse, on 400 random edits in and around a ragged function', () => {
    const snippets = ['PyObject *Py_UNUSED(ignored)', ', void *closure', 'return 0;', '', ')', '(', '{', '}', ';', ',', '/*', '"', '#if X\n', '\n#endif\n', '\n#else\n'];
    const from = at(RAGGED, 'before4(');
    const to = at(RAGGED, 'after1(');
    const random = seeded(11);
    const passedBroken: string[] = [];
    let windowed = 0;
    let broke = 0;
    for (let i = 0; i < 400; i++) {
      const start = from + random(to - from);
      const edits = [{ range: { start, end: Math.min(RAGGED.length, start + random(3)) }, text: snippets[random(snippets.length)] }];
      const reading = itemsToCheck(RAGGED, applyEdits(RAGGED, edits), edits);
      if (reading !== 'whole' && reading.before.windows.length) windowed++;
      const { items, whole } = check(RAGGED, edits);
      if (whole) broke++;
      if (whole && !items) passedBroken.push(JSON.stringify(edits));
    }
    expect(passedBroken).toEqual([]);
    expect(broke).toBeGreaterThan(50);
    expect(windowed, `window checks: ${windowed}`).toBeGreaterThan(50);
  });

  it('never passes what whole-file parses refuse, on 1500 random edits of corpus files', () => {
    const files = corpusSources();
    const snippets = ['PyObject *Py_UNUSED(ignored)', ', void *closure', '\n\nstatic int w(void) { return 0; }\n', 'return 0;', '(PyCFunction)', '', ')', '(', '{', '}', ';', ',', 'int', '/*', '"', '#if X\n', '\n#endif\n'];
    const random = seeded(7);
    const passedBroken: string[] = [];
    let broke = 0;
    let refusedMore = 0;
    let itemsOnly = 0;
    for (let i = 0; i < 1500; i++) {
      const { file, text } = files[random(files.length)];
      const edits: TextEdit[] = [];
      for (let from = 0, n = 1 + random(2); n > 0 && from < text.length; n--) {
        const start = from + random(text.length - from);
        const end = Math.min(text.length, start + random(3));
        edits.push({ range: { start, end }, text: snippets[random(snippets.length)] });
        from = end + 1;
      }
      const { items, whole } = check(text, edits);
      if (itemsToCheck(text, applyEdits(text, edits), edits) !== 'whole') itemsOnly++;
      if (whole) broke++;
      if (whole && !items) passedBroken.push(`${file} ${JSON.stringify(edits)}`);
      if (items && !whole) refusedMore++;
    }
    // Never passes what whole parses refuse, and refuses what they pass
    // only now and then (error recovery differs a little between an item
    // alone and an item in its file).
    expect(passedBroken).toEqual([]);
    expect(refusedMore).toBeLessThan(15);
    // The sample holds both answers in number.
    expect(broke).toBeGreaterThan(300);
    expect(broke).toBeLessThan(1200);
    // And it tries the items-only path, not only the whole-file fallback.
    expect(itemsOnly, `items-only checks: ${itemsOnly}`).toBeGreaterThan(300);
  });
});
