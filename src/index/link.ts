// FileFacts[] → ProjectIndex: every name resolved to its definitions,
// prototypes, calls and other uses across the whole set of analyzed files.

import type {
  CallFact, FileFacts, FunctionFact, MacroFact, MacroRefFact, PrototypeFact, TableFact, ValueUseFact,
} from '../extract/facts.js';
import { expandMacroEntries, type ExpansionCache } from './expand-entries.js';
import { pushTo } from '../multimap.js';

export type Located<T> = T & { file: string };

export interface ProjectIndex {
  files: Map<string, FileFacts>;
  functions: Map<string, Located<FunctionFact>[]>;
  prototypes: Map<string, Located<PrototypeFact>[]>;
  calls: Map<string, Located<CallFact>[]>;
  uses: Map<string, Located<ValueUseFact>[]>;
  macroRefs: Map<string, Located<MacroRefFact>[]>;
  macros: Map<string, Located<MacroFact>[]>;
  tables: Located<TableFact>[];
  /** file → files it `#include "…"`s that are part of the analysis (transitively). */
  includes: IncludeIndex;
}

/** `fact` with its file: the fact object itself (its file never changes). */
function locate<T extends object>(fact: T, file: string): Located<T> {
  const located = fact as Located<T>;
  if (located.file !== file) located.file = file;
  return located;
}

export interface LinkOptions {
  /** Called with the index just before table entries written as macros are
   * expanded (the expansion looks macros up; the prefilter records that). */
  beforeExpansion?: (index: ProjectIndex) => void;
  /** Macro-entry expansions kept from an earlier linking of the same run's files. */
  expansions?: ExpansionCache;
}

export function link(allFacts: FileFacts[], options: LinkOptions = {}): ProjectIndex {
  const index: ProjectIndex = {
    files: new Map(), functions: new Map(), prototypes: new Map(), calls: new Map(), uses: new Map(),
    macroRefs: new Map(), macros: new Map(), tables: [], includes: new Map(),
  };
  for (const facts of allFacts) {
    const file = facts.file;
    index.files.set(file, facts);
    // Each fact is located where it stands, not copied: a tree's worth of
    // facts is a lot of objects, and a fact parsed without its body keeps
    // the guards on its body facts (see discover/prefilter.ts).
    for (const f of facts.functions) pushTo(index.functions, f.name, locate(f, file));
    for (const p of facts.prototypes) pushTo(index.prototypes, p.name, locate(p, file));
    for (const c of facts.calls) pushTo(index.calls, c.name, locate(c, file));
    for (const u of facts.uses) pushTo(index.uses, u.name, locate(u, file));
    for (const r of facts.macroRefs) pushTo(index.macroRefs, r.name, locate(r, file));
    for (const m of facts.macros) pushTo(index.macros, m.name, locate(m, file));
    for (const t of facts.tables) index.tables.push(locate(t, file));
  }
  index.includes = new IncludeClosure(includeEdges(index));
  options.beforeExpansion?.(index);
  expandMacroEntries(index, options.expansions);
  return index;
}

/** The files each file reaches through `#include "…"`, asked file by file
 * (there is no whole map to read: most runs ask about a few files of thousands). */
export interface IncludeIndex {
  get(file: string): ReadonlySet<string> | undefined;
}

/** Each file's closure is worked out when first asked. */
class IncludeClosure implements IncludeIndex {
  private readonly known = new Map<string, Set<string>>();

  constructor(private readonly edges: Map<string, string[]>) {}

  get(file: string): Set<string> | undefined {
    let found = this.known.get(file);
    if (!found && this.edges.has(file)) {
      found = includedFiles(file, this.edges);
      this.known.set(file, found);
    }
    return found;
  }
}

function dirname(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash + 1);
}

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** Files reached through `#include "…"` from `file`, resolved against the
 * including file's directory, then by unique suffix among analyzed files. */
function includedFiles(file: string, edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [file];
  while (queue.length) {
    const current = queue.pop()!;
    for (const target of edges.get(current) ?? []) {
      if (!seen.has(target) && target !== file) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

/** Every file's includes resolved (see resolveInclude), each distinct
 * (directory, include) pair once: a project-wide header like Python.h is
 * included from hundreds of files. */
function includeEdges(index: ProjectIndex): Map<string, string[]> {
  const bySuffix = new Map<string, string[]>();
  for (const file of index.files.keys()) {
    for (let slash = -1; ; slash = file.indexOf('/', slash + 1)) {
      const suffix = file.slice(slash + 1);
      pushTo(bySuffix, suffix, file);
      if (file.indexOf('/', slash + 1) < 0) break;
    }
  }
  const resolved = new Map<string, string | undefined>();
  const edges = new Map<string, string[]>();
  for (const [from, facts] of index.files) {
    const targets: string[] = [];
    for (const include of facts.includes) {
      const key = `${dirname(from)}\0${from.startsWith('/') ? '/' : ''}\0${include}`;
      let target = resolved.get(key);
      if (target === undefined && !resolved.has(key)) {
        target = resolveInclude(from, include, index, bySuffix);
        resolved.set(key, target);
      }
      if (target) targets.push(target);
    }
    edges.set(from, targets);
  }
  return edges;
}

function resolveInclude(from: string, include: string, index: ProjectIndex, bySuffix: Map<string, string[]>): string | undefined {
  const direct = normalizePath(dirname(from) + include);
  const prefix = from.startsWith('/') ? '/' : '';
  if (index.files.has(prefix + direct)) return prefix + direct;
  // Files equal to `include` or ending in `/include`.
  const matches = bySuffix.get(include) ?? [];
  return matches.length === 1 ? matches[0] : undefined;
}

/** Definitions a reference to `name` from `file` can mean: a static one in the
 * same file wins; otherwise every non-static definition in the project. */
export function resolveDefinitions(index: ProjectIndex, name: string, file: string): Located<FunctionFact>[] {
  const all = index.functions.get(name) ?? [];
  const local = all.filter((f) => f.file === file && f.isStatic);
  if (local.length) return local;
  const external = all.filter((f) => !f.isStatic);
  if (external.length) return nearest(external, file);
  // A static function defined in a file this one #includes (or that includes this one).
  const reachable = index.includes.get(file) ?? new Set();
  return all.filter((f) => reachable.has(f.file) || index.includes.get(f.file)?.has(file));
}

/** Of several non-static definitions (two extensions in one repository), the
 * ones closest to `file` in the directory tree: they are the ones it links with. */
function nearest(defs: Located<FunctionFact>[], file: string): Located<FunctionFact>[] {
  if (defs.length < 2) return defs;
  const shared = (other: string) => {
    const a = dirname(file).split('/');
    const b = dirname(other).split('/');
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  const best = Math.max(...defs.map((d) => shared(d.file)));
  return defs.filter((d) => shared(d.file) === best);
}
