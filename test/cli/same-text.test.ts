/**
 * The CLI's shortcuts change no output on a large run with repeats: the corpus license texts as 1,000
 * files (copies in ten folders, as in a monorepo or a vendored tree, some under another name, some in a
 * folder whose name a message might escape) give the same stdout, stderr and exit code with the fast
 * paths on (the same text analysed once per run, the sentence memos) and off (OML_NO_FASTPATH=1), and
 * through the worker pool (OML_WORKERS=2: each worker's same-text memo, copies routed to one worker).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { omlAsync, REPO } from './helpers.js';

const CORPUS = resolve(REPO, '../shared/corpus/licenses');
const names = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => !f.startsWith('.')).sort() : [];
const dir = mkdtempSync(join(tmpdir(), 'oml-same-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const oml = (args: string[], env: Record<string, string>) => omlAsync(args, env, dir);

describe('oml analyze: the same text in many files', () => {
  it('same stdout, stderr and exit code on 1,000 files with repeats, fast paths on and off', async () => {
    expect(names.length).toBeGreaterThanOrEqual(100);
    const files: string[] = [];
    for (let i = 0; files.length < 1000; i++) {
      const name = names[i % names.length]!;
      const round = Math.floor(i / names.length);
      // round 3: another file name; round 5: a folder name with a quote; the others: plain folders
      const folder = round === 5 ? `vendor/it's-${round}` : `vendor/r${round}`;
      const file = round === 3 ? `${round}-${name}` : name;
      mkdirSync(join(dir, folder), { recursive: true });
      writeFileSync(join(dir, folder, file), readFileSync(join(CORPUS, name)));
      files.push(`${folder}/${file}`); // relative: the path as given is what results quote
    }
    files.splice(500, 0, 'vendor/missing/LICENSE');
    const fast = await oml(['analyze', ...files, '--json'], {});
    const slow = await oml(['analyze', ...files, '--json'], { OML_NO_FASTPATH: '1' });
    // the worker pool: copies go to the worker that read the first one, which re-stamps its analysis
    const pool = await oml(['analyze', ...files, '--json'], { OML_WORKERS: '2' });
    expect(fast.status).toBe(2);
    expect(fast.stderr).toContain('vendor/missing/LICENSE');
    const parsed = JSON.parse(fast.stdout) as Array<{ subject: { path: string } }>;
    expect(parsed.map((r) => r.subject.path)).toEqual(files.filter((f) => !f.includes('missing')));
    expect(slow.status).toBe(fast.status);
    expect(slow.stderr).toBe(fast.stderr);
    expect(slow.stdout === fast.stdout, 'stdout differs').toBe(true);
    expect(pool.status).toBe(fast.status);
    expect(pool.stderr).toBe(fast.stderr);
    expect(pool.stdout === fast.stdout, 'stdout differs with the pool').toBe(true);
  }, 900_000);
});
