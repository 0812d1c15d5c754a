/** `oml survey` through the built CLI (dist/cli.js, built by `npm test` first): flags, outputs and exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/survey/lines.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const oml = (...args: string[]) => spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'survey', ...args], { cwd: REPO, encoding: 'utf8' });
const EPOCH = join(HERE, 'fixtures/epoch-small.csv');
const HUB = join(HERE, 'fixtures/hub-small.jsonl');

describe('oml survey CLI', () => {
  it('csv to stdout with the Epoch AI credit, exit 0', () => {
    const r = oml(EPOCH, '--format', 'csv', '--by', 'tier');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^# Data: Epoch AI/);
    expect(r.stdout).toContain('tier,models\n');
    expect(r.stdout).toContain('closed,2\n');
  });

  it('json to --output', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'oml-survey-cli-')), 'r.json');
    const r = oml(EPOCH, '--format', 'json', '--output', out);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).total).toBe(10);
  });

  it('a bad line is listed on stderr with file:line and makes the exit code 2; the report is still written', () => {
    const r = oml(HUB, '--format', 'markdown');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${HUB}:9: not JSON`);
    expect(r.stdout).toContain('## Input problems');
  });

  it.each([
    [['--format', 'pdf', EPOCH], /--format must be one of markdown, csv, json, html/],
    [['--by', 'colour', EPOCH], /--by: unknown dimension 'colour'/],
    [['--workers', 'many', EPOCH], /--workers must be an integer/],
    [['no/such/file.csv'], /no\/such\/file\.csv: no such file or directory/],
    [[], /no INPUT given/],
  ])('usage and input errors exit 2: %j', (args, msg) => {
    const r = oml(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(msg);
  });

  it('an empty listing exits 2 naming it (never an empty pass)', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'oml-survey-cli-')), 'empty.jsonl');
    writeFileSync(f, '\n');
    const r = oml(f);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f}: no models in this input`);
  });

  it('control characters of a bad line never reach the terminal', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'oml-survey-cli-')), 'esc.jsonl');
    writeFileSync(f, `{"id":"a/b","cardData":{"license":"mit"}}\n\u001b]0;pwned\u0007\u001b[31m not json\n`);
    const r = oml(f, '--format', 'json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f}:2: not JSON`);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('a file that is no survey input exits 2 naming it', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'oml-survey-cli-')), 'notes.txt');
    writeFileSync(f, 'hello\n');
    const r = oml(f);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f}: not a survey input`);
  });
});

describe('package builds', () => {
  // vega is ESM with top-level await: the CommonJS build must still load and draw the charts
  it('CommonJS require renders the HTML report with its charts', () => {
    const code = `const o = require('open-model-license'); o.runSurvey([${JSON.stringify(EPOCH)}]).then(o.renderSurveyHtml).then(h => console.log((h.match(/<svg /g) || []).length))`;
    const r = spawnSync(process.execPath, ['-e', code], { cwd: REPO, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('5');
  });
});

describe('bounded lines', () => {
  it('a line over the cap is reported, not held; the next lines still come', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'oml-survey-lines-')), 'l.jsonl');
    writeFileSync(f, `short\r\n${'x'.repeat(5000)}\nafter\nlast`);
    const lines = [];
    for await (const l of readLines(f, 100)) lines.push(l);
    expect(lines).toEqual([
      { n: 1, text: 'short' },
      { n: 2, text: '', tooLong: true },
      { n: 3, text: 'after' },
      { n: 4, text: 'last' },
    ]);
  });
});
