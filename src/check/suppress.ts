// `/* fpcast: ignore */` and `// fpcast: ignore[rule-id,…]` comments, for the
// cases a maintainer has judged. A comment silences a finding when it sits on
// a line of the finding's table entry, or on the first line (or the name's
// line) of the function's definition. This runs before planning, so a
// silenced finding is never fixed either.
//
// The comments are found by a small C lexer over the text rather than in the
// syntax tree: a comment inside an initializer list, a declarator, an
// unparsable region or a file the prefilter never parsed counts all the same.

import type { FileFacts, Range } from '../extract/facts.js';
import type { LineIndex } from '../source/source-file.js';
import { literalStop } from '../extract/outline.js';
import { lineSpan } from './lines.js';
import type { Finding } from './types.js';

export const UNUSED_IGNORE_RULE = 'unused-ignore';

export interface Suppression {
  file: string;
  range: Range;
  rules: string[] | 'all';
}

export interface SuppressResult {
  /** The findings nothing silenced. */
  findings: Finding[];
  suppressed: Finding[];
  /** Every suppression comment, with the rule ids of the findings it silenced. */
  suppressions: (Suppression & { silenced: string[] })[];
}

export type UnusedSuppression = Suppression & { unusedRules: string[] | 'all' };

/** Every `fpcast: ignore` comment spells it (a text without it holds none). */
export const SUPPRESSION_WORD = 'fpcast';

const SUPPRESSION = /fpcast:\s*ignore\b(?:\[([^\]]*)\])?/;

/** Every `fpcast: ignore` comment in a C text, skipping string and character literals. */
export function findSuppressions(text: string): { range: Range; rules: string[] | 'all' }[] {
  const found: { range: Range; rules: string[] | 'all' }[] = [];
  if (!text.includes(SUPPRESSION_WORD)) return found;
  const take = (start: number, end: number) => {
    const match = SUPPRESSION.exec(text.slice(start, end));
    if (!match) return;
    const rules = match[1] === undefined ? 'all' : match[1].split(',').map((r) => r.trim()).filter(Boolean);
    found.push({ range: { start, end }, rules });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      // a literal ends at its unescaped quote or, unterminated, at the line's end
      i = literalStop(text, i);
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      take(i, end);
      i = end - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      let end = i + 2;
      // a backslash at the end of the line continues a // comment
      while (end < text.length && (text[end] !== '\n' || text[end - 1] === '\\' || (text[end - 1] === '\r' && text[end - 2] === '\\'))) end++;
      const stop = text[end - 1] === '\r' ? end - 1 : end;
      take(i, stop);
      i = end - 1;
    }
  }
  return found;
}

/** The comments of each text, found once in a run (the prefilter analyzes it
 * round after round); keyed by the run's line index of the file. */
const commentsOf = new WeakMap<LineIndex, ReturnType<typeof findSuppressions>>();

interface Place {
  file: string;
  line: number;
}

/** Lines (1-based) a range covers in `file`. */
function linesOf(index: LineIndex, range: Range): number[] {
  const { first, last } = lineSpan(index, range);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Where a comment may stand to silence `finding`. */
function placesFor(finding: Finding, lines: (file: string, range: Range) => number[]): Place[] {
  const entry = finding.expectation ? { file: finding.expectation.file, range: finding.expectation.entry.range } : finding;
  const places = lines(entry.file, entry.range).map((line) => ({ file: entry.file, line }));
  const def = finding.definition;
  if (def) {
    for (const range of [def.range, def.nameRange]) {
      const line = lines(def.file, { start: range.start, end: range.start + 1 })[0];
      if (line !== undefined) places.push({ file: def.file, line });
    }
  }
  return places;
}

/** Split `findings` into those still reported and those a comment silences. */
export function applySuppressions(
  findings: Finding[], facts: FileFacts[],
  /** The line index of each file the run read (the run's own, so that each file's lines are found once). */
  indexOf: (file: string) => LineIndex | undefined,
): SuppressResult {
  const lines = (file: string, range: Range): number[] => {
    const index = indexOf(file);
    return index ? linesOf(index, range) : [];
  };

  // file → line → the suppressions whose comment covers that line
  const byLine = new Map<string, Map<number, Suppression[]>>();
  const all: Suppression[] = [];
  const files = new Set([...facts.map((f) => f.file), ...findings.flatMap((f) => [f.file, ...(f.definition ? [f.definition.file] : [])])]);
  for (const file of [...files].sort()) {
    const index = indexOf(file);
    if (!index) continue;
    let found = commentsOf.get(index);
    if (!found) commentsOf.set(index, (found = findSuppressions(index.text)));
    for (const s of found) {
      const suppression: Suppression = { file, range: s.range, rules: s.rules };
      all.push(suppression);
      const fileMap = byLine.get(file) ?? new Map<number, Suppression[]>();
      byLine.set(file, fileMap);
      for (const line of lines(file, s.range)) {
        const here = fileMap.get(line);
        if (here) here.push(suppression);
        else fileMap.set(line, [suppression]);
      }
    }
  }

  const silenced = new Map<Suppression, Set<string>>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const silencers = placesFor(finding, lines)
      .flatMap((p) => byLine.get(p.file)?.get(p.line) ?? [])
      .filter((s) => s.rules === 'all' || s.rules.includes(finding.rule));
    if (!silencers.length) {
      kept.push(finding);
      continue;
    }
    suppressed.push(finding);
    for (const s of silencers) silenced.set(s, (silenced.get(s) ?? new Set<string>()).add(finding.rule));
  }
  return { findings: kept, suppressed, suppressions: all.map((s) => ({ ...s, silenced: [...(silenced.get(s) ?? [])] })) };
}

/**
 * The suppressions that silenced nothing, and in a rule list the ids that
 * silenced nothing. A known rule that did not run this time (`--select`) may
 * still be needed, so it is not judged; an id that is no rule at all is.
 */
export function unusedSuppressions(suppressions: SuppressResult['suppressions'], ranRules: string[], knownRules: string[]): UnusedSuppression[] {
  const unused: UnusedSuppression[] = [];
  for (const { silenced, ...s } of suppressions) {
    if (s.rules === 'all') {
      if (!silenced.length) unused.push({ ...s, unusedRules: 'all' });
      continue;
    }
    const idle = s.rules.filter((rule) => !silenced.includes(rule) && (ranRules.includes(rule) || !knownRules.includes(rule)));
    if (idle.length) unused.push({ ...s, unusedRules: idle });
  }
  return unused;
}

/** Unused suppressions as warnings the emitters print like findings. */
export function unusedSuppressionFindings(unused: UnusedSuppression[], knownRules: string[]): Finding[] {
  return unused.map((s) => {
    const spelled = s.rules === 'all' ? 'fpcast: ignore' : `fpcast: ignore[${s.rules.join(',')}]`;
    let message: string;
    if (s.unusedRules === 'all') message = `'${spelled}' silences nothing here; remove it`;
    else {
      const unknown = s.unusedRules.filter((r) => !knownRules.includes(r));
      const idle = s.unusedRules.filter((r) => knownRules.includes(r));
      const quoted = (ids: string[]) => ids.map((r) => `'${r}'`).join(', ');
      const parts = [
        ...(unknown.length ? [`${quoted(unknown)} ${unknown.length === 1 ? 'is not a rule' : 'are not rules'} (see 'fpcast rules')`] : []),
        ...(idle.length ? [`${quoted(idle)} silence${idle.length === 1 ? 's' : ''} nothing here`] : []),
      ];
      message = `'${spelled}': ${parts.join('; ')}; remove ${s.unusedRules.length === s.rules.length ? 'the comment' : 'those ids'}`;
    }
    return { rule: UNUSED_IGNORE_RULE, severity: 'warning' as const, file: s.file, range: s.range, func: '', message, related: [] };
  });
}
