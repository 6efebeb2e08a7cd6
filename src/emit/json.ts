// `check --format json`: one document with a `version` so that consumers can
// rely on its shape. Every key is always present (null when it does not
// apply); lines and columns are 1-based, columns count bytes. The README
// documents the shape; change it only together with JSON_VERSION.

import type { WasmSig } from '../abi/wasm.js';
import type { FindingRecord, Report, Spot } from './report.js';

const JSON_VERSION = 1;

const place = (spot: Spot) => ({ path: spot.file, line: spot.line, column: spot.column });
const signature = (sig: WasmSig | null) => (sig ? { params: [...sig.params], result: sig.result } : null);

function fixOf(record: FindingRecord) {
  const fix = record.fix;
  return {
    status: fix.status,
    summary: fix.status === 'fixable' ? fix.summary : null,
    reason: fix.status === 'refused' ? fix.reason : null,
    message: fix.status === 'refused' ? fix.message : null,
    locations: fix.status === 'refused' ? fix.locations.map((l) => ({ ...place(l), note: l.note })) : [],
  };
}

function findingOf(record: FindingRecord) {
  return {
    rule: record.rule,
    severity: record.severity,
    message: record.message,
    path: record.start.file,
    line: record.start.line,
    column: record.start.column,
    endLine: record.end.line,
    endColumn: record.end.column,
    function: record.function,
    table: record.table,
    expected: signature(record.expected),
    actual: signature(record.actual),
    definition: record.definition ? place(record.definition) : null,
    related: record.related.map((l) => ({ ...place(l), note: l.note })),
    fix: fixOf(record),
  };
}

export function renderJson(report: Report, tool: { name: string; version: string }): string {
  const { files, findings, fixable, refused, suppressed, byRule } = report.counts;
  const document = {
    version: JSON_VERSION,
    tool,
    summary: { files, findings, fixable, refused, suppressed, byRule },
    findings: report.findings.map(findingOf),
    problems: report.problems.map((p) => ({
      severity: p.severity,
      message: p.message,
      path: p.file ?? null,
      line: p.line ?? null,
      column: p.line ? (p.column ?? 1) : null,
    })),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
