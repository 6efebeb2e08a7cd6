// `check --format github`: GitHub Actions workflow commands, so that findings
// show as annotations on the pull request's diff:
//   ::error file=src/x.c,line=3,col=5,endLine=3,endColumn=9,title=fpcast meth-arity::message
// Escaping follows the runner's rules: in the message `%`, CR and LF; in
// property values additionally `:` and `,`.

import type { Problem } from '../discover/discover.js';
import type { FindingRecord } from './report.js';

export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

type Command = 'error' | 'warning' | 'notice';

export function annotation(command: Command, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ' ' + props : ''}::${escapeData(message)}`;
}

const COMMANDS: Record<Problem['severity'], Command> = { error: 'error', warning: 'warning', note: 'notice' };

/** What the annotation adds under the message: where the function is, and whether `fpcast fix` can fix it. */
function details(record: FindingRecord): string[] {
  const lines = record.related.map((l) => `${l.repoPath}:${l.line}:${l.column}: ${l.note}`);
  const fix = record.fix;
  if (fix.status === 'fixable') lines.push(`'fpcast fix' fixes this: ${fix.summary}`);
  if (fix.status === 'refused') lines.push(`'fpcast fix' cannot fix this (${fix.reason}): ${fix.message}`);
  return lines;
}

export function findingAnnotation(record: FindingRecord): string {
  const sameLine = record.end.line === record.start.line;
  return annotation(
    record.severity,
    {
      file: record.start.repoPath,
      line: record.start.line,
      col: record.start.column,
      endLine: sameLine ? undefined : record.end.line,
      endColumn: sameLine ? record.end.column : undefined,
      title: `fpcast ${record.rule}`,
    },
    [record.message, ...details(record)].join('\n'),
  );
}

export function problemAnnotation(problem: Problem, repoPathOf: (file: string) => string): string {
  return annotation(
    COMMANDS[problem.severity],
    {
      file: problem.file ? repoPathOf(problem.file) : undefined,
      line: problem.line,
      col: problem.line ? (problem.column ?? 1) : undefined,
      title: 'fpcast',
    },
    problem.message,
  );
}
