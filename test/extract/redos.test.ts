/**
 * Every regex the project proves (rule patterns, source-ref finders: scripts/redos/patterns.ts)
 * must be safe from catastrophic backtracking, by recheck, offline.
 *
 * recheck over all ~260 regexes takes minutes, so its verdicts are cached in
 * test/extract/redos-proofs.json (derived data, written only by `npm run generate`),
 * keyed by a hash of regex source + flags + recheck version + check parameters.
 * Each run:
 * - a regex with no recorded verdict (new or changed) is checked with recheck now;
 *   every regex must be safe, by the record or by this run;
 * - a seeded sample of recorded regexes is re-checked and must agree with the record;
 * - the record must be current: it fails on any regex missing from it (even one checked
 *   safe just now: CI runs from the committed record) and on any proof whose hash
 *   belongs to no regex.
 *
 * REDOS_RULES=id1,id2 narrows everything to those rules and re-checks all their regexes.
 * REDOS_SAMPLE=n (default 2; the sample changes with the seed, so the record is audited a little every day) and REDOS_SEED=text (default: the UTC day) set the sample.
 */
import { describe, expect, test } from 'vitest';
import { check } from 'recheck';
import { provenRegexes } from '../../scripts/redos/patterns.js';
import {
  checkAll, compareRecord, readRecord, seededSample, withHashes, RECORD_COMMAND, type Verdict,
} from '../../scripts/redos/proofs.js';

const only = process.env.REDOS_RULES?.split(',').map((x) => x.trim()).filter(Boolean);
const sampleSize = Number(process.env.REDOS_SAMPLE ?? 2);
const seed = process.env.REDOS_SEED ?? new Date().toISOString().slice(0, 10);

const current = withHashes(provenRegexes(only?.length ? only : undefined));
const state = compareRecord(current, readRecord());
const unsafe = (list: Array<{ where: string; status: string }>) =>
  list.filter((v) => v.status !== 'safe').map((v) => `${v.where}: ${v.status}`);

// Regexes checked with recheck in this run (shared by the tests below).
let checkedNow: Promise<Verdict[]> | undefined;
const toCheckNow = only?.length ? current : state.missing;
const checkNow = () => (checkedNow ??= checkAll(toCheckNow));

describe('recheck', () => {
  test('flags a known catastrophic pattern (the checker works offline)', async () => {
    expect((await check('^(a+)+$', '')).status).toBe('vulnerable');
  });

  test(`${only?.length ? 'selected' : 'all'} ${current.length} proven regexes are safe (${only?.length ? 'all checked now' : `${toCheckNow.length} checked now, the rest by the record`})`, async () => {
    const now = await checkNow();
    const fromRecord = only?.length ? [] : state.recorded;
    expect([...unsafe(fromRecord), ...unsafe(now)]).toEqual([]);
  }, 900_000);

  const sample = only?.length ? [] : seededSample(state.recorded, sampleSize, seed);
  test.skipIf(sample.length === 0)(`spot check: ${sample.length} recorded verdicts re-checked agree (REDOS_SEED=${seed})`, async () => {
    const again = await checkAll(sample);
    expect(again.map((v) => `${v.where}: ${v.status}`)).toEqual(sample.map((r) => `${r.where}: ${r.status}`));
  }, 900_000);

  test(`the proof record is current (refresh: ${RECORD_COMMAND})`, async () => {
    const now = new Map((await checkNow()).map((v) => [v.hash, v.status]));
    const missing = state.missing.map((r) => `${r.where}: not recorded (checked now: ${now.get(r.hash) ?? 'not checked'})`);
    const orphans = only?.length ? [] : state.orphans.map((p) => `${p.where}: recorded hash ${p.hash.slice(0, 12)} belongs to no regex`);
    expect([...missing, ...orphans]).toEqual([]);
  }, 900_000);
});
