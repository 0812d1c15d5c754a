import { parseDocument } from 'yaml';
import { OmlError } from '../errors.js';
import { firstDuplicateKey, readConfigText } from '../policy/config.js';
import { ProfileSchema, type Profile } from '../types.js';

/** Read a profile from YAML/JSON: either the profile itself or a config with a `profile:` key. */
export async function loadProfile(path: string): Promise<Profile> {
  if (path === '') throw new OmlError('USAGE', '--profile: empty path');
  // a regular file of bounded size: a FIFO or /dev/zero is refused, not waited on or read forever
  const text = await readConfigText(path, 'profile');
  let data: unknown;
  try {
    // uniqueKeys off: the yaml package's own check is quadratic in the key count; ours is one Set per mapping
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length) throw new Error(doc.errors[0]!.message.split('\n')[0]);
    const dup = firstDuplicateKey(doc);
    if (dup) throw new Error(`map keys must be unique (${JSON.stringify(dup.key.slice(0, 80))} repeats)`);
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    throw new OmlError('YAML', `invalid YAML: ${(e as Error).message}`, { file: path });
  }
  const obj = data && typeof data === 'object' && 'profile' in data ? (data as { profile: unknown }).profile : data;
  const r = ProfileSchema.safeParse(obj);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new OmlError('CONFIG', `invalid profile: ${msg}`, { file: path });
  }
  return r.data;
}
