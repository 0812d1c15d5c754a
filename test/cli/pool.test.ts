/**
 * The built CLI's fast paths change no output. `oml analyze --json` over every corpus and corpus-2 text,
 * plus a binary and a missing file (so errors are compared too), plus a copy of each corpus license under
 * another file name in a folder whose name a message might escape (as in a monorepo or a vendored tree),
 * prints the same bytes, stderr and exit code:
 * - in one thread (OML_WORKERS=0), the reference;
 * - through the worker pool (OML_WORKERS=2: each worker's same-text memo, copies routed to the worker
 *   that read the first one, which re-stamps its analysis with the copy's path);
 * - with every fast path off (OML_NO_FASTPATH=1: no same-text memo, no sentence memos, no prefilter);
 * - with the result cache (--result-cache), empty and then filled by that run, in one thread and through the pool.
 * Piped, the JSON is compact (one line).
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { omlAsync, REPO } from './helpers.js';

const SHARED = resolve(REPO, '../shared');
const list = (d: string) => (existsSync(d) ? readdirSync(d).filter((f) => !f.startsWith('.')).sort() : []);
const LICENSES = join(SHARED, 'corpus/licenses');
const distinct = ['corpus/licenses', 'corpus/model-cards', 'corpus-2/licenses']
  .map((d) => join(SHARED, d))
  .flatMap((d) => list(d).map((f) => join(d, f)));

const dir = mkdtempSync(join(tmpdir(), 'oml-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const oml = (args: string[], env: Record<string, string>) => omlAsync(args, env, dir);

/** A copy of every corpus license as `vendor/it's-2/1-<name>`: another file name, in a folder with a quote. */
function copies(): string[] {
  const folder = "vendor/it's-2";
  mkdirSync(join(dir, folder), { recursive: true });
  return list(LICENSES).map((name) => {
    copyFileSync(join(LICENSES, name), join(dir, folder, `1-${name}`));
    return `${folder}/1-${name}`; // relative: the path as given is what results quote
  });
}

describe('oml analyze: worker pool and fast paths', () => {
  it('same stdout, stderr and exit code with the pool on and off and the fast paths off, on distinct texts and repeats', async () => {
    expect(distinct.length).toBeGreaterThanOrEqual(100);
    writeFileSync(join(dir, 'weights.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const repeats = copies();
    expect(repeats.length).toBeGreaterThanOrEqual(100);
    const subjects = [...distinct.slice(0, 40), ...repeats.slice(0, 50), ...distinct.slice(40), ...repeats.slice(50)];
    const args = ['analyze', ...subjects.slice(0, 60), 'weights.bin', 'vendor/missing/LICENSE', ...subjects.slice(60), '--json'];
    const one = await oml(args, { OML_WORKERS: '0' });
    const pool = await oml(args, { OML_WORKERS: '2' });
    const slow = await oml(args, { OML_WORKERS: '0', OML_NO_FASTPATH: '1' });
    const cache = { OML_RESULT_CACHE_DIR: join(dir, 'results') };
    const cold = await oml([...args, '--result-cache'], { OML_WORKERS: '0', ...cache });
    const stored = readdirSync(join(dir, 'results')).length;
    const warm = await oml([...args, '--result-cache'], { OML_WORKERS: '0', ...cache });
    const warmPool = await oml([...args, '--result-cache'], { OML_WORKERS: '2', ...cache });
    // every text without a decoder warning was stored, once (copies share an entry), and the warm runs added none
    expect(stored).toBeGreaterThanOrEqual(150);
    expect(readdirSync(join(dir, 'results')).length).toBe(stored);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('weights.bin');
    expect(one.stderr).toContain('vendor/missing/LICENSE');
    const parsed = JSON.parse(one.stdout) as Array<{ subject: { path: string } }>;
    expect(parsed.map((r) => r.subject.path)).toEqual(subjects);
    for (const [name, r] of [['pool', pool], ['fast paths off', slow], ['result cache, empty', cold], ['result cache, filled', warm], ['result cache, filled, pool', warmPool]] as const) {
      expect(r.status, name).toBe(one.status);
      expect(r.stderr, name).toBe(one.stderr);
      expect(r.stdout === one.stdout, `stdout differs: ${name}`).toBe(true);
    }
    // piped: compact JSON, one line
    expect(one.stdout.trimEnd().split('\n')).toHaveLength(1);
  }, 600_000);

  it('a result cache folder others may write is refused (exit 2) naming it, before anything is read', async () => {
    const open = join(dir, 'open-cache');
    mkdirSync(open, { mode: 0o700 });
    chmodSync(open, 0o777);
    const r = await oml(['analyze', distinct[0]!, '--json', '--result-cache'], { OML_RESULT_CACHE_DIR: open });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(open);
    expect(r.stderr).toContain('writable by no one else');
    expect(r.stdout).toBe('');
  });

  it('a bad OML_WORKERS is a usage error (exit 2) naming it', async () => {
    const r = await oml(['analyze', distinct[0]!, '--json'], { OML_WORKERS: 'lots' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('OML_WORKERS');
  });
});
