// Regions tree-sitter could not parse, as problems: never skipped silently.
//
// Parse errors are normal in real C (macros, `#ifdef` splitting a
// declaration): most of CPython's files have some. So the report is graded:
// - a region that could hide something fpcast checks (it overlaps a table,
//   initializes a variable of a struct a rule reads, or names a METH_ flag or
//   slot id) is a warning, one line per region, naming what is in or around it;
// - the other regions of a file are one note line for the whole file;
// - and when there is more than one region, a last line counts them all.
// Warnings and notes go to stderr and never change the exit code.

import type { FileFacts, Range } from '../extract/facts.js';
import type { Problem } from '../discover/discover.js';
import type { LineIndex } from '../source/source-file.js';
import { lineSpan } from './lines.js';
import type { Rule } from './types.js';

/** Spellings that tie a region to what the rules read: a variable of a
 * struct a rule reads being initialized (`PyMethodDef m[] =`; a mere
 * `PyTypeObject *t;` is not one), or a METH_ flag or slot id. Group 1 or 2
 * is the word to name. */
function relevantWords(rules: Rule[]): RegExp {
  const structs = [...new Set(rules.flatMap((r) => (r.kind === 'table' ? r.structs : [])))].map((s) => s.replace(/[^\w]/g, ''));
  const table = `\\b(${structs.join('|') || '(?!)'})\\s*\\**\\s*\\w+\\s*(?:\\[[^\\]]*\\])?\\s*=`;
  const slot = '\\b(METH_\\w+|Py_(?:tp|nb|sq|mp|am|bf|mod)_\\w+)\\b';
  return new RegExp(`${table}|${slot}`, 'g');
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;
const within = (inner: Range, outer: Range) => outer.start <= inner.start && inner.end <= outer.end;

const quoteList = (names: string[], max = 4) => {
  const shown = names.slice(0, max).map((n) => `'${n}'`).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
};

function linesOf(lines: LineIndex, region: Range): { first: number; column: number; text: string } {
  const { first, last, column } = lineSpan(lines, region);
  return { first, column, text: last > first ? `lines ${first}-${last}` : `line ${first}` };
}

interface Described {
  region: Range;
  relevant: boolean;
  where: string;
}

function describe(facts: FileFacts, text: string, lines: LineIndex, region: Range, words: RegExp): Described {
  const tables = facts.tables.filter((t) => overlaps(t.range, region) || within(region, t.range));
  const host = facts.functions.find((f) => within(region, f.body));
  const around = facts.functions.filter((f) => f !== host && (overlaps(f.range, region) || within(region, f.range)));
  // Error recovery often leaves only a token or two in the ERROR node, so
  // look at the whole lines the region spans.
  const start = lines.lineStart(region.start);
  const spanned = text.slice(start, lineEndOf(text, region.end));
  const mentioned = [...new Set([...spanned.matchAll(words)].map((m) => m[1] ?? m[2]))];
  const parts: string[] = [`near '${excerpt(text.slice(start, lineEndOf(text, region.start)))}'`];
  if (host) parts.push(`inside function '${host.name}'`);
  if (around.length) parts.push(`around function${around.length > 1 ? 's' : ''} ${quoteList(around.map((f) => f.name))}`);
  if (tables.length) parts.push(`in table${tables.length > 1 ? 's' : ''} ${quoteList(tables.map((t) => t.name))}`);
  if (mentioned.length) parts.push(`mentions ${quoteList(mentioned)}`);
  return { region, relevant: tables.length > 0 || mentioned.length > 0, where: ` (${parts.join('; ')})` };
}

const EXCERPT = 40;

/** A line as a short, printable quote: blanks collapsed, other bytes as '?'. */
function excerpt(line: string): string {
  const flat = line.replace(/\s+/g, ' ').trim().replace(/[^\x20-\x7e]/g, '?').replaceAll("'", '"');
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1).trimEnd()}…` : flat;
}

/** One problem per parse-error region that could hide a table, one per file
 * for the rest, and a count when there is more than one region. */
export function unparsedRegionProblems(facts: FileFacts[], lineIndexOf: (file: string) => LineIndex | undefined, rules: Rule[]): Problem[] {
  const words = relevantWords(rules);
  const problems: Problem[] = [];
  let regions = 0;
  let files = 0;
  for (const file of facts) {
    const lines = file.parseErrors.length ? lineIndexOf(file.file) : undefined;
    if (!lines) continue;
    const text = lines.text;
    const merged = byLine(file.parseErrors, lines);
    regions += merged.length;
    files++;
    const described = merged.map((region) => describe(file, text, lines, region, words));
    for (const d of described.filter((d) => d.relevant)) {
      const at = linesOf(lines, d.region);
      problems.push({
        severity: 'warning', file: file.file, line: at.first, column: at.column,
        message: `could not parse ${at.text}${d.where}; functions and tables there may not have been checked`,
      });
    }
    const rest = described.filter((d) => !d.relevant);
    if (!rest.length) continue;
    const at = linesOf(lines, rest[0].region);
    const listed = rest.slice(0, LISTED).map((d) => linesOf(lines, d.region).text + d.where);
    const more = rest.length > LISTED ? ` and ${rest.length - LISTED} more` : '';
    const message = rest.length === 1
      ? `could not parse ${listed[0]}; functions there may not have been checked`
      : `could not parse ${rest.length} regions: ${listed.join(', ')}${more}; functions there may not have been checked`;
    problems.push({ severity: 'note', file: file.file, line: at.first, column: at.column, message });
  }
  if (regions > 1) {
    problems.push({
      severity: 'note',
      message: `${regions} regions in ${files} file${files === 1 ? '' : 's'} could not be parsed (listed above); functions and tables there may not have been checked`,
    });
  }
  return problems;
}

/** Regions that share a line, as one: a line is what users look at. */
function byLine(regions: Range[], lines: LineIndex): Range[] {
  const out: { range: Range; last: number }[] = [];
  for (const region of [...regions].sort((a, b) => a.start - b.start)) {
    const { first, last } = lineSpan(lines, region);
    const prev = out[out.length - 1];
    if (prev && first <= prev.last) {
      prev.range = { start: prev.range.start, end: Math.max(prev.range.end, region.end) };
      prev.last = Math.max(prev.last, last);
    } else {
      out.push({ range: { ...region }, last });
    }
  }
  return out.map((r) => r.range);
}

/** How many regions a file's note line spells out. */
const LISTED = 5;

const LINE_BREAK = /[\r\n]/g;

/** Where the line holding `offset` ends (its line break, or the text's end). */
function lineEndOf(text: string, offset: number): number {
  LINE_BREAK.lastIndex = offset;
  return LINE_BREAK.exec(text)?.index ?? text.length;
}
