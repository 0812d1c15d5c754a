import { LineCounter, parseDocument } from 'yaml';
import { ValidatedProfileSchema } from '../assess/profile-codes.js';
import { OmlError } from '../errors.js';
import { YAML_MAX_ALIASES } from '../limits.js';
import { firstDuplicateKey, formatPath, lineOf, readConfigText } from '../policy/config.js';
import type { Profile } from '../types.js';

/**
 * Read a profile from YAML/JSON: either the profile itself or a config with a
 * `profile:` key. Territories, currencies and activities are validated (ISO
 * 3166-1 alpha-2, ISO 4217, the documented activities); an error names the
 * field and its line.
 */
export async function loadProfile(path: string): Promise<Profile> {
  if (path === '') throw new OmlError('USAGE', '--profile: empty path');
  // a regular file of bounded size: a FIFO or /dev/zero is refused, not waited on or read forever
  const text = await readConfigText(path, 'profile');
  const lc = new LineCounter();
  // uniqueKeys off: the yaml package's own check is quadratic in the key count; ours is one Set per mapping
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new OmlError('YAML', `invalid YAML: ${e.message.split('\n')[0]}`, { file: path, line: e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line });
  }
  const dup = firstDuplicateKey(doc);
  if (dup) throw new OmlError('YAML', `invalid YAML: map keys must be unique (${JSON.stringify(dup.key.slice(0, 80))} repeats)`, { file: path });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: YAML_MAX_ALIASES });
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
