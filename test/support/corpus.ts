// The corpus: one directory per case under corpus/.
//   input/               the C files (one file, or a small tree)
//   case.json            optional: { "description", "args": [...extra CLI args], "wasm": false, "why": "…" }
//   expected-check.txt   stdout of `fpcast check .` run inside input/
//   expected-fix.txt     stdout of `fpcast fix .`
//   fixed/               every file `fix` changes, with its exact expected bytes

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../corpus');

export interface CorpusCase {
  name: string;
  dir: string;
  input: string;
  description: string;
  args: string[];
  /** Whether the wasm oracle judges this case (false only with a reason). */
  wasm: boolean;
  why?: string;
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
      };
    });
}
