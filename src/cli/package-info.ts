// fpcast's own package.json, found from this module whether it runs from
// `src/` (tests) or `dist/src/` (the installed command).

import { readFileSync } from 'node:fs';

export interface PackageInfo {
  name: string;
  version: string;
  /** Where people read about fpcast (SARIF's informationUri). */
  homepage: string;
}

function read(): PackageInfo {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
      if (pkg.name === 'fpcast') {
        const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
        const homepage = pkg.homepage ?? (repository && /^https?:/.test(repository) ? repository.replace(/\.git$/, '') : undefined);
        return { name: 'fpcast', version: pkg.version, homepage: homepage ?? `https://www.npmjs.com/package/${pkg.name}` };
      }
    } catch {
      /* not here; look one directory up */
    }
    if (dir.pathname === '/') return { name: 'fpcast', version: 'unknown', homepage: 'https://www.npmjs.com/package/fpcast' };
  }
}

export const PACKAGE: PackageInfo = read();
