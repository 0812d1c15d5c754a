/**
 * test/extract/redos-proofs.json: the recheck verdict of every regex the project
 * proves free of catastrophic backtracking, keyed by a hash of source, flags,
 * recheck version and parameters (scripts/redos/proofs.ts).
 *
 * write: checks only new or changed regexes (and recorded verdicts that are not
 * `safe`), keeps the other proofs, drops proofs of regexes that no longer exist;
 * `--recheck-all` re-checks every regex; `--jobs=N` checks N at a time (recheck's
 * timeout is wall-clock: on a loaded machine retry a slow-but-safe regex with 1).
 * check: never runs recheck; the record is stale when a regex has no proof or the
 * file differs from what the current proofs give. A regex not proven safe makes
 * the write fail (its verdict is still recorded; the ReDoS test fails on it).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { provenRegexes } from '../redos/patterns.js';
import { checkAll, compareRecord, emptyRecord, readRecord, renderRecord, withHashes, RECORD_FILE, type Proof } from '../redos/proofs.js';
import { ROOT, settle, type Generator, type Outcome } from './artefacts.js';

export interface RedosOptions { recheckAll?: boolean; jobs?: number }

const REL = path.relative(ROOT, RECORD_FILE).split(path.sep).join('/');

export function redosProofs(opts: RedosOptions = {}): Generator {
  return {
    name: 'redos-proofs',
    describe: `${REL}: recheck verdicts of every proven regex (only new or changed ones are checked)`,
    run: async (mode): Promise<Outcome> => {
      const current = withHashes(provenRegexes());
      const all = mode === 'write' && opts.recheckAll === true;
      const state = compareRecord(current, all ? emptyRecord() : readRecord());
      const keep = all ? [] : state.recorded.filter((r) => r.status === 'safe' || mode === 'check');
      const kept = new Set(keep.map((r) => r.hash));
      const toCheck = [...new Map(current.filter((r) => !kept.has(r.hash)).map((r) => [r.hash, r])).values()];
      if (mode === 'check' && toCheck.length) {
        return { name: 'redos-proofs', changed: [`${REL} (${toCheck.length} regex(es) without a proof, e.g. ${toCheck[0]!.where})`] };
      }
      const verdicts = toCheck.length ? await checkAll(toCheck, opts.jobs ?? Math.min(2, availableParallelism())) : [];
      const proofs = new Map<string, Proof>();
      for (const r of keep) proofs.set(r.hash, { hash: r.hash, status: r.status, where: r.where });
      for (const v of verdicts) proofs.set(v.hash, { hash: v.hash, status: v.status, where: v.where });
      const out = settle('redos-proofs', mode, [{ path: REL, content: renderRecord([...proofs.values()]) }]);
      const bad = verdicts.filter((v) => v.status !== 'safe');
      if (bad.length) throw new Error(`${bad.length} regex(es) not proven safe (recorded): ${bad.map((b) => `${b.where} (${b.status})`).join(', ')}`);
      return { ...out, note: `${current.length} regexes, ${kept.size} proofs kept, ${verdicts.length} checked, ${state.orphans.length} stale proofs dropped` };
    },
  };
}
