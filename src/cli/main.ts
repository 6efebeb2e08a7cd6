// The command line: parse options with yargs, run the pipeline, print, and
// return the exit code (0 clean, 1 findings left, 2 usage or internal error).

import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import yargs, { type Argv } from 'yargs';
import { RULES } from '../../rules/index.js';
import { DEFAULT_CONFIG, templateProblem, type Config } from '../config/config.js';
import { runCheck, runDiff, runFix } from './run.js';
import { printRules } from './rules-command.js';

export interface Io {
  stdout: Writable | { write(chunk: string): unknown };
  stderr: Writable | { write(chunk: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
}

export class UsageError extends Error {}

/** fpcast's own package.json, found from this module whether it runs from
 * `src/` (tests) or `dist/src/` (the installed command). */
function packageVersion(): string {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
      if (pkg.name === 'fpcast') return pkg.version;
    } catch {
      /* not here; look one directory up */
    }
    if (dir.pathname === '/') return 'unknown';
  }
}

export const VERSION = packageVersion();

function commaList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
}

function commonOptions(y: Argv): Argv {
  return y
    .positional('paths', { describe: 'files and directories to analyze (default: .)', type: 'string', array: true })
    .option('select', { type: 'string', array: true, describe: 'only these rules (comma-separated ids)', requiresArg: true })
    .option('ignore', { type: 'string', array: true, describe: 'skip these rules (comma-separated ids)', requiresArg: true })
    .option('unused-param', { type: 'string', describe: "declarator for added parameters; {name} is the role name (default 'Py_UNUSED({name})', numpy: 'NPY_UNUSED({name})', plain: '{name}')", requiresArg: true })
    .option('include', { type: 'string', array: true, describe: "globs of files to analyze inside directories (default '**/*.c' '**/*.h')", requiresArg: true })
    .option('exclude', { type: 'string', array: true, describe: 'globs of files to leave out', requiresArg: true })
    .option('strategy', { type: 'string', choices: ['refuse', 'wrapper'], describe: "for fixes that would touch several files or break another use: 'refuse' (default) or write a 'wrapper' with the expected signature next to the table", requiresArg: true })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print findings and errors only, no summary' });
}

export function configFromArgs(args: Record<string, unknown>): Config {
  const config: Config = { ...DEFAULT_CONFIG };
  const known = new Set(RULES.map((r) => r.id));
  const select = commaList(args.select);
  const ignore = commaList(args.ignore);
  for (const id of [...select, ...ignore]) {
    if (!known.has(id)) throw new UsageError(`unknown rule '${id}'; known rules: ${[...known].join(', ')} (see 'fpcast rules')`);
  }
  if (select.length) config.select = select;
  if (ignore.length) config.ignore = ignore;
  if (args.include !== undefined) config.include = commaList(args.include);
  if (args.exclude !== undefined) config.exclude = commaList(args.exclude);
  if (args.strategy === 'refuse' || args.strategy === 'wrapper') config.strategy = args.strategy;
  if (typeof args.unusedParam === 'string') {
    const problem = templateProblem(args.unusedParam);
    if (problem) throw new UsageError(`--unused-param: ${problem}`);
    config.unusedParam = args.unusedParam;
  }
  return config;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  let failure: string | undefined;
  const parser = yargs(argv)
    .scriptName('fpcast')
    .usage('$0 <command> [paths..] [options]\n\nFind and fix C functions in Python extensions whose signature does not match the\nfunction pointer CPython calls them through (a trap in WebAssembly).')
    .command('check [paths..]', 'report mismatched functions (lint mode; exit 1 when any are found)', commonOptions, async (args) => {
      exitCode = await runCheck(args as never, configFromArgs(args), io);
    })
    .command('fix [paths..]', 'fix mismatched functions in place', commonOptions, async (args) => {
      exitCode = await runFix(args as never, configFromArgs(args), io);
    })
    .command(
      'diff [paths..]',
      'print the fixes as a unified diff, changing nothing on disk',
      (y) => commonOptions(y).option('output', { alias: 'o', type: 'string', describe: 'write the diff to this file instead of stdout', requiresArg: true }),
      async (args) => {
        exitCode = await runDiff(args as never, configFromArgs(args), io);
      },
    )
    .command('rules [id]', 'list the rules, or print one rule\'s documentation', (y) => y.positional('id', { type: 'string', describe: 'a rule id' }), (args) => {
      exitCode = printRules(args.id as string | undefined, io);
    })
    .demandCommand(1, 'give a command: check, fix, diff or rules')
    .strict()
    .recommendCommands()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .alias('V', 'version')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      if (error && !(error instanceof UsageError)) throw error;
      throw new UsageError(message ?? error?.message ?? 'invalid usage');
    });

  try {
    let output = '';
    await parser.parseAsync(argv, {}, (_err, _args, out) => {
      output = out;
    });
    if (output) io.stdout.write(output.endsWith('\n') ? output : output + '\n');
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      failure = error.message;
      io.stderr.write(`fpcast: error: ${failure}\nRun 'fpcast --help' for usage.\n`);
      return 2;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`fpcast: internal error: ${message}\nPlease report this with the command you ran.\n`);
    return 2;
  }
}
