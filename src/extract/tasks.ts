// The work done for one file, in a worker thread or in the main thread alike:
// parse the parts asked for (see parts.ts), or the whole file, and extract
// their facts. A file whose parts had to be read from a parse of the whole
// file keeps that tree here, so that later looks at it, whole ones too, do
// not parse it again (the pool sends them to the thread that holds it). Facts
// of parts come without includes: the caller has them from the file's outline.

import type Parser from 'tree-sitter';
import { extractFacts, NewlineIndex, parseC } from './extract.js';
import type { FileFacts } from './facts.js';
import type { PartRanges } from './parts.js';

/** What is wanted of a file: parts of it, or all of it. 'whole' facts come
 * with the file's includes; 'whole, includes known' ones without them, as
 * facts of parts do (the caller has them from the file's outline). */
export type Want = PartRanges | 'whole, includes known';

export interface TaskResult {
  facts: FileFacts;
  /** Set when this thread keeps the file's tree. */
  kept?: true;
}

const trees = new Map<string, { text: string; tree: Parser.Tree }>();

/** The tree of `file` this thread keeps, if it was parsed from `text`. */
function keptTree(file: string, text: string): Parser.Tree | undefined {
  const known = trees.get(file);
  return known?.text === text ? known.tree : undefined;
}

/** The line ends of each file's text, found once: a file is asked for parts round after round. */
const newlines = new Map<string, { text: string; index: NewlineIndex }>();

function newlinesOf(file: string, text: string): NewlineIndex {
  let known = newlines.get(file);
  if (known?.text !== text) newlines.set(file, (known = { text, index: new NewlineIndex(text) }));
  return known.index;
}

function keep(file: string, text: string, tree: Parser.Tree): Parser.Tree {
  trees.set(file, { text, tree });
  return tree;
}

export function runTask(file: string, text: string, want: Want): TaskResult {
  const parts = typeof want === 'string' ? 'whole' : want;
  // Only a whole parse made for parts is kept: those are the files asked about again.
  const wholeTree = (whole: string): Parser.Tree => keptTree(file, whole) ?? (parts === 'whole' ? parseC(whole) : keep(file, whole, parseC(whole)));
  const options = { wholeTree, newlines: parts === 'whole' ? undefined : newlinesOf(file, text) };
  const facts = extractFacts(file, text, parts, want === 'whole' ? options : { ...options, includes: [] });
  return trees.has(file) ? { facts, kept: true } : { facts };
}

/** Drop every kept tree and line index (the analysis is over). */
export function releaseTrees(): void {
  trees.clear();
  newlines.clear();
}
