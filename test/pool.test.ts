// The extraction pool: worker threads give exactly the facts the main thread
// gives, in input order, and a file that fails is reported while the others
// go on.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTree } from '../bench/generate.js';
import { ExtractPool, type ExtractInput } from '../src/extract/pool.js';
import { readTree } from './support/cli.js';
import { corpusCases } from './support/corpus.js';

const tree = mkdtempSync(path.join(tmpdir(), 'fpcast-pool-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function inputs(): ExtractInput[] {
  generateTree(tree, { bytes: 200 * 1024, seed: 3 });
  const out: ExtractInput[] = [];
  for (const [file, bytes] of readTree(tree)) out.push({ file, text: bytes.toString('latin1') });
  for (const c of corpusCases()) {
    for (const [file, bytes] of readTree(c.input)) if (/\.[ch]$/.test(file)) out.push({ file: `${c.name}/${file}`, text: bytes.toString('latin1') });
  }
  return out;
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
