// Which #define a name means, seen from a file: the file's own, then those of
// the files it includes, then one defined anywhere in the analysis (when all
// its definitions agree).

import type { MacroFact } from '../extract/facts.js';
import type { Located, ProjectIndex } from './link.js';

export function lookupMacro(index: ProjectIndex, name: string, file: string): Located<MacroFact> | undefined {
  const all = index.macros.get(name);
  if (!all?.length) return undefined;
  const own = all.filter((m) => m.file === file);
  if (own.length) return own[own.length - 1];
  const included = index.includes.get(file);
  const reachable = all.filter((m) => included?.has(m.file));
  if (reachable.length) return reachable[reachable.length - 1];
  const bodies = new Set(all.map((m) => `${m.params?.join(',') ?? ''}|${m.body.trim()}`));
  return bodies.size === 1 ? all[0] : undefined;
}
