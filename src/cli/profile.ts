import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { ValidatedProfileSchema } from '../assess/profile-codes.js';
import { OmlError } from '../errors.js';
import { formatPath, lineOf } from '../policy/config.js';
import type { Profile } from '../types.js';

/**
 * Read a profile from YAML/JSON: either the profile itself or a config with a
 * `profile:` key. Territories, currencies and activities are validated (ISO
 * 3166-1 alpha-2, ISO 4217, the documented activities); an error names the
 * field and its line.
 */
export async function loadProfile(path: string): Promise<Profile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new OmlError('ENOENT', 'cannot read profile file', { file: path });
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new OmlError('YAML', `invalid YAML: ${e.message.split('\n')[0]}`, { file: path, line: e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    throw new OmlError('YAML', `invalid YAML: ${(e as Error).message}`, { file: path });
  }
  const nested = !!data && typeof data === 'object' && 'profile' in data;
  const obj = nested ? (data as { profile: unknown }).profile : data;
  const r = ValidatedProfileSchema.safeParse(obj);
  if (!r.success) {
    const prefix = nested ? ['profile'] : [];
    const msg = r.error.issues.map((i) => `${formatPath([...prefix, ...i.path])}: ${i.message}`).join('; ');
    throw new OmlError('CONFIG', `invalid profile: ${msg}`, { file: path, line: lineOf(doc, lc, [...prefix, ...r.error.issues[0]!.path]) });
  }
  return r.data;
}
