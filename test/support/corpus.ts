// The corpus: one directory per case under corpus/.
//   input/               the C files (one file, or a small tree)
//   case.json            optional: { "description", "args": [...extra CLI args], "wasm": false, "why": "…",
//                        "wasmUnits": ["ext_a", "ext_b"] (directories the oracle builds as separate extensions),
//                        "wasmFlags": ["-DHAVE_X"] (compiler flags for the oracle, e.g. to take an #ifdef branch) }
//   expected-check.txt   stdout of `fpcast check .` run inside input/
//   expected-fix.txt     stdout of `fpcast fix .`
//   fixed/               every file `fix` changes, with its exact expected bytes

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readTree } from './cli.js';
import { CORPUS_DIR } from './paths.js';

export interface CorpusCase {
  name: string;
  dir: string;
  input: string;
  description: string;
  args: string[];
  /** Whether the wasm oracle judges this case (false only with a reason). */
  wasm: boolean;
  why?: string;
  /** Subdirectories that are separate extensions (linked separately by the oracle). */
  wasmUnits?: string[];
  wasmFlags?: string[];
}

export function corpusCases(): CorpusCase[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => existsSync(path.join(CORPUS_DIR, name, 'input')))
    .sort()
    .map((name) => {
      const dir = path.join(CORPUS_DIR, name);
      const configPath = path.join(dir, 'case.json');
      const config = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {};
      return {
        name,
        dir,
        input: path.join(dir, 'input'),
        description: config.description ?? name,
        args: config.args ?? [],
        wasm: config.wasm ?? true,
        why: config.why,
        wasmUnits: config.wasmUnits,
        wasmFlags: config.wasmFlags,
      };
    });
}

/** Every C source of every case's input, named `case/path`, with its text (one character per byte, as fpcast reads it). */
export function corpusSources(): { file: string; text: string }[] {
  return corpusCases().flatMap((c) =>
    [...readTree(c.input)].filter(([file]) => /\.[ch]$/.test(file)).map(([file, bytes]) => ({ file: `${c.name}/${file}`, text: bytes.toString('latin1') })),
  );
}

export interface CaseOptions {
  strategy: 'refuse' | 'wrapper';
  unusedParam: string;
  /** Rule ids chosen with --select; undefined runs the default set. */
  select?: string[];
}

/** The options a case's `args` set, for tests that drive the pipeline directly. */
export function caseOptions(args: string[]): CaseOptions {
  const options: CaseOptions = { strategy: 'refuse', unusedParam: 'Py_UNUSED({name})' };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--strategy' && (value === 'refuse' || value === 'wrapper')) options.strategy = value;
    else if (flag === '--unused-param') options.unusedParam = value;
    else if (flag === '--select') options.select = [...(options.select ?? []), ...value.split(',')];
    else throw new Error(`corpus case option ${flag} ${value} is not understood by caseOptions()`);
  }
  return options;
}
