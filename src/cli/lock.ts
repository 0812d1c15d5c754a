/**
 * `oml lock [DIR] [--config FILE] [--offline] [--cache-dir DIR]`: resolve every
 * Hub model the repository references (online unless --offline) and write
 * DIR/oml.lock. Exit 0 when every referenced Hub model is locked; 1 when some
 * could not be (gated, missing: listed on stderr); 2 on usage or input errors.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isOmlError } from '../errors.js';
import { hubSettings } from '../hub/index.js';
import { LOCK_FILE_NAME, normalizeLock, writeLock, type LockEntry } from '../lock/index.js';
import { checkDirectory } from '../policy/run.js';
import type { ModelResult } from '../policy/report-schema.js';
import { HUB_OPTIONS } from './hub-flags.js';
import { LIMIT_OPTIONS, limitsFromFlags } from './limit-flags.js';
import { usageError } from './usage.js';

function entryOf(m: ModelResult): LockEntry | null {
  if (m.source !== 'reference' || !m.hub) return null;
  return {
    id: m.id,
    revision: m.hub.revision,
    sha: m.hub.sha,
    license: { id: m.license.id, match: m.license.match },
    documents: m.hub.documents,
    tier: m.tier,
    verdict: m.verdict,
  };
}

export async function runLock(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { config: { type: 'string' }, ...LIMIT_OPTIONS, ...HUB_OPTIONS } });
  } catch (e) {
    return usageError('lock', (e as Error).message);
  }
  if (args.positionals.length > 1) {
    process.stderr.write(`oml lock: expected at most one DIR, got ${args.positionals.length}\n`);
    return 2;
  }
  const parsed = limitsFromFlags(args.values);
  if ('error' in parsed) {
    process.stderr.write(`oml lock: ${parsed.error}\n`);
    return 2;
  }
  const dir = args.positionals[0] ?? '.';
  const file = join(dir, LOCK_FILE_NAME);
  try {
    const offline = args.values.offline === true;
    const report = await checkDirectory(dir, { config: args.values.config, limits: parsed.limits, hub: { online: !offline, offline, cacheDir: args.values['cache-dir'] } });
    const refs = report.models.filter((m) => m.source === 'reference');
    const entries = refs.map(entryOf).filter((e): e is LockEntry => e !== null);
    const missed = refs.filter((m) => !m.hub);
    await writeLock(file, normalizeLock(hubSettings().endpoint, entries));
    for (const m of missed) process.stderr.write(`oml lock: not locked: ${m.id}: ${m.findings[0]?.message ?? 'not resolvable on the Hub'}\n`);
    process.stderr.write(`oml lock: ${entries.length} model(s) locked in ${file}${missed.length ? `; ${missed.length} could not be locked` : ''}\n`);
    return missed.length ? 1 : 0;
  } catch (e) {
    if (!isOmlError(e)) throw e;
    process.stderr.write(`oml lock: error [${e.code}] ${e.message}\n`);
    return 2;
  }
}
