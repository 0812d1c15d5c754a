/**
 * Writes src/message-codes.ts from data/messages.yaml.
 *
 *   npx vite-node scripts/gen-messages.ts          # write
 *   npx vite-node scripts/gen-messages.ts --check  # exit 1 when the committed file is stale
 *
 * The README message table is regenerated with the other README sections:
 * UPDATE_README=1 npx vitest run test/docs. test/structure/messages.test.ts
 * fails when either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CODES_FILE, ROOT, readMessages, renderCodesModule } from './messages.js';

const file = path.join(ROOT, CODES_FILE);
const text = renderCodesModule(readMessages());
if (process.argv.includes('--check')) {
  let old = '';
  try { old = readFileSync(file, 'utf8'); } catch { /* missing */ }
  if (old !== text) {
    console.error(`stale: ${CODES_FILE} (run: npx vite-node scripts/gen-messages.ts)`);
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
  console.log(`wrote ${CODES_FILE}`);
}
