/**
 * Golden text reports of `oml analyze`, with examples/profile.yaml and without,
 * compared byte for byte. Regenerate all of them with
 *   UPDATE_GOLDEN=1 npx vitest run test/golden
 * and review the diff. Reports quote license texts (the file's own, and the
 * catalog's for a base model or an incorporated policy), so every golden file
 * is stored with each run of more than 12 words found verbatim in a corpus
 * license (../shared/corpus/licenses) cut to 12 words and an ellipsis.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../../src/analyze/index.js';
import { loadProfile } from '../../src/cli/profile.js';
import { renderAnalysisText } from '../../src/report/analysis-text.js';
import type { Profile } from '../../src/types.js';
import { CASES, CORPUS_DIR, PROFILE, type GoldenCase } from './cases.js';
import { MAX_WORDS, longestVerbatimRun, redact, windowsOf } from './redact.js';

const REPO = resolve(__dirname, '../..');
const GOLDEN = __dirname;
const UPDATE = process.env.UPDATE_GOLDEN === '1';

async function report(c: GoldenCase, profile: Profile | undefined, windows: Set<string>): Promise<string> {
  const { results, errors } = await analyzePaths([c.path], { profile });
  expect(errors.map((e) => e.message)).toEqual([]);
  return redact(results.map((a) => renderAnalysisText(a)).join('\n'), windows);
}

/** Every run of 13 words of every corpus license: the third-party text no golden file may carry. */
function corpusWindows(): Set<string> {
  const dir = join(REPO, CORPUS_DIR);
  const all = new Set<string>();
  for (const f of readdirSync(dir)) for (const w of windowsOf(readFileSync(join(dir, f), 'utf8'))) all.add(w);
  return all;
}

const fileOf = (c: GoldenCase, withProfile: boolean) => join(GOLDEN, `${c.name}${withProfile ? '.profile' : ''}.txt`);

describe('golden text reports of oml analyze', () => {
  let profile: Profile;
  let windows: Set<string>;
  beforeAll(async () => {
    windows = corpusWindows();
    // paths in the reports are relative to the repository root, as a user at the root would type them
    expect(process.cwd()).toBe(REPO);
    profile = await loadProfile(PROFILE);
  });

  for (const c of CASES) {
    for (const withProfile of [false, true]) {
      it(`${c.path}${withProfile ? ` --profile ${PROFILE}` : ''}`, async () => {
        const got = await report(c, withProfile ? profile : undefined, windows);
        const file = fileOf(c, withProfile);
        if (UPDATE) writeFileSync(file, got);
        expect(existsSync(file), `${file} missing: run UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(true);
        expect(got).toBe(readFileSync(file, 'utf8'));
      });
    }
  }

  it('every golden file belongs to a case (none left over from a removed case)', () => {
    const expected = new Set(CASES.flatMap((c) => [fileOf(c, false), fileOf(c, true)]));
    const stored = readdirSync(GOLDEN).filter((f) => f.endsWith('.txt')).map((f) => join(GOLDEN, f));
    expect(stored.filter((f) => !expected.has(f))).toEqual([]);
  });

  it(`golden files carry no run of more than ${MAX_WORDS} words of a corpus license`, () => {
    for (const c of CASES) {
      for (const withProfile of [false, true]) {
        expect(longestVerbatimRun(readFileSync(fileOf(c, withProfile), 'utf8'), windows), fileOf(c, withProfile)).toBe(0);
      }
    }
  });

  it('the CLI prints exactly the golden report, redacted as stored (built dist/cli.js, not a TTY: no colour)', () => {
    const c = CASES.find((x) => x.path.startsWith('examples/'))!;
    const r = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'analyze', c.path, '--profile', PROFILE], { cwd: REPO, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined } });
    expect(r.stderr).toBe('');
    // the report quotes catalog excerpts of third-party texts: compared after the same redaction as the stored file
    expect(redact(r.stdout, windows)).toBe(readFileSync(fileOf(c, true), 'utf8'));
  });

  it("README's first example is an excerpt of a real run: each shown line is a line of the CLI output, in order", () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const block = /```\n(\$ npx oml analyze [^\n]{1,200})\n([\s\S]{1,20000}?)```/.exec(readme);
    expect(block, 'README has no `$ npx oml analyze` example').not.toBeNull();
    const args = block![1]!.split(' ').slice(3);
    const r = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined } });
    const out = r.stdout.split('\n');
    let at = 0;
    for (const line of block![2]!.split('\n').filter((l) => l !== '' && l.trim() !== '...')) {
      const i = out.indexOf(line, at);
      expect(i, `README line not in the output (or out of order): ${line}`).toBeGreaterThanOrEqual(0);
      at = i + 1;
    }
  });
});

describe('redact', () => {
  it('cuts a verbatim run of the source to 12 words and keeps the rest of the line', () => {
    const source = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen. Other words.';
    const line = '    obligation "One two three four five six seven eight nine ten eleven twelve thirteen fourteen"  [LICENSE:3]';
    expect(redact(line, windowsOf(source))).toBe('    obligation "One two three four five six seven eight nine ten eleven twelve…"  [LICENSE:3]');
    const short = '    obligation "one two three four five six seven eight nine ten eleven twelve" [LICENSE:3]';
    expect(redact(short, windowsOf(source))).toBe(short);
    expect(longestVerbatimRun(line, windowsOf(source))).toBe(14);
    expect(longestVerbatimRun(redact(line, windowsOf(source)), windowsOf(source))).toBe(0);
  });
});
