#!/usr/bin/env node
/**
 * Benchmark (not a test: it never fails CI). Run with `npm run bench`
 * (= tsup && node scripts/bench.mjs). Prints markdown to stdout:
 *   - machine (CPU, cores, memory, node);
 *   - analysis throughput (identify + extract + assess via analyzeText on
 *     pre-read SourceText) in files/s over ../shared/corpus/licenses repeated
 *     to ~500 files, after warm-up, for both markdown engines;
 *   - time per stage (read, parse, identify, extract, assess);
 *   - start-up of `node BIN analyze <file>` (the package.json bin, dist/cli.cjs; median of 10 spawns) and
 *     where it goes (import, first analysis);
 *   - memory (RSS, heap) while streaming 10,000 inputs through analyzeStream;
 *   - GitHub's licensee (Debian package ruby-licensee) on the same files in one
 *     Ruby process, when installed.
 *   - whole process, side by side: `oml analyze FILES... --json` on BENCH_FILES files
 *     against licensee (one Ruby process) and licensecheck (`-l 0 --check '.*'`), each
 *     skipped with a note when missing (apt-get install -y ruby-licensee licensecheck),
 *     alternating runs, wall and CPU time, files/s and the ratios, on the corpus texts repeated
 *     (copies in folders), on as many distinct texts, and on the cold first pass (scripts/bench-whole.mjs);
 *   - with BENCH_BASELINE=DIR (a checkout of an earlier version, built: DIR/dist), the
 *     stages, start-up and whole-process rows are measured for it too, in the same run.
 *   - `oml survey` on a generated 1,000,000-entry Hub listing: time and peak
 *     memory (scripts/bench-survey.mjs).
 * Env: BENCH_FILES (default 1000), BENCH_STREAM (default 10000), BENCH_SPAWNS (default 10),
 *      BENCH_SURVEY (default 1000000; 0 skips), BENCH_ROUNDS (whole-process rounds, default 3),
 *      BENCH_BASELINE (see above), BENCH_ONLY (comma list of sections to run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { binOf, fmt, licenseeAvailable, median, now, timed } from './bench-util.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '../shared/corpus/licenses');
const N_FILES = Number(process.env.BENCH_FILES ?? 1000);
const N_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BASELINE = process.env.BENCH_BASELINE ? resolve(process.env.BENCH_BASELINE) : null;
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const N_STREAM = Number(process.env.BENCH_STREAM ?? 10000);
const N_SPAWNS = Number(process.env.BENCH_SPAWNS ?? 10);

const out = [];
const say = (s = '') => { out.push(s); process.stdout.write(`${s}\n`); };
const note = (s) => process.stderr.write(`bench: ${s}\n`);
const mb = (b) => `${fmt(b / 1024 / 1024, 0)} MB`;

async function section(name, fn) {
  if (ONLY && !ONLY.has(name)) return;
  try {
    await fn();
  } catch (e) {
    say(`_${name}: skipped (${String(e?.message ?? e).split('\n')[0]})_`);
    say();
  }
}

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch { /* not Linux */ }
  return { cpu, cores: cpus().length, memory: totalmem(), free: freemem(), node: process.version, platform: `${process.platform} ${process.arch}` };
}

/** The streaming API: from dist when exported there, else a bundle of src/stream built with esbuild (tsup's bundler). */
async function loadStream(lib) {
  if (typeof lib.analyzeStream === 'function') return { analyzeStream: lib.analyzeStream, from: 'dist/index.js' };
  const { build } = await import('esbuild');
  const outdir = join(ROOT, 'node_modules', '.cache', 'oml-bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'stream.mjs');
  await build({ entryPoints: [join(ROOT, 'src/stream/index.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, packages: 'external', logLevel: 'error' });
  const mod = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  return { analyzeStream: mod.analyzeStream, from: 'src/stream (bundled by the bench; dist does not export analyzeStream)' };
}

const RUBY = `
require 'licensee'
require 'json'
dir, reps = ARGV[0], ARGV[1].to_i
files = Dir.children(dir).sort.map { |f| [f, File.read(File.join(dir, f))] }
files.each { |n, c| Licensee::ProjectFiles::LicenseFile.new(c, n).license } # warm-up
list = (files * (reps / files.size + 1)).first(reps)
t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
found = 0
list.each { |n, c| l = Licensee::ProjectFiles::LicenseFile.new(c, n).license; found += 1 if l && l.key != "other" }
t = Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0
puts JSON.generate({ files: list.size, seconds: t, identified: found })
`;

async function main() {
  const distIndex = join(ROOT, 'dist', 'index.js');
  if (!existsSync(distIndex)) { say('dist/index.js is missing: run `npm run bench` (it builds first).'); return; }
  if (!existsSync(CORPUS)) { say(`corpus not found at ${CORPUS}: nothing to measure.`); return; }
  const lib = await import(pathToFileURL(distIndex).href);
  const m = machine();

  say(`# open-model-license benchmark`);
  say();
  say(`- date: ${new Date().toISOString().slice(0, 10)}`);
  say(`- machine: ${m.cpu}, ${m.cores} cores, ${mb(m.memory)} RAM, ${m.platform}, node ${m.node}`);

  // ---------------------------------------------------------------- inputs
  const names = readdirSync(CORPUS).filter((f) => !f.startsWith('.')).sort();
  const tRead0 = now();
  const unique = names.map((f) => lib.readSourceSync(join(CORPUS, f)));
  const readMs = now() - tRead0;
  const totalBytes = unique.reduce((s, x) => s + x.bytes, 0);
  const texts = Array.from({ length: N_FILES }, (_, i) => ({ ...unique[i % unique.length], path: `r${Math.floor(i / unique.length)}/${basename(unique[i % unique.length].path)}` }));
  // the same texts with one made-up sentence inserted at the middle paragraph break (no exact-hash match possible)
  const edited = texts.map((s) => {
    const mid = s.text.indexOf('\n\n', Math.floor(s.text.length / 2));
    const at = mid < 0 ? s.text.length : mid;
    const text = `${s.text.slice(0, at)}\n\nAcme Labs adds this sentence of its own to the license text for the benchmark.${s.text.slice(at)}`;
    return { ...s, text, bytes: Buffer.byteLength(text) };
  });
  say(`- input: ${unique.length} license texts from ../shared/corpus/licenses (${fmt(totalBytes / 1024)} KB), repeated to ${texts.length} files`);
  say();

  // ---------------------------------------------------------------- throughput
  const throughput = {};
  const startup = {};
  await section('throughput', async () => {
    say(`## Analysis throughput (analyzeText on pre-read text, one process, after warm-up)`);
    say();
    say(`| markdown engine | files | seconds | files/s | MB/s |`);
    say(`| --- | ---: | ---: | ---: | ---: |`);
    const runs = [
      { key: 'remark', label: 'remark (default)', markdown: 'remark', list: texts },
      { key: 'fast', label: 'fast', markdown: 'fast', list: texts },
      { key: 'edited', label: 'remark, every text edited (no exact match)', markdown: 'remark', list: edited },
    ];
    for (const run of runs) {
      for (const s of run.list.slice(0, unique.length)) lib.analyzeText(s, { markdown: run.markdown }); // warm-up
      const t0 = now();
      let bytes = 0;
      for (const s of run.list) { lib.analyzeText(s, { markdown: run.markdown }); bytes += s.bytes; }
      const sec = (now() - t0) / 1000;
      throughput[run.key] = run.list.length / sec;
      say(`| ${run.label} | ${run.list.length} | ${fmt(sec, 2)} | ${fmt(run.list.length / sec, 0)} | ${fmt(bytes / 1024 / 1024 / sec, 1)} |`);
    }
    say();
    say(`The corpus texts are the catalog's own sources, so most identify through the exact-hash path; the "edited" row inserts one sentence of ours into the middle of every text, which forces the resemblance ranking and the diff of the near candidates.`);
    say();
  });

  // ---------------------------------------------------------------- stages
  const base = BASELINE && existsSync(join(BASELINE, 'dist', 'index.js')) ? await import(pathToFileURL(join(BASELINE, 'dist', 'index.js')).href) : null;
  if (BASELINE && !base) note(`BENCH_BASELINE=${BASELINE} has no dist/index.js: no baseline rows`);
  await section('stages', async () => {
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const measure = (l) => {
      for (const s of unique) l.analyzeText(s, { markdown: 'remark' }); // warm-up
      const st = { parse: 0, identify: 0, extract: 0, total: 0 };
      for (const s of texts) {
        const t0 = cpu();
        const doc = l.parseDocument(s, { markdown: 'remark' });
        const t1 = cpu();
        l.identifyText(s.text, s.path);
        const t2 = cpu();
        l.extractTerms(doc, { split: l.splitSentences });
        const t3 = cpu();
        l.analyzeText(s, { markdown: 'remark' });
        const t4 = cpu();
        st.parse += t1 - t0; st.identify += t2 - t1; st.extract += t3 - t2; st.total += t4 - t3;
      }
      return st;
    };
    const now_ = measure(lib);
    const before = base ? measure(base) : null;
    say(`## Where the time goes (CPU ms per file and stage, ${texts.length} files, remark engine${before ? ', this version and the baseline in the same run' : ''})`);
    say();
    const per = (ms) => fmt(ms / texts.length, 2);
    const rest = (st) => Math.max(0, st.total - st.parse - st.identify - st.extract);
    const rows = [
      ['parse', (st) => st.parse], ['identify', (st) => st.identify], ['extract (sentences + rules)', (st) => st.extract],
      ['assess + assemble (analyzeText minus the stages above)', rest], ['analyzeText (measured)', (st) => st.total],
    ];
    say(before ? `| stage | baseline ms/file | this version ms/file | ratio |` : `| stage | ms/file | share of analyzeText |`);
    say(before ? `| --- | ---: | ---: | ---: |` : `| --- | ---: | ---: |`);
    say(`| read (decode from disk, ${unique.length} files, cold, wall) | ${before ? ' | ' : ''}${fmt(readMs / unique.length, 2)} | ${before ? '' : '(not in analyzeText)'} |`);
    for (const [name, f] of rows) {
      if (before) say(`| ${name} | ${per(f(before))} | ${per(f(now_))} | ${f(now_) > 0 ? `${fmt(f(before) / f(now_), 1)}x` : ''} |`);
      else say(`| ${name} | ${per(f(now_))} | ${fmt((100 * f(now_)) / now_.total, 0)} % |`);
    }
    say();
    say('CPU time of this process (process.cpuUsage), so the figures hold on a machine shared with other work; the extract stage reuses what it decided about a sentence seen before (off with OML_NO_FASTPATH=1).');
    say();
  });

  // ---------------------------------------------------------------- start-up
  await section('start-up', async () => {
    const one = join(CORPUS, names.includes('deepseek-r1-mit.txt') ? 'deepseek-r1-mit.txt' : names[0]);
    // the package's bin (package.json), what `oml` runs: dist/cli.cjs here, dist/cli.js in older baselines
    const cli = binOf(ROOT);
    const baseCli = base ? binOf(BASELINE) : null;
    const spawnMs = (cmd, args, env) => { const r = timed(cmd, args, env); if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 2).join(' ')} exited ${r.status}`); return r; };
    // alternating: this version, the same without V8's code cache (src/cli/code-cache.ts), the baseline, bare node
    const runs = [];
    const noCache = [];
    const baseRuns = [];
    const bare = [];
    const withCache = existsSync(`${join(ROOT, 'dist', 'cli-bundle.cjs')}.cache`);
    // the result cache (--result-cache) in a private folder of its own, filled by one run before the spawns
    const resultDir = mkdtempSync(join(tmpdir(), 'oml-bench-results-'));
    const resultEnv = { OML_RESULT_CACHE_DIR: resultDir };
    const stored = [];
    spawnMs(process.execPath, [cli, 'analyze', one, '--json', '--result-cache'], resultEnv);
    for (let i = 0; i < N_SPAWNS; i++) {
      runs.push(spawnMs(process.execPath, [cli, 'analyze', one, '--json']));
      stored.push(spawnMs(process.execPath, [cli, 'analyze', one, '--json', '--result-cache'], resultEnv));
      if (withCache) noCache.push(spawnMs(process.execPath, [cli, 'analyze', one, '--json'], { ...process.env, OML_NO_CODE_CACHE: '1' }));
      if (baseCli) baseRuns.push(spawnMs(process.execPath, [baseCli, 'analyze', one, '--json']));
      bare.push(spawnMs(process.execPath, ['-e', '0']));
    }
    const probe = `const t0=performance.now();const l=await import(${JSON.stringify(pathToFileURL(distIndex).href)});const t1=performance.now();`
      + `const s=l.readSourceSync(${JSON.stringify(one)});const t2=performance.now();l.analyzeText(s);const t3=performance.now();l.analyzeText(s);const t4=performance.now();`
      + `console.log(JSON.stringify({imp:t1-t0,first:t3-t2,second:t4-t3}))`;
    const probes = Array.from({ length: Math.min(N_SPAWNS, 5) }, () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' })));
    const med = (xs, k) => fmt(median(xs.map((x) => x[k])));
    say(`## Start-up (\`node dist/${basename(cli)} analyze ${basename(one)} --json\`, the package's bin, median of ${N_SPAWNS} spawns, alternating)`);
    say();
    say(`| measure | median wall ms | median CPU ms |`);
    say(`| --- | ---: | ---: |`);
    say(`| oml analyze, whole process | ${med(runs, 'ms')} | ${med(runs, 'cpu')} |`);
    say(`| oml analyze --result-cache, whole process, the result stored by an earlier run | ${med(stored, 'ms')} | ${med(stored, 'cpu')} |`);
    if (noCache.length) say(`| oml analyze, whole process, without the code cache (OML_NO_CODE_CACHE=1) | ${med(noCache, 'ms')} | ${med(noCache, 'cpu')} |`);
    if (baseRuns.length) say(`| oml analyze, whole process, baseline (${basename(BASELINE)}) | ${med(baseRuns, 'ms')} | ${med(baseRuns, 'cpu')} |`);
    say(`| node -e 0 (bare node start) | ${med(bare, 'ms')} | ${med(bare, 'cpu')} |`);
    say(`| import dist/index.js | ${fmt(median(probes.map((p) => p.imp)))} | |`);
    say(`| first analyzeText (loads catalog, rules, fingerprints) | ${fmt(median(probes.map((p) => p.first)))} | |`);
    say(`| second analyzeText (warm) | ${fmt(median(probes.map((p) => p.second)), 1)} | |`);
    say();
    startup.oml = median(runs.map((x) => x.ms));
    rmSync(resultDir, { recursive: true, force: true });
  });

  // ---------------------------------------------------------------- whole process, side by side
  await section('whole process', async () => {
    const { benchWhole } = await import('./bench-whole.mjs');
    benchWhole({ say, note, texts, unique, baseline: base ? BASELINE : null, rounds: N_ROUNDS });
  });

  // ---------------------------------------------------------------- streaming memory
  await section('streaming memory', async () => {
    const { analyzeStream, from } = await loadStream(lib);
    const cores = Math.max(1, cpus().length);
    say(`## Streaming ${fmt(N_STREAM)} inputs (analyzeStream, ${from})`);
    say();
    say(`| mode | files/s | RSS after ${fmt(N_STREAM / 10)} | peak RSS | RSS after ${fmt(N_STREAM)} | heap used after |`);
    say(`| --- | ---: | ---: | ---: | ---: | ---: |`);
    const modes = [{ name: 'in-thread, concurrency 8', opts: {} }];
    if (cores > 1) modes.push({ name: `${cores} worker threads, concurrency ${cores * 4}`, opts: { workers: cores } });
    for (const mode of modes) {
      async function* inputs() {
        for (let i = 0; i < N_STREAM; i++) {
          const s = unique[i % unique.length];
          yield { path: `s${i}/${basename(s.path)}`, text: s.text };
        }
      }
      globalThis.gc?.();
      let peak = process.memoryUsage().rss;
      let n = 0;
      let errors = 0;
      let early = 0;
      const t0 = now();
      for await (const item of analyzeStream(inputs(), mode.opts)) {
        if (item.error) errors++;
        if (++n % 250 === 0) peak = Math.max(peak, process.memoryUsage().rss);
        if (n === Math.floor(N_STREAM / 10)) early = process.memoryUsage().rss;
      }
      const sec = (now() - t0) / 1000;
      globalThis.gc?.();
      const mu = process.memoryUsage();
      peak = Math.max(peak, mu.rss);
      if (mode.opts.workers) throughput.workers = { n: mode.opts.workers, rate: n / sec };
      say(`| ${mode.name} | ${fmt(n / sec)} | ${mb(early)} | ${mb(peak)} | ${mb(mu.rss)} | ${mb(mu.heapUsed)} |`);
      if (errors) note(`${errors} stream items were errors`);
    }
    say();
    say(`(RSS includes the ${from.startsWith('dist') ? '' : 'second, bench-bundled '}library copy and, for the first row, everything measured above in this process; worker threads add their own heaps to the RSS.)`);
    say();
  });

  // ---------------------------------------------------------------- survey (issue 15)
  await section('survey', async () => {
    const { benchSurvey } = await import('./bench-survey.mjs');
    const n = Number(process.env.BENCH_SURVEY ?? 1_000_000);
    const r = await benchSurvey(n);
    say(`## oml survey on a generated Hub listing (${fmt(n)} model objects, JSON Lines)`);
    say();
    say(`| entries | listing size | generation | survey (node dist/cli.js survey --format json) | entries/s | peak RSS (child) | exit |`);
    say(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
    say(`| ${fmt(r.n)} | ${mb(r.bytes)} | ${fmt(r.genSec, 1)} s | ${fmt(r.sec, 1)} s | ${fmt(r.n / r.sec)} | ${r.peakRss ? mb(r.peakRss) : 'n/a'} | ${r.exit} |`);
    say();
    say(`(target: at most 5 minutes on the 2-core reference machine; ${r.models ?? '?'} models in the report. BENCH_SURVEY sets the size.)`);
    say();
    if (r.exit) note(`survey exited ${r.exit}: ${r.stderr}`);
  });

  // ---------------------------------------------------------------- licensee
  await section('licensee', async () => {
    say(`## Side by side: GitHub licensee (identification only)`);
    say();
    const version = licenseeAvailable();
    if (!version) {
      say(`_licensee is not installed: skipped. Install with \`apt-get install -y ruby-licensee\` (Debian/Ubuntu) and re-run._`);
      say();
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'oml-bench-'));
    try {
      for (const s of unique) writeFileSync(join(dir, basename(s.path)), s.text);
      const r = JSON.parse(execFileSync('ruby', ['-e', RUBY, dir, String(texts.length)], { encoding: 'utf8', maxBuffer: 1 << 24 }));
      const theirs = r.files / r.seconds;
      // ours, identification only (same texts, pre-read), for the like-for-like ratio
      for (const s of unique) lib.identifyText(s.text, s.path);
      const t0 = now();
      let found = 0;
      for (const s of texts) if (lib.identifyText(s.text, s.path).id) found++;
      const oursId = texts.length / ((now() - t0) / 1000);
      say(`licensee ${version} (ruby ${execFileSync('ruby', ['-e', 'print RUBY_VERSION'], { encoding: 'utf8' })}), one Ruby process, \`Licensee::ProjectFiles::LicenseFile.new(content, filename).license\` over the same ${r.files} texts after warm-up.`);
      say();
      say(`| tool | what it does | files/s | identified | ratio (ours / licensee) |`);
      say(`| --- | --- | ---: | ---: | ---: |`);
      say(`| licensee | identify (SPDX/choosealicense catalog) | ${fmt(theirs)} | ${r.identified}/${r.files} | 1.0 |`);
      say(`| oml identifyText | identify (AI model license catalog + SPDX) | ${fmt(oursId)} | ${found}/${texts.length} | ${fmt(oursId / theirs, 2)} |`);
      if (throughput.remark) say(`| oml analyzeText (remark) | identify + extract + assess | ${fmt(throughput.remark)} | | ${fmt(throughput.remark / theirs, 2)} |`);
      if (throughput.fast) say(`| oml analyzeText (fast) | identify + extract + assess | ${fmt(throughput.fast)} | | ${fmt(throughput.fast / theirs, 2)} |`);
      if (throughput.edited) say(`| oml analyzeText (remark), edited texts | identify + extract + assess | ${fmt(throughput.edited)} | | ${fmt(throughput.edited / theirs, 2)} |`);
      if (throughput.workers) say(`| oml analyzeStream, ${throughput.workers.n} worker threads (remark) | identify + extract + assess | ${fmt(throughput.workers.rate)} | | ${fmt(throughput.workers.rate / theirs, 2)} |`);
      say();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

main().catch((e) => {
  // a benchmark never fails CI
  say(`_benchmark aborted: ${String(e?.stack ?? e)}_`);
}).finally(() => { process.exitCode = 0; });
