import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { computeFingerprints } from '../../src/identify/fingerprint-store.js';
import { buildSpdxFingerprints } from '../../scripts/gen-spdx-fingerprints.mjs';
import { buildSpdxTemplates, SPDX_XML_DIR } from '../../scripts/gen-spdx-templates.mjs';
import { listCatalog } from '../../src/catalog/index.js';
import { HAVE_CORPUS, ROOT, readCorpus } from './helpers.js';

describe.skipIf(!HAVE_CORPUS)('committed fingerprints are up to date (run `npm run fingerprints` if this fails)', () => {
  for (const e of HAVE_CORPUS ? listCatalog().filter((x) => x.sources.length > 0) : []) {
    it(e.id, () => {
      const fresh = computeFingerprints(e.sources.map((s) => ({ source: s, text: readCorpus(s) })));
      expect(e.fingerprint).toEqual(fresh);
    });
  }
});

const HAVE_SPDX_XML = existsSync(SPDX_XML_DIR);

describe.skipIf(!HAVE_SPDX_XML)('SPDX templates compiled from ../shared/spdx are up to date (npx vite-node --script scripts/gen-spdx-templates.mjs)', () => {
  it('templates.json and templates.bin are current', () => {
    const { index, bin } = buildSpdxTemplates() as { index: unknown; bin: Buffer };
    expect(JSON.parse(readFileSync(path.join(ROOT, 'licenses/spdx/templates.json'), 'utf8'))).toEqual(index);
    expect(readFileSync(path.join(ROOT, 'licenses/spdx/templates.bin')).equals(bin)).toBe(true);
  });
});

// the licenses newer than spdx-license-list are fingerprinted from the SPDX XML: needs ../shared/spdx
describe.skipIf(!HAVE_SPDX_XML)('SPDX fingerprints match the installed spdx-license-list and the SPDX XML', () => {
  it('index and shingles.bin are current', () => {
    const { index, bin } = buildSpdxFingerprints() as { index: unknown; bin: Buffer };
    const committed = JSON.parse(readFileSync(path.join(ROOT, 'licenses/spdx/fingerprints.json'), 'utf8'));
    expect(committed).toEqual(index);
    expect(readFileSync(path.join(ROOT, 'licenses/spdx/shingles.bin')).equals(bin)).toBe(true);
  });
});
