import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { identifyText } from '../../src/identify/identify.js';

const require = createRequire(import.meta.url);
const spdx = require('spdx-license-list/full') as Record<string, { licenseText: string }>;

// Riders written for these tests (not from any real license).
const REVENUE_RIDER = 'Additional condition: if your company earns more than 5 million euros in annual revenue, '
  + 'you must obtain a separate commercial license from the Acme Model Foundation before any use.';
const NC_SENTENCE = 'Notwithstanding the above, the Work may not be used for any commercial purpose without written consent.';

describe('standard templates with riders', () => {
  it('MIT + revenue rider -> MIT, modified, rider located', () => {
    const mit = spdx.MIT.licenseText.replace('<year> <copyright holders>', '2031 Acme Model Foundation');
    const lines = mit.trimEnd().split('\n');
    const riderLine = lines.length + 2;
    const text = `${lines.join('\n')}\n\n${REVENUE_RIDER}\n`;
    const r = identifyText(text, 'LICENSE');
    expect(r.id).toBe('MIT');
    expect(r.family).toBe('mit');
    expect(r.match).toBe('modified');
    expect(r.additions).toHaveLength(1);
    expect(r.additions[0].line).toBe(riderLine);
    expect(r.additions[0].text).toBe(REVENUE_RIDER);
  });

  it('plain MIT with a filled-in copyright line is exact', () => {
    const text = spdx.MIT.licenseText.replace('<year> <copyright holders>', '2031 Acme Model Foundation');
    const r = identifyText(text, 'LICENSE');
    expect([r.id, r.match]).toEqual(['MIT', 'exact']);
  });

  it('Apache-2.0 + a non-commercial sentence -> Apache-2.0, modified', () => {
    const base = spdx['Apache-2.0'].licenseText.trimEnd();
    const text = `${base}\n\n${NC_SENTENCE}\n`;
    const r = identifyText(text, 'LICENSE');
    expect(r.id).toBe('Apache-2.0');
    expect(r.version).toBe('2.0');
    expect(r.match).toBe('modified');
    expect(r.additions.some((a) => a.text.includes('commercial purpose'))).toBe(true);
  });

  it('a single harmless word change stays a template match', () => {
    const base = spdx['Apache-2.0'].licenseText;
    const text = base.replace('irrevocable', 'irrevocably');
    const r = identifyText(text, 'LICENSE');
    expect([r.id, r.match]).toEqual(['Apache-2.0', 'template']);
  });

  it('text that is no license at all is unknown', () => {
    const r = identifyText('Shopping list: apples, pears, a loaf of bread and some cheese for the weekend trip.', 'x');
    expect(r.match).toBe('unknown');
    expect(r.id).toBeNull();
  });
});
