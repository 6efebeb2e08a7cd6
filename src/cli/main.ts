// The command line: parse options with yargs, run the pipeline, print, and
// return the exit code (0 clean, 1 findings left, 2 usage or internal error).

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import yargs, { type Argv } from 'yargs';
import { ruleById, unknownRuleMessage } from '../../rules/index.js';
import { DEFAULT_CONFIG, templateProblem, type Config } from '../config/config.js';
import { parseSize } from '../source/read.js';
import { ConfigError, loadPyproject } from '../config/pyproject.js';
import { COLOR_MODES } from '../emit/color.js';
import { FORMATS } from './check-output.js';
import { PACKAGE } from './package-info.js';
import { ScopeError } from './scope.js';
import { printRules } from './rules-command.js';

export interface Io {
  /** Text, or bytes (a patch: the files' own bytes). */
  stdout: Writable | { write(chunk: string | Uint8Array): unknown };
  stderr: Writable | { write(chunk: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
}

export class UsageError extends Error {}

/** The pipeline and everything it loads (tree-sitter, the emitters), only
 * for the commands that analyze: --help, --version and `rules` start faster. */
const run = () => import('./run.js');

const VERSION = PACKAGE.version;

/** The values of an option given once or several times. */
function valueList(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(String).filter(Boolean);
}

function commaList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
}

/** A value parser whose complaint is a usage error (exit 2), not a crash. */
function usageOnThrow<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  };
}

function commonOptions(y: Argv): Argv {
  return y
    .positional('paths', { describe: 'files and directories to analyze (default: .)', type: 'string', array: true })
    // One value per option (repeat it for more): an array option would swallow
    // the PATHS that follow it (`--select meth-arity .`).
    .option('select', { type: 'string', describe: 'only these rules (comma-separated ids; repeatable)', requiresArg: true })
    .option('ignore', { type: 'string', describe: 'skip these rules (comma-separated ids; repeatable)', requiresArg: true })
    .option('unused-param', { type: 'string', describe: "declarator for added parameters; {name} is the role name (default 'Py_UNUSED({name})', numpy: 'NPY_UNUSED({name})', plain: '{name}')", requiresArg: true })
    .option('include', { type: 'string', describe: "glob of files to analyze inside directories (repeatable; default '**/*.c' '**/*.h')", requiresArg: true })
    .option('exclude', { type: 'string', describe: 'glob of files to leave out (repeatable)', requiresArg: true })
    .option('strategy', { type: 'string', choices: ['refuse', 'wrapper'], describe: "for fixes that would touch several files or break another use: 'refuse' (default) or write a 'wrapper' with the expected signature next to the table", requiresArg: true })
    .option('max-file-size', { type: 'string', describe: 'skip files larger than this, with a warning (bytes, or K/M/G; default 16M)', requiresArg: true, coerce: usageOnThrow(parseSize) })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print findings, errors and warnings only: no notes, summary or progress' })
    .option('root', { type: 'string', describe: 'analyze every C file under this directory but report and fix only the PATHS given (for pre-commit hooks: --root .)', requiresArg: true })
    .option('color', { type: 'string', choices: COLOR_MODES, describe: "colour the text output: 'auto' (default: on a terminal, unless NO_COLOR is set), 'always', 'never'", requiresArg: true })
    .option('jobs', { alias: 'j', type: 'string', describe: 'threads that parse files, the main thread among them (default: one per core; 1 parses in the main thread alone)', requiresArg: true, coerce: usageOnThrow(parseJobs) })
    .option('prefilter', { type: 'boolean', describe: 'parse only the files that may hold a table or name something a table uses (default); --no-prefilter parses every file, which is slower and also reports unparsable regions of files that hold nothing fpcast checks' });
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs: '${value}' is not a whole number of threads (1 or more)`);
  return jobs;
}

function checkOptions(y: Argv): Argv {
  return commonOptions(y)
    .option('format', { alias: 'f', type: 'string', choices: FORMATS, default: 'text', describe: "output format: 'text' (file:line:col: severity: message [rule]), 'json', 'sarif' (GitHub code scanning), 'github' (workflow annotations)", requiresArg: true })
    .option('report-unused-ignores', { type: 'boolean', describe: "also report 'fpcast: ignore' comments that silence nothing" });
}

function fixOptions(y: Argv): Argv {
  return commonOptions(y).option('exit-non-zero-on-fix', { type: 'boolean', describe: 'exit 1 when a file was changed (for pre-commit hooks)' });
}

function diffOptions(y: Argv): Argv {
  return commonOptions(y)
    .option('output', { alias: 'o', type: 'string', describe: 'write the diff to this file instead of stdout', requiresArg: true })
    .option('patch-file', { type: 'string', describe: "write the fixes as a 'git am'-able patch (mbox: subject, explanation, diffstat, diff) to this file", requiresArg: true })
    .option('author', { type: 'string', describe: "author of the --patch-file commit, 'Name <email>' (default: git's user)", requiresArg: true });
}

/** Where to look for pyproject.toml: --root, else the first path given, else the working directory. */
function configStart(args: Record<string, unknown>, cwd: string): string {
  const first = typeof args.root === 'string' ? args.root : (args.paths as string[] | undefined)?.[0];
  if (first === undefined) return cwd;
  const abs = path.resolve(cwd, first);
  if (!existsSync(abs)) return cwd;
  return statSync(abs).isDirectory() ? abs : path.dirname(abs);
}

/** Defaults, then [tool.fpcast] from the nearest pyproject.toml, then the command line. */
function resolveConfig(args: Record<string, unknown>, cwd: string): Config {
  const file = loadPyproject(configStart(args, cwd), cwd);
  return configFromArgs(args, { ...DEFAULT_CONFIG, ...file?.settings });
}

function configFromArgs(args: Record<string, unknown>, base: Config = DEFAULT_CONFIG): Config {
  const config: Config = { ...base };
  const select = commaList(args.select);
  const ignore = commaList(args.ignore);
  for (const id of [...select, ...ignore]) {
    if (!ruleById(id)) throw new UsageError(unknownRuleMessage(id));
  }
  const both = select.filter((id) => ignore.includes(id));
  if (both.length) throw new UsageError(`--select and --ignore both name ${both.map((id) => `'${id}'`).join(', ')}; name each rule in one of them only`);
  // Choosing rules on the command line replaces the file's whole choice
  // (select and ignore alike): the command line wins.
  if (select.length || ignore.length) {
    config.select = select.length ? select : undefined;
    config.ignore = ignore;
  }
  // Globs are not split at commas: `**/*.{c,h}` is one glob.
  if (args.include !== undefined) config.include = valueList(args.include);
  if (args.exclude !== undefined) config.exclude = valueList(args.exclude);
  if (args.strategy === 'refuse' || args.strategy === 'wrapper') config.strategy = args.strategy;
  if (typeof args.unusedParam === 'string') {
    const problem = templateProblem(args.unusedParam);
    if (problem) throw new UsageError(`--unused-param: ${problem}`);
    config.unusedParam = args.unusedParam;
  }
  return config;
}

/** yargs renders the whole help text each time a command starts, in case
 * the command fails and the help must be shown then; fpcast never shows help
 * for a failed command (see .fail below), and the rendering is a tenth of a
 * one-file run (what pre-commit does). */
function skipHelpCache(parser: Argv): void {
  type Usage = { cacheHelpMessage?: () => void };
  const internal = parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => Usage } };
  const usage = internal.getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv)
    .scriptName('fpcast')
    .usage('$0 <command> [paths..] [options]\n\nFind and fix C functions in Python extensions whose signature does not match the\nfunction pointer CPython calls them through (a trap in WebAssembly).')
    .command('check [paths..]', 'report mismatched functions (lint mode; exit 1 when any are found)', checkOptions, async (args) => {
      exitCode = await (await run()).runCheck(args as never, resolveConfig(args, io.cwd), io);
    })
    .command('fix [paths..]', 'fix mismatched functions in place', fixOptions, async (args) => {
      exitCode = await (await run()).runFix(args as never, resolveConfig(args, io.cwd), io);
    })
    .command('diff [paths..]', 'print the fixes as a unified diff, changing nothing on disk', diffOptions, async (args) => {
      exitCode = await (await run()).runDiff(args as never, resolveConfig(args, io.cwd), io);
    })
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
      // yargs' own complaints (YError: a missing option value, a failed check)
      // are usage errors; errors thrown by a command keep their kind.
      if (error && error.name !== 'YError') throw error;
      throw new UsageError(message ?? error?.message ?? 'invalid usage');
    });

  skipHelpCache(parser);

  try {
    let output = '';
    await parser.parseAsync(argv, {}, (_err, _args, out) => {
      output = out;
    });
    if (output) io.stdout.write(output.endsWith('\n') ? output : output + '\n');
    return exitCode;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof ScopeError) {
      io.stderr.write(`fpcast: error: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`fpcast: error: ${error.message}\nRun 'fpcast --help' for usage.\n`);
      return 2;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`fpcast: internal error: ${message}\nPlease report this with the command you ran.\n`);
    return 2;
  }
}
