/**
 * The HTML report in a real browser: headless Chromium from @sparticuz/chromium
 * (the binary ships inside the npm package, so `npm ci && npm test` is enough),
 * driven by puppeteer-core. One launch for every check. It never skips: when
 * Chromium cannot start, the test fails with the reason.
 *
 * Pages: the Epoch AI CSV end to end through the built CLI (dist/cli.js, built
 * by `npm test` first), and our own small Hub listing rendered by the library.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSurvey } from '../../src/survey/index.js';
import { renderSurveyHtml } from '../../src/survey/render-html.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const EPOCH = resolve(REPO, '../shared/data/epoch/notable_ai_models.csv');
const OUT = mkdtempSync(join(tmpdir(), 'oml-survey-html-'));

let browser: Browser | null = null;
let launchError: unknown = null;

beforeAll(async () => {
  try {
    browser = await puppeteer.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true });
  } catch (e) {
    launchError = e;
  }
}, 120_000);

afterAll(async () => { await browser?.close(); });

interface PageReport {
  charts: Array<{ id: string; marks: number; hasTable: boolean; tableRows: number }>;
  consoleErrors: string[];
  requests: string[];
  background: { light: string; dark: string };
  screenshot: string;
}

async function inspect(file: string, name: string): Promise<PageReport> {
  if (!browser) throw new Error(`headless Chromium did not start: ${String((launchError as Error)?.message ?? launchError)}`);
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const url = pathToFileURL(file).href;
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url() === url) { void req.continue(); return; }
    requests.push(req.url());
    void req.abort();
  });
  await page.setViewport({ width: 1280, height: 1000 });
  await page.goto(url, { waitUntil: 'load' });
  const charts = await page.$$eval('section.chart', (secs) => secs.map((s) => ({
    id: s.id,
    // marks that cover some area (a zero-height bar of an empty chart does not count)
    marks: [...s.querySelectorAll('svg .role-mark path, svg .role-mark rect')].filter((el) => {
      const b = (el as unknown as { getBBox(): { width: number; height: number } }).getBBox();
      return b.width * b.height > 0;
    }).length,
    hasTable: !!s.querySelector('.data table caption'),
    tableRows: s.querySelectorAll('.data table tbody tr').length,
  })));
  // evaluated in the page (DOM globals exist there; this project's tsconfig has no DOM lib)
  const bg = () => page.evaluate('getComputedStyle(document.body).backgroundColor') as Promise<string>;
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  const light = await bg();
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  const dark = await bg();
  const screenshot = join(OUT, `${name}.png`);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return { charts, consoleErrors, requests, background: { light, dark }, screenshot };
}

function expectRendered(r: PageReport, ids: string[]): void {
  expect(r.charts.map((c) => c.id)).toEqual(ids);
  for (const c of r.charts) {
    expect(c.marks, `chart ${c.id} has marks`).toBeGreaterThan(0);
    expect(c.hasTable, `chart ${c.id} has a table next to it`).toBe(true);
    expect(c.tableRows, `chart ${c.id}'s table has rows`).toBeGreaterThan(0);
  }
  expect(r.consoleErrors).toEqual([]);
  expect(r.requests).toEqual([]);
  expect(r.background.light).not.toBe(r.background.dark);
  expect(existsSync(r.screenshot) && statSync(r.screenshot).size > 10_000).toBe(true);
}

describe('HTML survey report in headless Chromium', () => {
  it('Chromium starts (no silent skip)', () => {
    expect(launchError ? String((launchError as Error).message ?? launchError) : null).toBeNull();
    expect(browser).not.toBeNull();
  });

  it('the Epoch AI CSV end to end: npx oml survey ... --format html --output survey.html', async () => {
    const out = join(OUT, 'survey.html');
    const run = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'survey', EPOCH, '--format', 'html', '--output', out], { cwd: REPO, encoding: 'utf8' });
    expect(run.stderr).toContain('html report written to');
    expect(run.status).toBe(0);
    const r = await inspect(out, 'epoch');
    expectRendered(r, ['figure4', 'cumulative', 'shares', 'publishers', 'agreement']);
  }, 120_000);

  it('our own Hub listing, rendered by the library', async () => {
    const file = join(OUT, 'hub.html');
    writeFileSync(file, await renderSurveyHtml(await runSurvey([join(HERE, 'fixtures/hub-small.jsonl')])));
    const r = await inspect(file, 'hub');
    expectRendered(r, ['figure4', 'cumulative', 'shares', 'publishers']);
  }, 60_000);
});
