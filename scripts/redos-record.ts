/**
 * Refreshes the ReDoS proof record (test/extract/redos-proofs.json) by running recheck.
 *
 *   npm run redos:record             # check new or changed regexes (and any recorded verdict that is not safe),
 *                                    # keep the other proofs, drop proofs of regexes that no longer exist
 *   npm run redos:record -- --all    # re-check every regex (after a recheck upgrade the hashes change anyway)
 *   npm run redos:record -- --jobs=1 # one check at a time (default 2): recheck's timeout is wall-clock, so on a
 *                                    # loaded machine a slow-but-safe regex can come back "unknown"; retry with fewer jobs
 *
 * Exits 1 when any regex is not proven safe (its verdict is still recorded, and the test fails on it).
 */
import { availableParallelism } from 'node:os';
import { provenRegexes } from './redos/patterns.js';
import { checkAll, compareRecord, emptyRecord, readRecord, withHashes, writeRecord, RECORD_FILE, type Proof } from './redos/proofs.js';

const args = process.argv.slice(2);
const all = args.includes('--all');
const jobsArg = args.find((a) => a.startsWith('--jobs='));
const jobs = jobsArg ? Number(jobsArg.slice('--jobs='.length)) : Math.min(2, availableParallelism());
const unknownArgs = args.filter((a) => a !== '--all' && a !== jobsArg);
if (unknownArgs.length || !Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
  console.error(`redos-record: bad arguments ${args.join(' ')} (usage: npm run redos:record [-- --all] [--jobs=N])`);
  process.exit(2);
}

const current = withHashes(provenRegexes());
// --all does not read the old record (so it also replaces a damaged one)
const state = compareRecord(current, all ? emptyRecord() : readRecord());
const keep = all ? [] : state.recorded.filter((r) => r.status === 'safe');
const kept = new Set(keep.map((r) => r.hash));
const toCheck = [...new Map(current.filter((r) => !kept.has(r.hash)).map((r) => [r.hash, r])).values()];

console.log(`${current.length} regexes (${new Set(current.map((r) => r.hash)).size} distinct): ${kept.size} proofs kept, `
  + `${toCheck.length} to check, ${state.orphans.length} stale proofs dropped`);
const t0 = performance.now();
const verdicts = await checkAll(toCheck, jobs);
for (const v of verdicts) if (v.status !== 'safe' || v.ms > 5000) console.log(`  ${v.status.padEnd(10)} ${String(v.ms).padStart(7)} ms  ${v.where}`);

const proofs = new Map<string, Proof>();
for (const r of keep) proofs.set(r.hash, { hash: r.hash, status: r.status, where: r.where });
for (const v of verdicts) proofs.set(v.hash, { hash: v.hash, status: v.status, where: v.where });
writeRecord([...proofs.values()]);

const bad = verdicts.filter((v) => v.status !== 'safe');
console.log(`checked ${verdicts.length} in ${((performance.now() - t0) / 1000).toFixed(1)} s; wrote ${proofs.size} proofs to ${RECORD_FILE}`);
if (bad.length) {
  console.error(`${bad.length} regex(es) not proven safe: ${bad.map((b) => `${b.where} (${b.status})`).join(', ')}`);
  process.exit(1);
}
