// main.ts's skipHelpCache reaches into yargs internals
// (getInternalMethods().getUsageInstance().cacheHelpMessage) with optional
// chaining, so that a yargs upgrade that moves them costs only the speed-up,
// never a crash. That would go unnoticed: this test notices it, and checks
// that help still prints with the hook in place.

import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

type Internals = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: unknown } } };

describe('the help-cache hook', () => {
  it('finds the yargs internal it replaces (a yargs upgrade that moves it loses the speed-up)', () => {
    const usage = (yargs([]) as unknown as Internals).getInternalMethods?.().getUsageInstance?.();
    expect(typeof usage?.cacheHelpMessage).toBe('function');
  });

  it('leaves --help of a command working', async () => {
    const r = await runCli(['check', '--help'], tempDir('fpcast-help-'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--format/);
    expect(r.stdout).toMatch(/--report-unused-ignores/);
    expect(r.stderr).toBe('');
  });

  it('shows no help for a failed command', async () => {
    const r = await runCli(['check', '--format', 'nope', '.'], tempDir('fpcast-help-'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fpcast: error: Invalid values:[^]*"nope"/m);
    expect(r.stdout + r.stderr).not.toMatch(/--report-unused-ignores/);
  });
});
