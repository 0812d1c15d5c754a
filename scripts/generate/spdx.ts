/**
 * The SPDX artefacts compiled from the SPDX license-list XML (../shared/spdx/src,
 * not in npm), committed as derived data (word hashes and opcodes, never text):
 * - licenses/spdx/templates.{json,bin}: the template matcher's token programs;
 * - licenses/spdx/xml-fingerprints.json: fingerprints of the licenses newer than
 *   the spdx-license-list package (the package's own are computed at build time,
 *   src/build/spdx-fingerprints.ts).
 */
import { fingerprintText, encodeShingles } from '../../src/identify/fingerprint.js';
import { SPDX_XML_FINGERPRINTS } from '../../src/catalog/spdx-load.js';
import { packageSpdxFingerprints } from '../../src/build/spdx-fingerprints.js';
import { buildSpdxTemplates, spdxXmlTexts, SPDX_XML_DIR, xmlSource } from '../gen-spdx-templates.mjs';
import { json, needs, settle, type Generator } from './artefacts.js';

export const spdxTemplates: Generator = {
  name: 'spdx-templates',
  describe: 'licenses/spdx/templates.{json,bin} from the SPDX license-list XML',
  unavailable: needs(SPDX_XML_DIR),
  run: async (mode) => {
    const { index, bin } = buildSpdxTemplates();
    return settle('spdx-templates', mode, [
      { path: 'licenses/spdx/templates.json', content: `${JSON.stringify(index, null, 0).replace(/\},\{/g, '},\n{')}\n` },
      { path: 'licenses/spdx/templates.bin', content: bin },
    ]);
  },
};

/** Fingerprints of the XML licenses the spdx-license-list package lacks, sorted by id. */
export function xmlFingerprints(): unknown {
  const have = new Set(packageSpdxFingerprints().map((p) => p.meta.id));
  const licenses = [...spdxXmlTexts()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).flatMap(([id, x]) => {
    if (have.has(id)) return [];
    const fp = fingerprintText(x.text);
    if (fp.words === 0) return [];
    return [{ id, name: x.name, osi: x.osi, url: null, hash: fp.hash, words: fp.words, shingles: encodeShingles(fp.shingles) }];
  });
  return { generatedBy: 'npm run generate', source: xmlSource(), licenses };
}

export const spdxXmlFingerprints: Generator = {
  name: 'spdx-xml-fingerprints',
  describe: `${SPDX_XML_FINGERPRINTS} from the SPDX XML licenses newer than the spdx-license-list package`,
  unavailable: needs(SPDX_XML_DIR),
  run: async (mode) => settle('spdx-xml-fingerprints', mode, [{ path: SPDX_XML_FINGERPRINTS, content: json(xmlFingerprints()) }]),
};
