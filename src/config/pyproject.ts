// [tool.fpcast] in the nearest pyproject.toml that has one: found by walking
// up from the analyzed directory to the repository root, parsed with
// smol-toml, and checked key by key. Every problem is an error that names the
// file, the line where it can find it, and the key.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { unknownRuleMessage, ruleById } from '../../rules/index.js';
import { dirsUpToRepositoryRoot, relativeOrAbsolute } from '../source/paths.js';
import { templateProblem, type Config } from './config.js';

/** A bad configuration file: the message is a complete `file:line:col: error: …` line. */
export class ConfigError extends Error {}

export interface FileConfig {
  /** The pyproject.toml that held [tool.fpcast]. */
  file: string;
  settings: Partial<Config>;
}

type Check = (value: unknown) => { settings: Partial<Config> } | { problem: string };

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

function globs(key: 'include' | 'exclude'): Check {
  return (value) => {
    if (!isStringList(value)) return { problem: `must be a list of glob strings, like ${key} = ["src/**/*.c"]` };
    return { settings: { [key]: value } };
  };
}

function ruleIds(key: 'select' | 'ignore'): Check {
  return (value) => {
    if (!isStringList(value)) return { problem: `must be a list of rule ids, like ${key} = ["meth-arity"]` };
    const unknown = value.find((id) => !ruleById(id));
    if (unknown !== undefined) return { problem: `names ${unknownRuleMessage(unknown)}` };
    return { settings: { [key]: value } };
  };
}

/** The keys [tool.fpcast] accepts, each with the check of its value. */
const KEYS: Record<string, Check> = {
  include: globs('include'),
  exclude: globs('exclude'),
  select: ruleIds('select'),
  ignore: ruleIds('ignore'),
  'unused-param': (value) => {
    if (typeof value !== 'string') return { problem: `must be a string, like "Py_UNUSED({name})"` };
    const problem = templateProblem(value);
    return problem ? { problem } : { settings: { unusedParam: value } };
  },
  strategy: (value) => {
    if (value !== 'refuse' && value !== 'wrapper') return { problem: `must be "refuse" or "wrapper", not ${JSON.stringify(value)}` };
    return { settings: { strategy: value } };
  },
};

const CONFIG_KEYS = Object.keys(KEYS);

/** Find and read the configuration that applies to `start`; undefined when no
 * pyproject.toml on the way up to the repository root has a [tool.fpcast] table. */
export function loadPyproject(start: string, cwd: string): FileConfig | undefined {
  for (const dir of dirsUpToRepositoryRoot(start)) {
    const file = path.join(dir, 'pyproject.toml');
    if (!existsSync(file)) continue;
    const found = readPyproject(file, relativeOrAbsolute(cwd, file));
    if (found) return found;
  }
  return undefined;
}

/** Read one pyproject.toml: its [tool.fpcast] settings, or undefined when it has none. */
function readPyproject(file: string, shown: string): FileConfig | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${shown}: error: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let document: Record<string, unknown>;
  try {
    document = parse(text) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
    throw new ConfigError(`${shown}:${error.line}:${error.column}: error: not valid TOML: ${reason}; fix the file or run fpcast from another directory`);
  }
  const tool = document.tool as Record<string, unknown> | undefined;
  if (!tool || typeof tool !== 'object' || !('fpcast' in tool)) return undefined;
  const table = tool.fpcast;
  if (!table || typeof table !== 'object' || Array.isArray(table)) {
    throw new ConfigError(`${shown}:${lineOf(text, undefined)}: error: [tool.fpcast] must be a table`);
  }
  const settings: Partial<Config> = {};
  for (const [key, value] of Object.entries(table)) {
    const check = KEYS[key];
    if (!check) {
      throw new ConfigError(`${shown}:${lineOf(text, key)}: error: [tool.fpcast] has unknown key '${key}'; known keys: ${CONFIG_KEYS.join(', ')}`);
    }
    const result = check(value);
    if ('problem' in result) throw new ConfigError(`${shown}:${lineOf(text, key)}: error: [tool.fpcast] ${key} ${result.problem}`);
    Object.assign(settings, result.settings);
  }
  return { file: shown, settings };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `line:column` of `key` inside the [tool.fpcast] table (or of the table's
 * header when `key` is absent or cannot be found), for messages. TOML allows
 * other spellings (dotted keys, inline tables); those fall back to line 1. */
function lineOf(text: string, key: string | undefined): string {
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l) => /^\s*\[\s*tool\s*\.\s*fpcast\s*\]/.test(l));
  if (header < 0) return '1:1';
  if (key !== undefined) {
    const keyLine = new RegExp(`^(\\s*)(["']?)${escapeRegExp(key)}\\2\\s*=`);
    for (let i = header + 1; i < lines.length && !/^\s*\[/.test(lines[i]); i++) {
      const match = keyLine.exec(lines[i]);
      if (match) return `${i + 1}:${match[1].length + 1}`;
    }
  }
  return `${header + 1}:1`;
}
