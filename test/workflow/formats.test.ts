// check's output formats: JSON's documented shape, SARIF valid against the
// OASIS 2.1.0 schema with repository-relative URIs, GitHub annotations with
// the runner's escaping, colour only on terminals, and a progress line only on
// terminals for long runs.

import { Ajv } from 'ajv';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { main } from '../../src/cli/main.js';
import { annotation, escapeData, escapeProperty } from '../../src/emit/github.js';
import { ProgressLine } from '../../src/emit/progress.js';
import { removeDir, runCli, tempCopy, tempDir, writeTree } from '../support/cli.js';
import { CORPUS_DIR, REPO } from '../support/paths.js';
import { BROKEN_C, gitRepo } from './trees.js';

const SPAM = path.join(REPO, 'examples', 'spam');
const MULTI = path.join(CORPUS_DIR, 'refuse-multi-file', 'input');
const temps: string[] = [];
afterAll(() => temps.forEach(removeDir));
const keep = (dir: string) => (temps.push(dir), dir);

async function json(args: string[], cwd: string) {
  const r = await runCli(['check', '--format', 'json', ...args], cwd);
  return { ...r, doc: JSON.parse(r.stdout) };
}

describe('--format json', () => {
  it('has the documented, versioned shape with 1-based positions that agree with the text format', async () => {
    const work = keep(tempCopy(SPAM));
    const { doc, code } = await json(['.'], work);
    expect(code).toBe(1);
    expect(Object.keys(doc)).toEqual(['version', 'tool', 'summary', 'findings', 'problems']);
    expect(doc.version).toBe(1);
    expect(doc.tool).toEqual({ name: 'fpcast', version: JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version });
    expect(doc.summary).toEqual({ files: 1, findings: 4, fixable: 4, refused: 0, suppressed: 0, byRule: { 'meth-arity': 4 } });
    const first = doc.findings[0];
    expect(first).toEqual({
      rule: 'meth-arity',
      severity: 'error',
      message: "METH_NOARGS method 'spam_version' takes 1 parameter; CPython calls it with 2 (self, NULL)",
      path: 'spammodule.c',
      line: 65,
      column: 30,
      endLine: 65,
      endColumn: 42,
      function: 'spam_version',
      table: { struct: 'PyMethodDef', name: 'spam_functions', field: 'ml_meth' },
      expected: { params: ['i32', 'i32'], result: 'i32' },
      actual: { params: ['i32'], result: 'i32' },
      definition: { path: 'spammodule.c', line: 20, column: 1 },
      related: [{ path: 'spammodule.c', line: 20, column: 1, note: "'spam_version' is defined here" }],
      fix: { status: 'fixable', summary: 'added PyObject *Py_UNUSED(ignored)', reason: null, message: null, locations: [] },
    });
    const text = await runCli(['check', '.'], work);
    const positions = doc.findings.map((f: { path: string; line: number; column: number }) => `${f.path}:${f.line}:${f.column}:`);
    expect(text.stdout.split('\n').filter((l) => l.includes(' error: ')).map((l) => l.split(' ')[0])).toEqual(positions);
  });

  it('says why a finding is refused', async () => {
    const { doc } = await json(['.'], keep(tempCopy(MULTI)));
    expect(doc.summary.refused).toBe(2);
    for (const finding of doc.findings) {
      expect(finding.fix.status).toBe('refused');
      expect(finding.fix.reason).toBe('multi-file');
      expect(finding.fix.message).toMatch(/would also change (another file|\d+ other files)/);
      expect(finding.fix.locations).toContainEqual(expect.objectContaining({ path: 'impl.c', line: expect.any(Number), column: 1 }));
      expect(finding.definition.path).toBe('impl.c');
    }
  });

  it('lists problems with their positions', async () => {
    const work = keep(writeTree(tempDir(), { 'solo.c': BROKEN_C, 'bin.c': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]) }));
    const { doc } = await json(['--no-prefilter', '.'], work);
    expect(doc.problems).toContainEqual(expect.objectContaining({ path: 'bin.c', severity: expect.any(String), message: expect.any(String) }));
  });
});

/** ajv for the OASIS SARIF 2.1.0 schema (draft-07). The schema uses the uri,
 * uri-reference and date-time formats; the checks below are what those formats
 * demand of the values fpcast writes. */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s) && /^[a-z][a-z0-9+.-]*:/i.test(s));
  ajv.addFormat('uri-reference', (s: string) => !/[\s\\<>"{}|^`]/.test(s) && URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

describe('--format sarif', () => {
  const validate = sarifValidator();

  it('rejects what is not SARIF (the validator is not a rubber stamp)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.c' } } }] }] }] })).toBe(false);
  });

  it('is valid SARIF 2.1.0 with rule metadata, repository-relative URIs and 1-based regions', async () => {
    // The extension sits in a subdirectory of a git repository and fpcast runs from there.
    const repo = keep(gitRepo({ 'README': 'x\n' }));
    const ext = path.join(repo, 'ext dir');
    mkdirSync(ext);
    writeTree(ext, { 'spam/spammodule.c': readFileSync(path.join(SPAM, 'spammodule.c')) });
    const r = await runCli(['check', '--format', 'sarif', 'spam'], ext);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);

    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'fpcast', version: expect.any(String), informationUri: expect.stringMatching(/^https:\/\//) });
    const rules = run.tool.driver.rules;
    expect(rules.map((d: { id: string }) => d.id)).toEqual(RULES.filter((rule) => !rule.optIn).map((rule) => rule.id));
    const methArity = RULES.find((rule) => rule.id === 'meth-arity')!;
    expect(rules.find((d: { id: string }) => d.id === 'meth-arity')).toMatchObject({
      shortDescription: { text: methArity.summary },
      help: { text: methArity.docs, markdown: methArity.docs },
    });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(new URL(`file://${repo}/`).href);

    expect(run.results).toHaveLength(4);
    const first = run.results[0];
    expect(first).toMatchObject({
      ruleId: 'meth-arity',
      level: 'error',
      message: { text: "METH_NOARGS method 'spam_version' takes 1 parameter; CPython calls it with 2 (self, NULL)" },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'ext%20dir/spam/spammodule.c', uriBaseId: '%SRCROOT%' }, region: { startLine: 65, startColumn: 30, endLine: 65, endColumn: 42 } } }],
      properties: { function: 'spam_version', fixStatus: 'fixable' },
    });
    expect(rules[first.ruleIndex].id).toBe('meth-arity');
  });

  it('stays valid with no findings and with refused ones', async () => {
    for (const dir of [path.join(CORPUS_DIR, 'clean-every-flag', 'input'), MULTI]) {
      const r = await runCli(['check', '--format', 'sarif', '.'], keep(tempCopy(dir)));
      const log = JSON.parse(r.stdout);
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});

describe('--format github', () => {
  it('escapes messages and properties the way the runner reads them', () => {
    expect(escapeData('100% sure\r\nnext: a,b')).toBe('100%25 sure%0D%0Anext: a,b');
    expect(escapeProperty('dir:one,two%/x.c\n')).toBe('dir%3Aone%2Ctwo%25/x.c%0A');
    expect(annotation('error', { file: 'a,b:c.c', line: 3, col: undefined, title: 'fpcast x' }, 'two\nlines')).toBe('::error file=a%2Cb%3Ac.c,line=3,title=fpcast x::two%0Alines');
  });

  it('annotates each finding at its repository-relative place, with the fix status under the message', async () => {
    const repo = keep(gitRepo({ 'src/odd,name: 100%.c': BROKEN_C }));
    const r = await runCli(['check', '--format', 'github', '.'], path.join(repo, 'src'));
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      "::error file=src/odd%2Cname%3A 100%25.c,line=16,col=27,endColumn=36,title=fpcast meth-arity::METH_NOARGS method 'solo_ping' takes 1 parameter; CPython calls it with 2 (self, NULL)%0Asrc/odd,name: 100%25.c:4:1: 'solo_ping' is defined here%0A'fpcast fix' fixes this: added PyObject *Py_UNUSED(ignored)",
    );
    expect(lines[1]).toBe('fpcast: 1 file scanned, 1 finding (1 fixable, 0 refused)');
    expect((await runCli(['check', '--format', 'github', '--quiet', '.'], path.join(repo, 'src'))).stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

/** main() with streams that claim to be terminals or not. */
async function runTty(args: string[], cwd: string, opts: { stdoutTty: boolean; stderrTty?: boolean; env?: Record<string, string> }) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.stdoutTty } as never,
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.stderrTty ?? false } as never,
    cwd,
    env: opts.env ?? {},
  });
  return { code, stdout, stderr };
}

describe('colour', () => {
  const ESC = '\x1b[';

  it('on a terminal: red errors, bold places, dim rule ids', async () => {
    const r = await runTty(['check', '.'], keep(tempCopy(SPAM)), { stdoutTty: true });
    expect(r.stdout).toContain(`${ESC}1mspammodule.c:65:30:${ESC}22m ${ESC}1;31merror:${ESC}0m METH_NOARGS`);
    expect(r.stdout).toContain(`${ESC}2m[meth-arity]${ESC}22m`);
  });

  it('never when the output is not a terminal', async () => {
    const r = await runTty(['check', '.'], keep(tempCopy(SPAM)), { stdoutTty: false });
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).toMatch(/^spammodule\.c:65:30: error: /m);
  });

  it('never with NO_COLOR set (any non-empty value), even on a terminal', async () => {
    expect((await runTty(['check', '.'], keep(tempCopy(SPAM)), { stdoutTty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runTty(['check', '.'], keep(tempCopy(SPAM)), { stdoutTty: true, env: { NO_COLOR: 'yes' } })).stdout).not.toContain(ESC);
    // an empty NO_COLOR does not count (no-color.org)
    expect((await runTty(['check', '.'], keep(tempCopy(SPAM)), { stdoutTty: true, env: { NO_COLOR: '' } })).stdout).toContain(ESC);
  });

  it('--color always / never override the terminal test', async () => {
    expect((await runTty(['check', '--color', 'always', '.'], keep(tempCopy(SPAM)), { stdoutTty: false })).stdout).toContain(ESC);
    expect((await runTty(['check', '--color', 'never', '.'], keep(tempCopy(SPAM)), { stdoutTty: true })).stdout).not.toContain(ESC);
  });

  it('machine formats are never coloured', async () => {
    const r = await runTty(['check', '--format', 'json', '--color', 'always', '.'], keep(tempCopy(SPAM)), { stdoutTty: true });
    expect(r.stdout).not.toContain(ESC);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe('progress line', () => {
  function line(enabled: boolean) {
    let out = '';
    let t = 0;
    const progress = new ProgressLine({ write: (s: string) => (out += s) }, enabled, () => t);
    return { progress, out: () => out, at: (ms: number) => (t = ms) };
  }

  it('stays silent for the first second, then redraws in place, and is erased at the end', () => {
    const { progress, out, at } = line(true);
    at(500);
    progress.update({ stage: 'parse', done: 10, total: 100 });
    expect(out()).toBe('');
    at(1200);
    progress.update({ stage: 'parse', done: 40, total: 100 });
    expect(out()).toBe('\r\x1b[2Kfpcast: parsing 40/100 files');
    at(1250); // too soon to redraw
    progress.update({ stage: 'parse', done: 41, total: 100 });
    at(1400);
    progress.update({ stage: 'parse', done: 60, total: 100 });
    progress.clear();
    expect(out()).toBe('\r\x1b[2Kfpcast: parsing 40/100 files\r\x1b[2Kfpcast: parsing 60/100 files\r\x1b[2K');
  });

  it('never draws when disabled, and erases nothing it did not draw', () => {
    const { progress, out, at } = line(false);
    at(5000);
    progress.update({ stage: 'parse', done: 1, total: 2 });
    progress.clear();
    expect(out()).toBe('');
  });

  it('is allowed only on a terminal and never with --quiet', () => {
    expect(ProgressLine.allowed({ isTTY: true }, false)).toBe(true);
    expect(ProgressLine.allowed({ isTTY: true }, true)).toBe(false);
    expect(ProgressLine.allowed({ isTTY: false }, false)).toBe(false);
    expect(ProgressLine.allowed({}, false)).toBe(false);
  });

  it('a real run into a pipe writes no control characters to stderr', async () => {
    const r = await runTty(['check', '.'], keep(tempCopy(SPAM)), { stdoutTty: false, stderrTty: false });
    expect(r.stderr).not.toMatch(/[\r\x1b]/);
  });
});

