/**
 * Sections of README.md generated from the repository: the rules table, the
 * `oml check` documentation, report samples from a real run on
 * examples/demo-repo, the message table (data/messages.yaml), limits and benchmark figures. The test fails when a
 * section drifts; `UPDATE_README=1 npx vitest run test/docs` rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDirectory } from '../../src/policy/run.js';
import { renderCheckJson } from '../../src/report/check-json.js';
import { renderCheckMarkdown } from '../../src/report/check-markdown.js';
import { renderCheckSarif } from '../../src/report/check-sarif.js';
import { renderCheckText } from '../../src/report/check-text.js';
import { readMessages, renderMessageTable } from '../../scripts/messages.js';

const ROOT = resolve(__dirname, '../..');
const README = join(ROOT, 'README.md');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8').trim();

async function samples(): Promise<string> {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const report = await checkDirectory('examples/demo-repo', { now: new Date('2026-11-23T12:00:00Z'), version: '0.1.0' });
    const block = (title: string, lang: string, body: string, open = false) =>
      `<details${open ? ' open' : ''}><summary>${title}</summary>\n\n\`\`\`\`${lang}\n${body.trimEnd()}\n\`\`\`\`\n\n</details>`;
    return [
      block('text (default), exit code 1', 'text', renderCheckText(report), true),
      block('markdown (`--format markdown`)', 'markdown', renderCheckMarkdown(report)),
      block('json (`--format json`)', 'json', renderCheckJson(report)),
      block('sarif (`--format sarif`)', 'json', renderCheckSarif(report)),
    ].join('\n\n');
  } finally {
    process.chdir(cwd);
  }
}

async function sections(): Promise<Record<string, string>> {
  return {
    'rules-table': read('rules/TABLE.md').replace(/^<!--.*-->\n/, ''),
    'check-section': read('docs/check.md'),
    'check-samples': await samples(),
    messages: renderMessageTable(readMessages()),
    limits: read('docs/limits.md'),
    benchmark: read('docs/benchmark.md'),
  };
}

describe('generated README sections', async () => {
  const wanted = await sections();
  let text = readFileSync(README, 'utf8');
  for (const [name, body] of Object.entries(wanted)) {
    const re = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (process.env.UPDATE_README) text = text.replace(re, (_m, a: string, b: string) => `${a}${body}\n${b}`);
    it(`${name} is current`, () => {
      const m = re.exec(text);
      expect(m, `README.md lacks the ${name} markers`).not.toBeNull();
      expect(m![0]).toBe(`<!-- generated:${name} -->\n${body}\n<!-- /generated:${name} -->`);
    });
  }
  if (process.env.UPDATE_README) writeFileSync(README, text);
});
