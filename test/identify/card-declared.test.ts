import { describe, expect, it } from 'vitest';
import { resolveDeclared } from '../../src/identify/declared.js';
import { linkKey } from '../../src/identify/card-link.js';
import { lookupSpdxId, parseSpdxExpression } from '../../src/parse/spdx.js';

const notes = (r: { notes: string[] }) => r.notes.join(' | ');

describe('one SPDX id lookup', () => {
  it.each([
    ['apache-2.0', 'Apache-2.0'],
    ['GPL-3.0', 'GPL-3.0-only'],
    ['gpl-2.0', 'GPL-2.0-only'],
    ['AGPL-3.0', 'AGPL-3.0-only'],
    ['GPL-3.0+', 'GPL-3.0-or-later'],
    ['gpl-2.0-only+', 'GPL-2.0-or-later'],
    ['LGPL-2.1+', 'LGPL-2.1-or-later'],
    ['lgpllr', 'LGPLLR'],
  ])('%s -> %s', (v, id) => expect(lookupSpdxId(v)?.id).toBe(id));

  it('a deprecated id without successor stays itself, flagged; non-ids are null', () => {
    expect(lookupSpdxId('Nunit')).toEqual({ id: 'Nunit', deprecated: true });
    expect(lookupSpdxId('MIT+')).toBeNull();
    expect(lookupSpdxId('llama3')).toBeNull();
    expect(lookupSpdxId('')).toBeNull();
  });

  it('expressions use the same lookup', () => {
    const r = parseSpdxExpression('gpl-3.0+ or mit');
    expect(r).toMatchObject({ ok: true, expression: 'GPL-3.0-or-later OR MIT', ids: ['GPL-3.0-or-later', 'MIT'] });
  });
});

describe('card license values', () => {
  it.each([
    ['gpl-3.0', 'GPL-3.0-only'],
    ['agpl-3.0', 'AGPL-3.0-only'],
    ['gpl-2.0', 'GPL-2.0-only'],
    ['lgpl-lr', 'LGPLLR'],
    ['pddl', 'PDDL-1.0'],
    ['GPL-3.0+', 'GPL-3.0-or-later'],
  ])('Hub and deprecated SPDX id %s resolves to %s', (v, id) => {
    const r = resolveDeclared([v]);
    expect(r).toMatchObject({ resolved: id, spdx: id });
    expect(notes(r)).not.toMatch(/not a known|deprecated SPDX id"?$/);
  });

  it.each([
    ['apache-2', 'Apache-2.0'],
    ['BSD-3', 'BSD-3-Clause'],
    ['Apache 2.0', 'Apache-2.0'],
    ['MIT License', 'MIT'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['GPL v3', 'GPL-3.0-only'],
    ['bsd-3-clause license', 'BSD-3-Clause'],
  ])('free-form %j is corrected to %s, with a warning saying so', (v, id) => {
    const r = resolveDeclared([v]);
    expect(r.resolved).toBe(id);
    expect(notes(r)).toMatch(new RegExp(`"${v.replace(/[.+]/g, '\\$&')}" is not an SPDX id; corrected to ${id.replace(/[.+]/g, '\\$&')}`));
  });

  it('a correction never guesses a version or an "or later", nor drops a word', () => {
    expect(resolveDeclared(['apache']).resolved).toBeNull();
    expect(resolveDeclared(['GPL v3+']).resolved).toBe('GPL-3.0-or-later');
    expect(resolveDeclared(['creative commons']).resolved).toBeNull();
    expect(resolveDeclared(['Apache 2.0 with Commons Clause']).resolved).toBeNull();
    expect(resolveDeclared(['Apache-2.0 OR OR MIT']).resolved).toBeNull();
    expect(resolveDeclared(['Apache-2.0 OR MIT']).resolved).toBeNull();
    expect(resolveDeclared(['lgpl-lr']).resolved).toBe('LGPLLR'); // the Hub table, not spdx-correct's LGPL-3.0 guess
  });

  it.each([
    ['llama-3', 'llama-3-community-license'],
    ['Llama 3.1', 'llama-3.1-community-license'],
    ['google-gemma-terms-of-use', 'gemma-terms-of-use'],
    ['flux-dev-license', 'flux-1-dev-non-commercial-1.1.1'],
    ['stabilityai-nc-research-community', 'stability-non-commercial-research-community'],
    ['stable-video-diffusion-community', 'stable-video-diffusion-non-commercial-community'],
    ['stable-cascade-nc-community', 'stability-non-commercial-research-community'],
    ['apple-sample-code-license', 'apple-sample-code-license-corenet'],
    ['yi-license', 'yi-community-license-2.1'],
    ['Meta Llama 3 Community License Agreement', 'llama-3-community-license'],
  ])('license_name %j resolves to %s', (name, id) => {
    expect(resolveDeclared(['other'], name).resolved).toBe(id);
  });

  it('apple-ascl, which two catalog entries list, is settled by the Hub table', () => {
    const r = resolveDeclared(['apple-ascl']);
    expect(r.resolved).toBe('apple-sample-code-license-corenet');
    expect(notes(r)).toMatch(/Hub's license table reads it as apple-sample-code-license-corenet/);
  });

  it('a family id stays unresolved and says why', () => {
    for (const v of ['bsd', 'gpl', 'cc', 'lgpl', 'gfdl']) {
      const r = resolveDeclared([v]);
      expect(r.resolved).toBeNull();
      expect(notes(r)).toMatch(/family of licenses/);
    }
  });
});

describe('license_link shapes', () => {
  it.each([
    'https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md',
    'https://huggingface.co/black-forest-labs/FLUX.1-dev/raw/main/LICENSE.md',
    'https://huggingface.co/black-forest-labs/FLUX.1-dev/resolve/main/LICENSE.md?download=true',
    'http://www.huggingface.co/black-forest-labs/flux.1-dev/blob/main/LICENSE.md',
    'https://github.com/black-forest-labs/flux/blob/main/model_licenses/LICENSE-FLUX1-dev',
    'https://raw.githubusercontent.com/black-forest-labs/flux/main/model_licenses/LICENSE-FLUX1-dev',
  ])('%s -> the FLUX.1 dev license', (link) => {
    expect(resolveDeclared(['other'], undefined, link).resolved).toBe('flux-1-dev-non-commercial-1.1.1');
  });

  it('the Hub table links resolve (raw form of a blob link)', () => {
    expect(resolveDeclared(['other'], undefined, 'https://huggingface.co/meta-llama/Meta-Llama-3-8B/raw/main/LICENSE').resolved).toBe('llama-3-community-license');
    expect(resolveDeclared(['other'], undefined, 'https://ai.google.dev/gemma/terms').resolved).toBe('gemma-terms-of-use');
  });

  it('a pinned revision, another file or a relative path is not the catalog text', () => {
    expect(linkKey('https://huggingface.co/a/b/blob/0123abc/LICENSE')).not.toBe(linkKey('https://huggingface.co/a/b/blob/main/LICENSE'));
    expect(linkKey('https://huggingface.co/a/b/blob/main/LICENSE')).not.toBe(linkKey('https://huggingface.co/a/b/blob/main/LICENSE.md'));
    const r = resolveDeclared(['other'], undefined, 'LICENSE');
    expect(r.resolved).toBeNull();
    expect(notes(r)).toMatch(/names a file of the model repository/);
  });
});
