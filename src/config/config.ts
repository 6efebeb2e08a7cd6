// The settings a run uses, from defaults, then pyproject.toml's
// [tool.fpcast], then the command line (which wins).

import { DEFAULT_INCLUDE } from '../discover/discover.js';

export type Strategy = 'refuse' | 'wrapper';

export interface Config {
  include: string[];
  exclude: string[];
  /** Rule ids to run (all when absent). */
  select?: string[];
  ignore: string[];
  /** Declarator of added parameters; `{name}` is the role name. */
  unusedParam: string;
  strategy: Strategy;
}

export const DEFAULT_CONFIG: Config = {
  include: DEFAULT_INCLUDE,
  exclude: [],
  ignore: [],
  unusedParam: 'Py_UNUSED({name})',
  strategy: 'refuse',
};

/** Why a parameter template cannot be used, or undefined when it can. */
export function templateProblem(template: string): string | undefined {
  if (!template.includes('{name}')) return `'${template}' has no {name} placeholder (e.g. 'Py_UNUSED({name})' or '{name}')`;
  const spelled = template.replaceAll('{name}', 'x');
  if (!/^[A-Za-z_][\w]*(\s*\(\s*x\s*\))?$/.test(spelled) && spelled !== 'x') {
    return `'${template}' must be a name or a macro call around {name}, like 'Py_UNUSED({name})'`;
  }
  return undefined;
}
