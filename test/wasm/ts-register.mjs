// Lets Node 20 run this directory's TypeScript directly (`node --import ./test/wasm/ts-register.mjs x.ts`):
// Node only strips types itself from 22.6 on. Transpiling uses the project's own `typescript` dependency.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
