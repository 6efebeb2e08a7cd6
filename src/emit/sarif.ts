// `check --format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other
// SARIF viewers. One run; the driver lists every rule that ran with its
// documentation as help text; result locations are repository-relative URIs
// under the %SRCROOT% base. Plain JSON written by hand (the format is small
// and a test validates it against the OASIS schema).

import { pathToFileURL } from 'node:url';
import { UNUSED_IGNORE_RULE } from '../check/suppress.js';
import type { RuleDoc } from '../check/types.js';
import type { Problem } from '../discover/discover.js';
import type { FindingRecord, Report, Spot } from './report.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  tool: { name: string; version: string; informationUri: string };
  rules: RuleDoc[];
  /** Absolute path of the directory repository-relative paths start from. */
  repoRoot: string;
  repoPathOf(file: string): string;
}

/** A relative URI reference for a `/`-separated path: each segment percent-encoded. */
function pathToUri(repoPath: string): string {
  return repoPath.split('/').map(encodeURIComponent).join('/');
}

function physical(spot: Spot, end?: Spot) {
  return {
    artifactLocation: { uri: pathToUri(spot.repoPath), uriBaseId: SRCROOT },
    region: {
      startLine: spot.line,
      startColumn: spot.utf16Column,
      ...(end ? { endLine: end.line, endColumn: end.utf16Column } : {}),
    },
  };
}

/** Descriptor of a rule: id, one-line and full descriptions, and its documentation as help. */
function descriptor(rule: RuleDoc) {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_m, _dash, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.summary },
    fullDescription: { text: `${rule.summary}. Fix: ${rule.fix}.` },
    help: { text: rule.docs, markdown: rule.docs },
    defaultConfiguration: { level: 'error' as const },
    properties: { tags: ['correctness', 'webassembly'] },
  };
}

function result(record: FindingRecord, ruleIndex: number) {
  const fix = record.fix;
  return {
    ruleId: record.rule,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    // fpcast's severities are SARIF levels already.
    level: record.severity,
    message: { text: record.message },
    locations: [{ physicalLocation: physical(record.start, record.end) }],
    ...(record.related.length
      ? { relatedLocations: record.related.map((l, id) => ({ id, physicalLocation: physical(l), message: { text: l.note } })) }
      : {}),
    properties: {
      function: record.function,
      fixStatus: fix.status,
      ...(fix.status === 'fixable' ? { fixSummary: fix.summary } : {}),
      ...(fix.status === 'refused' ? { refusalReason: fix.reason, refusalMessage: fix.message } : {}),
    },
  };
}

function notification(problem: Problem, options: SarifOptions) {
  return {
    level: problem.severity,
    message: { text: problem.message },
    ...(problem.file
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: pathToUri(options.repoPathOf(problem.file)), uriBaseId: SRCROOT },
                ...(problem.line ? { region: { startLine: problem.line, startColumn: problem.column ?? 1 } } : {}),
              },
            },
          ],
        }
      : {}),
  };
}

export function renderSarif(report: Report, options: SarifOptions): string {
  const rules = [...options.rules];
  for (const record of report.findings) {
    if (!rules.some((r) => r.id === record.rule)) rules.push(extraRule(record.rule));
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: options.tool.name,
            version: options.tool.version,
            semanticVersion: options.tool.version,
            informationUri: options.tool.informationUri,
            rules: rules.map(descriptor),
          },
        },
        invocations: [
          {
            // A run that problems stop (exit 2) prints no report at all.
            executionSuccessful: true,
            toolExecutionNotifications: report.problems.map((p) => notification(p, options)),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.repoRoot).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((r) => result(r, rules.findIndex((d) => d.id === r.rule))),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Findings that come from fpcast itself rather than a rule (unused suppressions). */
function extraRule(id: string): RuleDoc {
  if (id === UNUSED_IGNORE_RULE) {
    return {
      id,
      summary: "'fpcast: ignore' comments that silence nothing",
      fix: 'remove the comment, or the rule ids in it that silence nothing',
      docs: "# unused-ignore\n\nReported with `--report-unused-ignores`: an `fpcast: ignore` comment (or a rule id in its list) that silenced no finding in this run. Remove it so that it cannot hide a future finding by accident.\n",
    };
  }
  return { id, summary: id, fix: 'see the message', docs: `# ${id}\n` };
}
