/**
 * Conventions of the `oml check` text report: the first line decides (and is
 * all --quiet prints), one root for every path, each model's license, openness
 * and verdict labelled, every reason listed (the deciding one first) with its
 * file:line, --verbose, colour on a terminal only (NO_COLOR, FORCE_COLOR).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpawnSyncReturns } from 'node:child_process';
import type { CheckReport } from '../../src/policy/report-schema.js';
import { REPO, oml } from './helpers.js';

const DEMO = 'examples/demo-repo';
const ESC = '\x1b[';

describe('oml check text report', () => {
  let normal: SpawnSyncReturns<string>;
  let json: CheckReport;
  beforeAll(() => {
    normal = oml(['check', DEMO]);
    json = JSON.parse(oml(['check', DEMO, '--format', 'json']).stdout) as CheckReport;
  }, 120_000);

  it('the first line says FAIL, how many models cannot ship and why in plain words; --quiet prints just that line', () => {
    expect(normal.status).toBe(1);
    const first = normal.stdout.split('\n')[0]!;
    const failing = json.models.filter((m) => m.status === 'fail');
    expect(first).toBe(`FAIL: ${failing.length} of ${json.models.length} models cannot ship: commercial use prohibited for your profile (${failing.map((m) => m.id).join(', ')})`);
    const quiet = oml(['check', DEMO, '--quiet']);
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).toBe(`${first}\n`);
  }, 90_000);

  it('one root: the checked folder is named once at the top, and every file:line is a file under it', () => {
    const lines = normal.stdout.split('\n');
    expect(lines[1]).toBe(`checked: ${DEMO} (every path below is relative to it)`);
    expect(normal.stdout.split(DEMO).length - 1).toBe(1);
    const locations = [...normal.stdout.matchAll(/\(([\w./-]{1,200}):(\d{1,6})\)/g), ...normal.stdout.matchAll(/^ {2}([\w./-]{1,200}):(\d{1,6}) {2}/gm)];
    expect(locations.length).toBeGreaterThan(8);
    for (const [, path] of locations) expect(existsSync(join(REPO, DEMO, path!)), path).toBe(true);
  });

  it('each model line labels its license, openness and commercial-use verdict (no unlabelled triple)', () => {
    const models = normal.stdout.split('\n').filter((l) => /^(FAIL|WARN|WAIVED|PASS) +[^:]/.test(l));
    expect(models).toHaveLength(json.models.length);
    for (const l of models) expect(l).toMatch(/ — license: [^;]+; openness: [^;]+; commercial use: [^;]+$/);
    expect(normal.stdout).not.toMatch(/\[[^\]\n]*, [^\]\n]*, [^\]\n]*\]/);
    expect(models[0]).toBe('FAIL   models/vision-research — license: not recognised; openness: unknown; commercial use: prohibited');
  });

  it('a model shown as prohibited lists every reason, the prohibiting term first with its quote and file:line, then the unknown license', () => {
    const m = json.models.find((x) => x.id === 'models/vision-research')!;
    expect(m.verdict).toBe('prohibited');
    const block = normal.stdout.slice(normal.stdout.indexOf('FAIL   models/vision-research')).split(/\n(?! )/)[0]!.split('\n');
    const reasons = block.filter((l) => /^ {9}error /.test(l)).map((l) => l.trim().split(/[ :]/)[1]);
    expect(reasons).toEqual(['prohibited', 'tier-not-allowed', 'unknown-license']);
    expect(reasons.length).toBe(m.findings.length);
    expect(block[1]).toMatch(/^ {9}error prohibited: .*research-only.* "Northwind Labs grants you .*…" \(models\/vision-research\/LICENSE:3\)$/);
    expect(block[2]).toMatch(/^ {11}fix: /);
  });

  it('--verbose adds the profile and the whole quoted sentence; not with --quiet or another format', () => {
    const v = oml(['check', DEMO, '--verbose']);
    expect(v.status).toBe(1);
    expect(v.stdout.split('\n')[0]).toBe(normal.stdout.split('\n')[0]);
    expect(v.stdout).toContain('\nprofile: 2,500,000 monthly active users; revenue 400,000 USD per month; territories US, DE; activities serve, fine-tune\n');
    const quote = json.models[0]!.findings.find((f) => f.rule === 'prohibited')!.quote!;
    expect(quote.length).toBeGreaterThan(100);
    expect(v.stdout).toContain(`"${quote}"`);
    expect(normal.stdout).not.toContain(`"${quote}"`);
    expect(oml(['check', DEMO, '--verbose', '--quiet']).stderr).toMatch(/--quiet and --verbose exclude each other/);
    expect(oml(['check', DEMO, '--verbose', '--format', 'json']).status).toBe(2);
  }, 90_000);

  // each spawn of the CLI checks examples/demo-repo: a few seconds apiece on a loaded machine
  const SLOW = 90_000;

  it('colour on a terminal only: none when piped or with NO_COLOR; FORCE_COLOR paints the first line and the status words', () => {
    expect(normal.stdout).not.toContain(ESC);
    expect(oml(['check', DEMO], { env: { NO_COLOR: '1' } }).stdout).not.toContain(ESC);
    const forced = oml(['check', DEMO], { env: { FORCE_COLOR: '1' } });
    const lines = forced.stdout.split('\n');
    expect(lines[0]).toBe(`\x1b[31m${normal.stdout.split('\n')[0]}\x1b[39m`);
    expect(forced.stdout).toContain('\x1b[31mFAIL  \x1b[39m models/vision-research');
    expect(forced.stdout).toContain('\x1b[32mPASS  \x1b[39m moonshotai/Kimi-K2-Instruct');
    // without the escape codes, the same report
    expect(forced.stdout.replace(/\x1b\[\d+m/g, '')).toBe(normal.stdout);
  }, SLOW);

  it('--output: the first line on stderr; the file holds the whole report (also with --quiet), never coloured', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'oml-check-colour-')), 'report.txt');
    const written = oml(['check', DEMO, '--quiet', '--output', out], { env: { FORCE_COLOR: '1' } });
    expect(written.status).toBe(1);
    expect(written.stdout).toBe('');
    expect(written.stderr).toBe(`${normal.stdout.split('\n')[0]}; text report written to ${JSON.stringify(out)}\n`);
    expect(readFileSync(out, 'utf8')).toBe(normal.stdout);
  }, SLOW);
});
