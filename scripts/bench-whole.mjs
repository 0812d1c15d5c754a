/**
 * Bench helper: the whole `oml analyze --json` process side by side with licensee and licensecheck (used by
 * scripts/bench.mjs, section "whole process"). Three sets of files: the corpus texts repeated (each copy in
 * its own folder under the same name, as in a monorepo or a vendored tree), the same number of distinct
 * texts (each with a sentence of ours appended that names the file number), and the first pass over the
 * distinct texts alone (each text once: the cold case). oml and its baseline (another build, BENCH_BASELINE)
 * run on every set, `OML_WORKERS=2` on the repeats, the peers when installed; alternating rounds, medians of
 * wall time and of CPU time (the process and its children, from /proc).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { binOf, fmt, licenseeAvailable, median, now, timed } from './bench-util.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const RUBY_WHOLE = `
require 'licensee'
found = 0
ARGV.each { |f| l = Licensee::ProjectFiles::LicenseFile.new(File.read(f), File.basename(f)).license; found += 1 if l && l.key != "other" }
STDERR.puts "identified #{found}/#{ARGV.size}"
`;

export function benchWhole({ say, note, texts, unique, baseline, rounds }) {
  const BASELINE = baseline;
  const base = baseline !== null;
  const N_ROUNDS = rounds;
  const dir = mkdtempSync(join(tmpdir(), 'oml-bench-files-'));
  try {
    // the repeats as a monorepo or a vendored tree holds them: copies of the same file in several folders (rN/name);
    // the distinct set: every text with one sentence of ours appended that names the file number, so no two files are the same
    const write = (set, text) => texts.map((s, i) => {
      const sub = join(dir, set, `r${Math.floor(i / unique.length)}`);
      mkdirSync(sub, { recursive: true });
      const f = join(sub, basename(s.path));
      writeFileSync(f, text(s, i));
      return f;
    });
    const files = write('repeats', (s) => s.text);
    const distinct = write('distinct', (s, i) => `${s.text}\n\nAcme Labs keeps this copy as file number ${i + 1} of its benchmark folder.\n`);
    const cold = distinct.slice(0, unique.length);
    const cli = (root, set) => ({ cmd: process.execPath, args: [binOf(root), 'analyze', ...set, '--json'] });
    const what = 'identify + extract + assess';
    const tools = [{ name: 'oml analyze --json', set: 'repeats', what, ...cli(ROOT, files) }];
    if (base) tools.push({ name: `oml analyze --json, baseline (${basename(BASELINE)})`, set: 'repeats', what, ...cli(BASELINE, files) });
    tools.push({ name: 'oml analyze --json, OML_WORKERS=2', set: 'repeats', what, ...cli(ROOT, files), env: { OML_WORKERS: '2' } });
    // the result cache (--result-cache), in a private folder per set, filled by one run before the rounds: the
    // second run over the same files (CI on every push); the rows without it are the cold runs
    const stored = (set, list) => {
      const c = cli(ROOT, list);
      return { name: 'oml analyze --json --result-cache, results stored by an earlier run', set, what, cmd: c.cmd, args: [...c.args, '--result-cache'], env: { OML_RESULT_CACHE_DIR: join(dir, `results-${set}`) }, warm: true };
    };
    tools.push(stored('repeats', files));
    tools.push({ name: 'oml analyze --json', set: 'distinct', what, ...cli(ROOT, distinct) });
    tools.push(stored('distinct', distinct));
    if (base) tools.push({ name: `oml analyze --json, baseline (${basename(BASELINE)})`, set: 'distinct', what, ...cli(BASELINE, distinct) });
    tools.push({ name: 'oml analyze --json', set: 'cold', what, ...cli(ROOT, cold) });
    if (base) tools.push({ name: `oml analyze --json, baseline (${basename(BASELINE)})`, set: 'cold', what, ...cli(BASELINE, cold) });
    const lv = licenseeAvailable();
    if (lv) {
      writeFileSync(join(dir, 'whole.rb'), RUBY_WHOLE);
      tools.push({ name: `licensee ${lv}`, set: 'repeats', what: 'identify', peer: true, cmd: 'ruby', args: [join(dir, 'whole.rb'), ...files] });
      tools.push({ name: `licensee ${lv}`, set: 'distinct', what: 'identify', peer: true, cmd: 'ruby', args: [join(dir, 'whole.rb'), ...distinct] });
    } else note('licensee is not installed (apt-get install -y ruby-licensee): its row is skipped');
    const lc = spawnSync('licensecheck', ['--version'], { encoding: 'utf8' });
    if (lc.status === 0) {
      const v = /version\s+v?([\d.]+)/.exec(lc.stdout)?.[1] ?? '';
      tools.push({ name: `licensecheck ${v}`, set: 'repeats', what: 'identify (regex grammar)', peer: true, cmd: 'licensecheck', args: ['-l', '0', '--check', '.*', ...files] });
    } else note('licensecheck is not installed (apt-get install -y licensecheck): its row is skipped');
    for (const t of tools) t.runs = [];
    for (const t of tools.filter((x) => x.warm)) {
      mkdirSync(t.env.OML_RESULT_CACHE_DIR, { mode: 0o700 });
      note(`whole process: filling the result cache: ${t.set}`);
      const x = timed(t.cmd, t.args, t.env);
      if (x.status !== 0) throw new Error(`${t.name} exited ${x.status}: ${x.stderr.slice(0, 200)}`);
    }
    for (let r = 0; r < N_ROUNDS; r++) {
      for (const t of tools) {
        note(`whole process: round ${r + 1}/${N_ROUNDS}: ${t.name} (${t.set})`);
        const x = timed(t.cmd, t.args, t.env);
        if (x.status !== 0) throw new Error(`${t.name} exited ${x.status}: ${x.stderr.slice(0, 200)}`);
        t.runs.push(x);
      }
    }
    const count = { repeats: files.length, distinct: distinct.length, cold: cold.length };
    const wall = (t) => median(t.runs.map((x) => x.ms)) / 1000;
    const cpu = (t) => median(t.runs.map((x) => x.cpu)) / 1000;
    const rate = (t) => count[t.set] / wall(t);
    const SETS = {
      repeats: `${fmt(files.length)} files: the ${unique.length} corpus texts repeated, each copy in its own folder under the same name (r0/NAME ... r9/NAME)`,
      distinct: `${fmt(distinct.length)} distinct files: the same, each text with a sentence of ours appended that names the file number (no two files alike)`,
      cold: `${fmt(cold.length)} distinct files: the first ${unique.length} of the distinct set (each text read once: the cold first pass)`,
    };
    say(`## Whole process, side by side (${N_ROUNDS} alternating rounds, medians)`);
    say();
    for (const set of ['repeats', 'distinct', 'cold']) {
      const rows = tools.filter((t) => t.set === set);
      if (!rows.length) continue;
      const oml = rows[0];
      say(`${SETS[set]}:`);
      say();
      say(`| tool | what it does | wall s | CPU s | files/s (wall) | oml's files/s ÷ this tool's |`);
      say(`| --- | --- | ---: | ---: | ---: | ---: |`);
      for (const t of rows) {
        say(`| ${t.name} | ${t.what} | ${fmt(wall(t), 2)} | ${fmt(cpu(t), 2)} | ${fmt(rate(t))} | ${t === oml ? '1.0' : `${fmt(rate(oml) / rate(t), 2)}x (CPU: ${fmt(cpu(t) / cpu(oml), 2)}x)`} |`);
      }
      say();
      const licensee = rows.find((t) => t.name.startsWith('licensee'));
      const warm = rows.find((t) => t.warm);
      if (licensee) say(`**oml / licensee, ${set}: ${fmt(rate(oml) / rate(licensee), 2)}x files per second** (CPU: ${fmt(cpu(licensee) / cpu(oml), 2)}x; target: 20x).`);
      if (licensee && warm) say(`**oml / licensee, ${set}, results stored by an earlier run (--result-cache): ${fmt(rate(warm) / rate(licensee), 2)}x files per second** (CPU: ${fmt(cpu(licensee) / cpu(warm), 2)}x).`);
      say();
    }
    say(`Whole process: start-up, reading, analysis and the JSON written (oml writes to a pipe, so compact JSON). licensee runs in one Ruby process (\`Licensee::ProjectFiles::LicenseFile.new(content, filename).license\` per file, no warm-up); licensecheck reads whole files (\`-l 0\`). In one run oml analyses a text met again once (same bytes and file name: a copy in another folder) and re-uses what it read from a sentence seen before (off with \`OML_NO_FASTPATH=1\`).`);
    say();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
