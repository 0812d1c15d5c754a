/**
 * Bench helper for `oml survey` (used by scripts/bench.mjs; also runnable alone:
 * `node scripts/bench-survey.mjs [N]` after a build). Generates a Hub listing of
 * N model objects (JSON Lines, default 1,000,000) shaped like the Hub API's
 * answer: ~40 real publishers and many one-off user namespaces, licenses as the
 * Hub spells them (with `license: other` + `license_name`), a base model on a
 * third of them, a creation date from 2021 to 2026, a few hundred bytes each. It
 * then runs the built CLI on it (`node dist/cli.js survey FILE --format json`) in
 * a child process and reports the wall time and the child's peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const PUBLISHERS = ['meta-llama', 'google', 'microsoft', 'nvidia', 'Qwen', 'deepseek-ai', 'mistralai', 'openai', 'ibm-granite', 'allenai',
  'moonshotai', 'zai-org', 'tencent', 'baidu', 'MiniMaxAI', 'stabilityai', 'tiiuae', 'LGAI-EXAONE', 'CohereLabs', 'apple'];
const LICENSES = [
  { license: 'apache-2.0' }, { license: 'mit' }, { license: 'llama3.1' }, { license: 'llama3.2' }, { license: 'llama3' }, { license: 'llama2' },
  { license: 'gemma' }, { license: 'cc-by-nc-4.0' }, { license: 'cc-by-4.0' }, { license: 'openrail' }, { license: 'creativeml-openrail-m' },
  { license: 'other', license_name: 'qwen-research' }, { license: 'other', license_name: 'qwen' }, { license: 'other', license_name: 'modified-mit' },
  { license: 'other', license_name: 'deepseek' }, { license: 'other' }, { license: 'bsd-3-clause' }, { license: 'gpl-3.0' }, null,
];
const BASES = ['meta-llama/Llama-3.1-8B', 'meta-llama/Llama-3.2-1B', 'Qwen/Qwen2.5-7B', 'google/gemma-2-9b', 'mistralai/Mistral-7B-v0.1',
  'deepseek-ai/DeepSeek-R1', 'microsoft/phi-2', 'google/gemma-3-4b-it', 'Qwen/Qwen2.5-3B', 'meta-llama/Llama-2-7b-hf'];

/** A small deterministic PRNG (mulberry32), so every run surveys the same listing. */
function rng(seed) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

export async function generateListing(file, n) {
  const rand = rng(42);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const out = createWriteStream(file);
  let buf = '';
  for (let i = 0; i < n; i++) {
    const org = rand() < 0.3 ? pick(PUBLISHERS) : `user${Math.floor(rand() * 200_000)}`;
    const lic = pick(LICENSES);
    const cardData = lic ? { ...lic } : {};
    const tags = ['transformers', 'safetensors', 'text-generation', 'region:us'];
    if (lic) tags.push(`license:${lic.license}`);
    if (rand() < 0.33) { const b = pick(BASES); cardData.base_model = b; tags.push(`base_model:${b}`, `base_model:finetune:${b}`); }
    const created = new Date(Date.UTC(2021 + Math.floor(rand() * 6), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28))).toISOString();
    buf += `${JSON.stringify({ _id: i.toString(16).padStart(24, '0'), id: `${org}/model-${i}`, author: org, createdAt: created, downloads: Math.floor(rand() * 1e5), likes: Math.floor(rand() * 100), pipeline_tag: 'text-generation', library_name: 'transformers', tags, cardData })}\n`;
    if (buf.length > 1 << 20) { if (!out.write(buf)) await new Promise((r) => out.once('drain', r)); buf = ''; }
  }
  out.end(buf);
  await new Promise((r, j) => { out.on('finish', r); out.on('error', j); });
}

/** Generates the listing, surveys it with the built CLI, and returns { n, bytes, genSec, sec, peakRss, exit, models }. */
export async function benchSurvey(n) {
  const dir = mkdtempSync(join(tmpdir(), 'oml-bench-survey-'));
  try {
    const file = join(dir, 'listing.jsonl');
    const t0 = performance.now();
    await generateListing(file, n);
    const genSec = (performance.now() - t0) / 1000;
    const preload = join(dir, 'rss.mjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nOML_BENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");
    const out = join(dir, 'survey.json');
    const t1 = performance.now();
    const r = spawnSync(process.execPath, ['--import', preload, join(ROOT, 'dist', 'cli.js'), 'survey', file, '--format', 'json', '--output', out], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const sec = (performance.now() - t1) / 1000;
    const m = /OML_BENCH_MAXRSS_KB (\d+)/.exec(r.stderr ?? '');
    let models = null;
    try { models = JSON.parse((await import('node:fs')).readFileSync(out, 'utf8')).total; } catch { /* no output */ }
    return { n, bytes: statSync(file).size, genSec, sec, peakRss: m ? Number(m[1]) * 1024 : null, exit: r.status, models, stderr: r.status ? r.stderr.slice(-500) : '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 1_000_000);
  console.log(JSON.stringify(await benchSurvey(n)));
}
