/**
 * Golden text reports of `oml check`, compared byte for byte. Regenerate with
 *   UPDATE_GOLDEN=1 npx vitest run test/golden
 * and review the diff. Waiver expiry is judged on a fixed date, so the files do
 * not change with the calendar. A model known only by id is quoted from its
 * catalog license (a third-party text): as for the analyze goldens, every run of
 * more than 12 words found verbatim in a corpus license is stored cut to 12 words.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDirectory } from '../../src/policy/run.js';
import { renderCheckText } from '../../src/report/check-text.js';
import { CORPUS_DIR } from './cases.js';
import { CHECK_REPOS, checkCases } from './check-cases.js';
import { longestVerbatimRun, redact, windowsOf } from './redact.js';
import { oml } from '../cli/helpers.js';

const REPO = resolve(__dirname, '../..');
const DIR = join(__dirname, 'check');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const CHECK_DATE = new Date('2026-11-23T12:00:00Z');
const CASES = checkCases(REPO);
const fileOf = (name: string) => join(DIR, `${name}.txt`);

/** Every run of 13 words of every corpus license: the third-party text no golden file may carry. */
function corpusWindows(): Set<string> {
  const dir = join(REPO, CORPUS_DIR);
  const windows = new Set<string>();
  for (const f of readdirSync(dir)) for (const w of windowsOf(readFileSync(join(dir, f), 'utf8'))) windows.add(w);
  return windows;
}

describe('golden text reports of oml check', () => {
  let windows: Set<string>;
  beforeAll(() => {
    windows = corpusWindows();
    // the checked folder is named as a user at the repository root would type it
    expect(process.cwd()).toBe(REPO);
    if (UPDATE) mkdirSync(DIR, { recursive: true });
  });

  for (const c of CASES) {
    it(`oml check ${c.dir}${c.detail === 'normal' ? '' : ` --${c.detail}`}`, async () => {
      const report = await checkDirectory(c.dir, { now: CHECK_DATE, version: '0.0.0-golden' });
      const got = redact(renderCheckText(report, { detail: c.detail }), windows);
      if (UPDATE) writeFileSync(fileOf(c.name), got);
      expect(existsSync(fileOf(c.name)), `${fileOf(c.name)} missing: run UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(true);
      expect(got).toBe(readFileSync(fileOf(c.name), 'utf8'));
    });
  }

  it('every golden file belongs to a case', () => {
    const expected = new Set(CASES.map((c) => `${c.name}.txt`));
    expect(readdirSync(DIR).filter((f) => !expected.has(f))).toEqual([]);
  });

  it('golden files carry no run of more than 12 words of a corpus license', () => {
    for (const c of CASES) expect(longestVerbatimRun(readFileSync(fileOf(c.name), 'utf8'), windows), c.name).toBe(0);
  });

  it('the CLI prints exactly the golden report (built dist/cli.js, not a TTY: no colour), exit 1 on a failure', () => {
    const c = CASES.find((x) => x.dir === `${CHECK_REPOS}/unknown-warn` && x.detail === 'normal')!;
    const r = oml(['check', c.dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(readFileSync(fileOf(c.name), 'utf8'));
  });
});
