/** Bench helpers shared by scripts/bench.mjs and scripts/bench-whole.mjs: timing, medians, number format, peer detection. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The `oml` bin of the package at root, as package.json names it (dist/cli.cjs now; dist/cli.js in older builds). */
export function binOf(root) {
  const bin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin;
  return join(root, typeof bin === 'string' ? bin : bin.oml);
}

export const now = () => performance.now();
export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
export const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

export function licenseeAvailable() {
  const r = spawnSync('ruby', ['-e', 'require "licensee"; print Licensee::VERSION'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Runs a command to the end (stdout discarded), wall ms and the CPU ms of it and its children (from /proc, Linux). */
export function timed(cmd, args, env) {
  const t0 = now();
  // a shell waits for the command, then prints its own /proc stat: fields 16-17 are the waited-for children's user + system ticks
  const r = spawnSync('sh', ['-c', '"$@" >/dev/null; s=$?; cat /proc/$$/stat; exit $s', 'sh', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, ...(env ? { env: { ...process.env, ...env } } : {}) });
  const ms = now() - t0;
  const f = r.stdout.slice(r.stdout.lastIndexOf(')') + 2).split(' ');
  const cpu = ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  return { ms, cpu: Number.isFinite(cpu) ? cpu : NaN, status: r.status, stderr: r.stderr ?? '' };
}
