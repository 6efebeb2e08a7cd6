// The extraction pool: worker threads give exactly the facts the main thread
// gives, in input order, whole files and parts alike (over several requests
// for the same files, some of which keep their trees in a worker), and a file
// that fails is reported while the others go on.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTree } from '../bench/generate.js';
import { ITEM, itemsNamed, outline, wordHash, type Outline } from '../src/extract/outline.js';
import { isEmpty, noParts, partRanges, partsAround, tableParts, type Parts } from '../src/extract/parts.js';
import { ExtractPool, type ExtractInput, type ExtractOutcome } from '../src/extract/pool.js';
import { ensureBuilt } from './cli/built.js';
import { readTree } from './support/cli.js';
import { corpusSources } from './support/corpus.js';
import { EARLY_DEFINE_END } from './support/windowed-texts.js';

// Worker threads run the built worker script: it must be the code under test.
beforeAll(() => ensureBuilt(), 300_000);

const tree = mkdtempSync(path.join(tmpdir(), 'fpcast-pool-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function inputs(): ExtractInput[] {
  generateTree(tree, { bytes: 200 * 1024, seed: 3 });
  const generated = [...readTree(tree)].map(([file, bytes]) => ({ file, text: bytes.toString('latin1') }));
  return [...generated, ...corpusSources()];
}

describe('ExtractPool', () => {
  const all = inputs();

  it('gives the same facts from worker threads as from the main thread', async () => {
    const threads = new ExtractPool({ jobs: 2, inProcessBelow: 0 });
    const main = new ExtractPool({ jobs: 1 });
    try {
      const [a, b] = await Promise.all([threads.extract(all), main.extract(all)]);
      expect(threads.threaded).toBe(true);
      expect(main.threaded).toBe(false);
      expect(a.map((o) => o.file)).toEqual(all.map((i) => i.file));
      for (let i = 0; i < all.length; i++) {
        expect('facts' in a[i], all[i].file).toBe(true);
        expect(a[i], all[i].file).toStrictEqual(b[i]);
      }
    } finally {
      await threads.close();
      await main.close();
    }
  });

  it('takes work in the main thread only while it does not keep its core', async () => {
    const threads = new ExtractPool({ jobs: 3, inProcessBelow: 0 });
    const main = new ExtractPool({ jobs: 1 });
    try {
      const expected = await main.extract(all);
      // While the main thread keeps its core, the workers take every task.
      threads.keepCore(true);
      const kept = await threads.extract(all);
      expect(kept).toStrictEqual(expected);
      expect(threads.tasksInMainThread).toBe(0);
      // Then the main thread takes tasks too, alongside both workers.
      threads.keepCore(false);
      const shared = threads.extract(all);
      expect(threads.busyWorkers).toBe(2);
      expect(await shared).toStrictEqual(expected);
      expect(threads.tasksInMainThread).toBeGreaterThan(0);
      expect(threads.tasksInMainThread).toBeLessThan(all.length);
    } finally {
      await threads.close();
      await main.close();
    }
  });

  it('has one thread per core unless told otherwise: the main thread and a worker fewer', async () => {
    const pool = new ExtractPool({ inProcessBelow: 0 });
    try {
      const done = pool.extract(all);
      expect(pool.busyWorkers).toBe(Math.min(availableParallelism() - 1, all.length));
      await done;
    } finally {
      await pool.close();
    }
  });

  it('gives the same facts of parts from worker threads as from the main thread, request after request', async () => {
    const threads = new ExtractPool({ jobs: 2, inProcessBelow: 0 });
    const main = new ExtractPool({ jobs: 1 });
    const outlines = new Map(all.map((input) => [input.file, outline(input.text)]));
    const readWhole = new Set<string>();
    const heads = (o: Outline) => {
      const parts = noParts();
      for (let k = 0; k < o.items.length / ITEM.size; k++) if (o.items[k * ITEM.size + ITEM.open] >= 0) parts.heads.add(k);
      return parts;
    };
    const middle = (o: Outline, text: string) => partsAround(o, { start: text.length >> 1, end: (text.length >> 1) + 1 });
    const rounds: ((o: Outline, text: string) => Parts)[] = [tableParts, heads, middle];
    try {
      for (const pick of rounds) {
        const requests: ExtractInput[] = [];
        for (const input of all) {
          const o = outlines.get(input.file)!;
          const parts = pick(o, input.text);
          if (isEmpty(parts)) continue;
          const want = partRanges(o, parts);
          // As the prefilter does: a file once read from a whole parse is read from it again.
          if (want !== 'whole' && readWhole.has(input.file)) want.parseWhole = true;
          requests.push({ ...input, want });
        }
        const [a, b] = await Promise.all([threads.extract(requests), main.extract(requests)]);
        for (let i = 0; i < requests.length; i++) {
          const outcome = a[i];
          expect('facts' in outcome, requests[i].file).toBe(true);
          expect(outcome, requests[i].file).toStrictEqual(b[i]);
          if ('facts' in outcome && outcome.facts.partial?.parsedWhole) readWhole.add(requests[i].file);
        }
      }
      expect(threads.threaded).toBe(true);
      expect(readWhole.size).toBeGreaterThan(0);
      // Then every file whole, as the prefilter asks once it has the includes
      // from the outline: from the tree kept for its parts, where there is one.
      const wholes = all.map((input) => ({ ...input, want: 'whole, includes known' as const }));
      const [a, b] = await Promise.all([threads.extract(wholes), main.extract(wholes)]);
      const fresh = await main.extract(all);
      const factsOf = (outcome: ExtractOutcome) => ('facts' in outcome ? outcome.facts : undefined);
      for (let i = 0; i < wholes.length; i++) {
        expect(a[i], wholes[i].file).toStrictEqual(b[i]);
        expect(factsOf(a[i]), wholes[i].file).toStrictEqual({ ...factsOf(fresh[i]), includes: [] });
      }
    } finally {
      await threads.close();
      await main.close();
    }
  });

  it('reads windows from the outline sent with a file, in a worker as in the main thread', async () => {
    // A `#define` whose comment ends it early for tree-sitter: the parse of
    // the parts fails, and the function after it is read in a window.
    const text = EARLY_DEFINE_END;
    const o = outline(text);
    const parts = noParts();
    for (const k of itemsNamed(o.heads, wordHash('spam_get'))) parts.heads.add(k);
    parts.defines.add(o.defines.findIndex((d) => d.name === 'CHECK_REFCOUNT'));
    const want = partRanges(o, parts);
    // An outline that says it cannot be trusted makes no windows: the file is parsed whole.
    const untrusted = { ...o, unsure: 'as the test says' };
    const requests: ExtractInput[] = [
      { file: 'trusted.c', text, want, shape: o },
      { file: 'untrusted.c', text, want, shape: untrusted },
    ];
    for (const jobs of [1, 2]) {
      const pool = new ExtractPool({ jobs, inProcessBelow: 0 });
      try {
        const [trusted, other] = await pool.extract(requests);
        expect(pool.threaded).toBe(jobs > 1);
        const facts = (outcome: ExtractOutcome) => ('facts' in outcome ? outcome.facts : undefined);
        expect(facts(trusted)?.functions.map((f) => f.name)).toContain('spam_get');
        expect(facts(trusted)?.partial?.parsedWhole, 'read in a window').toBeUndefined();
        expect(facts(other)?.partial?.parsedWhole, 'read from the whole file').toBe(true);
      } finally {
        await pool.close();
      }
    }
  });

  it('reports a file it cannot extract and goes on with the others', async () => {
    const some = all.slice(0, 6);
    const broken = [...some.slice(0, 3), { file: 'broken.c', text: 42 as unknown as string }, ...some.slice(3)];
    for (const jobs of [1, 2]) {
      const pool = new ExtractPool({ jobs, inProcessBelow: 0 });
      try {
        const outcomes = await pool.extract(broken);
        expect(outcomes.map((o) => o.file)).toEqual(broken.map((i) => i.file));
        expect('error' in outcomes[3] && outcomes[3].error).toMatch(/\w/);
        for (const [i, o] of outcomes.entries()) if (i !== 3) expect('facts' in o, o.file).toBe(true);
        // The pool still works afterwards.
        const again = await pool.extract(some.slice(0, 2));
        expect(again.every((o) => 'facts' in o)).toBe(true);
      } finally {
        await pool.close();
      }
    }
  });

  it('runs small inputs in the main thread and large ones on workers', async () => {
    const pool = new ExtractPool({ jobs: 2 });
    try {
      await pool.extract(all.slice(0, 1));
      expect(pool.threaded).toBe(false);
      const big = readFileSync(path.join(tree, [...readTree(tree).keys()][0])).toString('latin1').repeat(1);
      await pool.extract(Array.from({ length: 40 }, (_, i) => ({ file: `f${i}.c`, text: big + '\n'.repeat(20_000) })));
      expect(pool.threaded).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
