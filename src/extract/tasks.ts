// The work done for one file, in a worker thread or in the main thread alike:
// parse the parts asked for (see parts.ts), or the whole file, and extract
// their facts. A file whose parts had to be read from a parse of the whole
// file keeps that tree here, so that later looks at it, whole ones too, do
// not parse it again (the pool sends them to the thread that holds it). Facts
// of parts come without includes: the caller has them from the file's outline.

import type Parser from 'tree-sitter';
import { extractFacts, NewlineIndex, parseC } from './extract.js';
import type { FileFacts } from './facts.js';
import type { Shape } from './outline.js';
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

/** What this thread keeps of a file, for the text it was asked about: the
 * whole tree made for its parts, and its line ends (a file is asked for
 * parts round after round). Another text of the file starts afresh. */
interface Kept {
  text: string;
  tree?: Parser.Tree;
  newlines?: NewlineIndex;
}

const kept = new Map<string, Kept>();

function keptFor(file: string, text: string): Kept {
  let known = kept.get(file);
  if (known?.text !== text) kept.set(file, (known = { text }));
  return known;
}

/** `shape`: the file's outline (or its shape), when the caller has it. */
export function runTask(file: string, text: string, want: Want, shape?: Shape): TaskResult {
  const parts = typeof want === 'string' ? 'whole' : want;
  const known = keptFor(file, text);
  // Only a whole parse made for parts is kept: those are the files asked about again.
  const wholeTree = (whole: string, masking?: ArrayLike<number>): Parser.Tree => {
    if (known.tree) return known.tree;
    const tree = parseC(whole, undefined, undefined, masking);
    if (parts !== 'whole') known.tree = tree;
    return tree;
  };
  const options = { wholeTree, newlines: parts === 'whole' ? undefined : (known.newlines ??= new NewlineIndex(text)), shape };
  const facts = extractFacts(file, text, parts, want === 'whole' ? options : { ...options, includes: [] });
  return known.tree ? { facts, kept: true } : { facts };
}

/** Drop every kept tree and line index (the analysis is over). */
export function releaseTrees(): void {
  kept.clear();
}
