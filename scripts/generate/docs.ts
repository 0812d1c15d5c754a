/**
 * Generated sections of README.md and docs/*.md: a block between
 * `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` is rendered from the
 * repository (a real run of the code, or a generated table). Every marker must
 * name a section below, and every section must appear in some file, so a block
 * cannot silently go stale or vanish.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkDirectory } from '../../src/policy/run.js';
import { renderCheckJson } from '../../src/report/check-json.js';
import { renderCheckMarkdown } from '../../src/report/check-markdown.js';
import { renderCheckSarif } from '../../src/report/check-sarif.js';
import { renderCheckText } from '../../src/report/check-text.js';
import { runSurvey } from '../../src/survey/index.js';
import { renderAgreementMarkdown } from '../../src/survey/render-markdown.js';
import { ROOT, SHARED, settle, type Artefact, type Generator } from './artefacts.js';
import { renderRulesTable } from './rules-table.js';
import { readMessages, renderMessageTable } from '../messages.js';

interface Section {
  render(): Promise<string>;
  /** null when it can be rendered; else why not. */
  unavailable?: () => string | null;
}

const EPOCH = path.join(SHARED, 'data', 'epoch', 'notable_ai_models.csv');

/** `oml check examples/demo-repo` in every format, at a fixed date and version. */
async function checkSamples(): Promise<string> {
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

/** Section name -> how it is rendered. A new generated block registers here. */
export const SECTIONS: Record<string, Section> = {
  'rules-table': { render: async () => renderRulesTable() },
  'check-samples': { render: checkSamples },
  messages: { render: async () => renderMessageTable(readMessages()) },
  'survey-agreement': {
    unavailable: () => (existsSync(EPOCH) ? null : `${path.relative(ROOT, EPOCH)} not found`),
    render: async () => {
      const r = await runSurvey([EPOCH]);
      if (!r.agreement) throw new Error(`survey-agreement: no agreement table from ${EPOCH}`);
      return renderAgreementMarkdown(r.agreement);
    },
  },
};

/** The markdown files (relative to root) that may hold generated blocks. */
export function docFiles(root = ROOT): string[] {
  const docs = existsSync(path.join(root, 'docs')) ? readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`) : [];
  return ['README.md', ...docs];
}

const OPEN = /<!-- generated:([a-z0-9-]{1,60}) -->\n/g;

/** Each file with every generated block re-rendered; skipped: sections that could not be rendered (left as they are). */
export async function renderDocs(root = ROOT): Promise<{ artefacts: Artefact[]; skipped: string[] }> {
  const problems: string[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const rendered = new Map<string, string | null>();
  const artefacts: Artefact[] = [];
  for (const rel of docFiles(root)) {
    const text = readFileSync(path.join(root, rel), 'utf8');
    let out = '';
    let at = 0;
    for (const m of text.matchAll(OPEN)) {
      const name = m[1]!;
      const start = m.index! + m[0].length;
      if (start < at) continue;
      const close = `<!-- /generated:${name} -->`;
      const end = text.indexOf(close, start);
      const section = SECTIONS[name];
      if (end === -1) { problems.push(`${rel}: <!-- generated:${name} --> has no ${close}`); continue; }
      if (!section) { problems.push(`${rel}: unknown generated section ${name} (register it in scripts/generate/docs.ts)`); continue; }
      seen.add(name);
      if (!rendered.has(name)) {
        const why = section.unavailable?.() ?? null;
        if (why) skipped.push(`${name}: ${why}`);
        rendered.set(name, why ? null : await section.render());
      }
      const body = rendered.get(name);
      out += text.slice(at, start) + (body == null ? text.slice(start, end) : `${body}\n`);
      at = end;
    }
    out += text.slice(at);
    artefacts.push({ path: rel, content: out });
  }
  for (const name of Object.keys(SECTIONS)) if (!seen.has(name)) problems.push(`generated section ${name} appears in no file (${docFiles(root).join(', ')})`);
  if (problems.length) throw new Error(problems.join('\n'));
  return { artefacts, skipped };
}

export const docs: Generator = {
  name: 'docs',
  describe: 'generated blocks of README.md and docs/*.md (rules table, oml check samples, survey agreement)',
  run: async (mode) => {
    const { artefacts, skipped } = await renderDocs();
    return { ...settle('docs', mode, artefacts), ...(skipped.length ? { note: `not rendered: ${skipped.join('; ')}` } : {}) };
  },
};
