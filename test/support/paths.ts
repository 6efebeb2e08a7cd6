// Where the repository and its corpus are, for tests anywhere under test/.

import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = path.join(REPO, 'corpus');
