// A file the prefilter wants whole after outlining it is extracted without
// reading its includes again (its outline has them): the request says so,
// and the facts the analysis sees carry the outline's includes.

import { describe, expect, it } from 'vitest';
import { analyzeInRounds, type ExtractRequest } from '../../src/discover/prefilter.js';
import { emptyFacts, type FileFacts } from '../../src/extract/facts.js';
import { runTask } from '../../src/extract/tasks.js';
import { link } from '../../src/index/link.js';

const files = [
  { path: 'a.c', text: '#include "a.h"\n#include "b.h"\nint f(void) { return 0; }\n' },
  { path: 'a.h', text: 'int f(void);\n' },
];

describe('a whole file of an outlined run', () => {
  it('is asked for without its includes, and gets those of its outline', async () => {
    const requests: ExtractRequest[] = [];
    const rounds = await analyzeInRounds({
      files,
      extract: async (asked) => {
        requests.push(...asked);
        return new Map(asked.map((r) => [r.file, runTask(r.file, files.find((f) => f.path === r.file)!.text, r.want)]));
      },
      emptyFacts,
      link,
      // Reading a file's functions other than through the index's maps wants the file whole.
      analyze: (index) => index.files.get('a.c')!.functions.length,
      required: () => [],
      probe: false,
    });
    expect(rounds.result).toBe(1);
    expect(requests).toEqual([{ file: 'a.c', want: 'whole, includes known' }]);
    const facts = rounds.parsedFacts.find((f) => f.file === 'a.c') as FileFacts;
    expect(facts.partial).toBeUndefined();
    expect(facts.includes).toEqual(['a.h', 'b.h']);
  });
});
