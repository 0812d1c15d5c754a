/**
 * Standard license headers (SPDX <standardLicenseHeader>, compiled with the
 * templates): a text that is a license's header names that license, `template`,
 * marked `header: true`. The header texts are rendered from SPDX's XML at test
 * time (../shared/spdx), never stored in the repository.
 */
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { identifyText } from '../../src/identify/identify.js';
import { spdxXmlHeaders } from '../../scripts/gen-spdx-templates.mjs';
import { ROOT } from './helpers.js';

const XML = path.resolve(ROOT, '../shared/spdx/src');
const HAVE = existsSync(XML);
const headers = HAVE ? spdxXmlHeaders(XML) : new Map<string, string>();

/** A header as a source file carries it: the XML's placeholders filled in by us. */
function filled(id: string): string {
  return `Copyright 2021 Example Widgets Ltd.\n\n${headers.get(id)!}`;
}

describe.skipIf(!HAVE)('standard license headers', () => {
  it('every SPDX header of 12 words or more identifies as its license or one whose header reads the same, as a header', () => {
    let own = 0;
    let same = 0;
    const missed: string[] = [];
    for (const [id, text] of headers) {
      if (text.split(/\s+/).length < 12) continue;
      const r = identifyText(text, `${id}.header`);
      if (r.header && r.match === 'template' && r.id === id) { own++; continue; }
      // another id whose header is the same text (GPL-2.0-only / GPL-2.0-or-later share none; the GFDL variants do)
      if (r.header && r.id && headers.get(r.id) === text) { same++; continue; }
      missed.push(`${id}: ${r.id ?? '-'} ${r.match}${r.header ? ' (header)' : ''}`);
    }
    // measured: 83 own, 0 by an id with the same header text, 4 missed (their XML headers carry placeholder
    // sentences or instructions no source file states); a header newly missed fails here
    expect(missed.length, missed.join('\n')).toBeLessThanOrEqual(4);
    expect(own + same).toBeGreaterThanOrEqual(83);
  }, 120_000);

  it('names the license of the Apache-2.0 and GPL-2.0-or-later headers with a copyright line of our own', () => {
    for (const id of ['Apache-2.0', 'GPL-2.0-or-later', 'GPL-3.0-or-later', 'MPL-2.0']) {
      const r = identifyText(filled(id), 'src/main.c');
      expect([r.id, r.match, r.header], id).toEqual([id, 'template', true]);
      expect(r.additions, id).toEqual([]);
    }
  });

  it('a short preamble before the header is reported as an addition', () => {
    const text = `Licensed to Example Widgets Ltd under one or more contributor agreements. Example Widgets licenses this file to you\n\n${headers.get('Apache-2.0')!.replace(/^Licensed /, '')}`;
    const r = identifyText(text, 'src/main.c');
    expect([r.id, r.match, r.header]).toEqual(['Apache-2.0', 'template', true]);
    expect(r.additions.map((a) => a.words)).toEqual([17]);
  });

  it('a header with a changed version, an added restriction or a dropped sentence is not the header', () => {
    const apache = filled('Apache-2.0');
    const changed = [
      apache.replace('Version 2.0', 'Version 3.0'),
      apache.replace('Licensed under', 'For non-commercial use only. Licensed under'),
      `${apache}\n\nYou may not use this file for commercial purposes.`,
      apache.replace(/Unless required[\s\S]*$/, ''),
    ];
    for (const text of changed) {
      const r = identifyText(text, 'src/main.c');
      expect(r.header && r.id === 'Apache-2.0', text.slice(0, 80)).toBeFalsy();
    }
  });
});
