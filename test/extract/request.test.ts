/**
 * The license-request construction (src/extract/request.ts) read with the project's own tables
 * (rules/_normalize.yaml): a license the text says is deemed obtained (by registering, by accepting)
 * asks for nothing; a request stays a request, also next to a "considered" that does not lead to the verb.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { NormalizeTablesSchema } from '../../src/extract/schema.js';
import { makeDeemedMask, makeRequestReader } from '../../src/extract/request.js';
import { makeNormalizers } from '../../src/extract/normalize.js';

const tables = NormalizeTablesSchema.parse(parse(readFileSync(path.resolve(__dirname, '../../rules/_normalize.yaml'), 'utf8')));
const asks = makeRequestReader(tables.consequence_requests);

describe('license request construction', () => {
  it.each([
    'your registration with the licensor will be deemed to have obtained the corresponding business license',
    'upon acceptance you are considered as having obtained a commercial license',
    'registered users shall be treated as having already obtained the permission',
    '您向许可方进行登记，将被视为获得相应的商业许可',
    '登记后即视为已取得授权',
  ])('a license deemed obtained is no request: %s', (s) => {
    expect(asks(s.toLowerCase())).toBe(false);
  });
  it.each([
    'you must obtain a separate commercial license from us',
    'a use considered commercial requires a license from the licensor',
    'if you are deemed a large user, you must request a license',
    'you shall be deemed to be in breach unless you obtain a license',
    '超过该数量的，应当取得单独授权',
  ])('a request stays a request: %s', (s) => {
    expect(asks(s.toLowerCase())).toBe(true);
  });

  // one reading of "deemed" for both readers of a request: the construction above and the consequence table's phrases
  const norm = makeNormalizers(tables);
  const mask = makeDeemedMask(tables.consequence_requests);
  it.each([
    'Once you register, you are deemed to have obtained a commercial license for that product.',
    'Registered users shall be deemed to hold a commercial license.',
    'Completing the form is treated as having obtained written consent from us.',
    '完成登记即视为已获得商业许可。',
  ])('a license deemed obtained is no consequence: %s', (s) => {
    expect(norm.consequence(s)).toBeUndefined();
  });
  it.each([
    'A deployment considered commercial requires a commercial license from the licensor.',
    'You shall be deemed to be in breach unless you obtain a commercial license.',
    'If you are deemed a large user, you must obtain a commercial license.',
    'Your sign-up is deemed to be the commercial license; larger companies must request a commercial license.',
    '登记后视为取得授权，超过一百万用户须另行取得书面授权。',
    '视为商业用途须取得授权',
  ])('a request next to a deemed word stays a request: %s', (s) => {
    expect(norm.consequence(s)).toBe('license-required');
  });
  it('the mask blanks the deemed license only, keeping positions', () => {
    const s = 'you are deemed to have obtained a license, and must display the notice';
    const m = mask(s);
    expect(m.length).toBe(s.length);
    expect(m).toContain('must display the notice');
    expect(m).not.toContain('license');
  });
});
