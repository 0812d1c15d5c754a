/**
 * The built CLI's fast paths change no output: `oml analyze --json` over the corpus (plus a binary and a
 * missing file, so errors are compared too) prints the same bytes, stderr and exit code with the worker
 * pool (OML_WORKERS=2) and in one thread (OML_WORKERS=0), and with the extraction fast paths off.
 * Piped, the JSON is compact (one line).
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { omlAsync, REPO } from './helpers.js';

const SHARED = resolve(REPO, '../shared');
const dirs = ['corpus/licenses', 'corpus/model-cards', 'corpus-2/licenses'].map((d) => join(SHARED, d)).filter(existsSync);
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => !f.startsWith('.')).sort().map((f) => join(d, f)));

const oml = (args: string[], env: Record<string, string>) => omlAsync(args, env);

describe('oml analyze: worker pool and fast paths', () => {
  it('same stdout, stderr and exit code with the pool on and off, and with the fast paths off', async () => {
    expect(files.length).toBeGreaterThanOrEqual(100);
    const dir = mkdtempSync(join(tmpdir(), 'oml-pool-'));
    const bin = join(dir, 'weights.bin');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const args = ['analyze', ...files.slice(0, 40), bin, join(dir, 'missing.txt'), ...files.slice(40), '--json'];
    const one = await oml(args, { OML_WORKERS: '0' });
    const pool = await oml(args, { OML_WORKERS: '2' });
    const slow = await oml(args, { OML_WORKERS: '0', OML_NO_FASTPATH: '1' });
    expect(one.status).toBe(2);
    const parsed = JSON.parse(one.stdout) as Array<{ subject: { path: string } }>;
    expect(parsed).toHaveLength(files.length);
    expect(one.stderr).toContain('weights.bin');
    expect(one.stderr).toContain('missing.txt');
    for (const r of [pool, slow]) {
      expect(r.status).toBe(one.status);
      expect(r.stderr).toBe(one.stderr);
      expect(r.stdout === one.stdout, 'stdout differs').toBe(true);
    }
    // piped: compact JSON, one line
    expect(one.stdout.trimEnd().split('\n')).toHaveLength(1);
  }, 600_000);

  it('a bad OML_WORKERS is a usage error (exit 2) naming it', async () => {
    const r = await oml(['analyze', files[0]!, '--json'], { OML_WORKERS: 'lots' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('OML_WORKERS');
  });
});
