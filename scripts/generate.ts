/**
 * The one regeneration command: every generated artefact of the repository
 * (scripts/generate/registry.ts), in order.
 *
 *   npm run generate                       # regenerate what is stale
 *   npm run generate -- --check            # regenerate in memory; exit 1 listing each stale artefact
 *   npm run generate -- --only=docs,schemas
 *   npm run generate -- --recheck-all      # ReDoS proofs: re-check every regex, not only new or changed ones
 *   npm run generate -- --jobs=1           # ReDoS proofs: one recheck at a time (default 2)
 *
 * Exit codes: 0 current (or regenerated), 1 stale (--check) or a generator failed, 2 bad arguments.
 * test/generate/check.test.ts runs the check, so a stale artefact fails `npm test`.
 */
import { generators, runGenerators } from './generate/registry.js';

const args = process.argv.slice(2);
const check = args.includes('--check');
const recheckAll = args.includes('--recheck-all');
const value = (flag: string) => args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
const only = value('--only')?.split(',').filter(Boolean);
const jobsArg = value('--jobs');
const jobs = jobsArg === undefined ? undefined : Number(jobsArg);
const known = (a: string) => ['--check', '--recheck-all'].includes(a) || a.startsWith('--only=') || a.startsWith('--jobs=');
const bad = [...args.filter((a) => !known(a)), ...(only ?? []).filter((n) => !generators().some((g) => g.name === n))];
if (bad.length || (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)) || (check && recheckAll)) {
  console.error(`generate: bad arguments ${args.join(' ')}\nusage: npm run generate [-- --check] [--only=NAME,...] [--recheck-all] [--jobs=N]\ngenerators: ${generators().map((g) => `${g.name} (${g.describe})`).join('\n  ')}`);
  process.exit(2);
}

let failed = false;
let stale = 0;
for (const g of generators()) {
  if (only && !only.includes(g.name)) continue;
  const t0 = performance.now();
  try {
    const [o] = await runGenerators(check ? 'check' : 'write', [g.name], { recheckAll, jobs });
    const ms = Math.round(performance.now() - t0);
    if (!o) continue;
    if (o.skipped) { console.log(`${g.name}: skipped (${o.skipped})`); continue; }
    stale += o.changed.length;
    const what = o.changed.length === 0 ? 'current' : check ? `${o.changed.length} stale` : `${o.changed.length} written`;
    console.log(`${g.name}: ${what} (${ms} ms)${o.note ? `; ${o.note}` : ''}`);
    for (const c of o.changed) console.log(`  ${check ? 'stale' : 'wrote'}: ${c}`);
  } catch (e) {
    failed = true;
    console.error(`${g.name}: failed: ${(e as Error).message}`);
  }
}
if (check && stale) console.error(`generate --check: ${stale} stale artefact(s): run npm run generate`);
process.exit(failed || (check && stale > 0) ? 1 : 0);
