// The work done for one file, in a worker thread or in the main thread alike:
// parse the parts asked for (see parts.ts), or the whole file, and extract
// their facts. A file whose parts had to be read from a parse of the whole
// file keeps that tree here, so that later looks at it do not parse it again
// (the pool sends them to the thread that holds it). Facts of parts come
// without includes: the caller has them from the file's outline.

import type Parser from 'tree-sitter';
import { extractFacts, parseC } from './extract.js';
import type { FileFacts } from './facts.js';
import type { PartRanges } from './parts.js';

export type Want = PartRanges;

export interface TaskResult {
  facts: FileFacts;
  /** Set when this thread now keeps the file's tree. */
  kept?: true;
}

const trees = new Map<string, { text: string; tree: Parser.Tree }>();

export function runTask(file: string, text: string, want: Want): TaskResult {
  let kept = false;
  const wholeTree = (whole: string): Parser.Tree => {
    const known = trees.get(file);
    if (known?.text === whole) return known.tree;
    const tree = parseC(whole);
    trees.set(file, { text: whole, tree });
    kept = true;
    return tree;
  };
  // Facts of parts leave the includes to the caller, which has them from the outline.
  const result: TaskResult = { facts: want === 'whole' ? extractFacts(file, text) : extractFacts(file, text, want, { wholeTree, includes: [] }) };
  if (kept || trees.has(file)) result.kept = true;
  return result;
}

/** Drop every kept tree (the analysis is over). */
export function releaseTrees(): void {
  trees.clear();
}
