/** The built CLI (dist/cli.js, built by `npm test` before vitest runs): output contract and exit codes. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalysisSchema } from '../../src/types.js';
import { REPO, corpusLicense, modelFolder } from './helpers.js';

const oml = (...args: string[]) => spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), ...args], { cwd: REPO, encoding: 'utf8' });

describe('oml analyze', () => {
  it('prints the DESIGN JSON shape, valid against the published schema', () => {
    const r = oml('analyze', corpusLicense('kimi-k2-modified-mit.txt'), 'examples/acme-model', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as unknown[];
    expect(out).toHaveLength(2);
    for (const o of out) AnalysisSchema.parse(o);
    const kimi = AnalysisSchema.parse(out[0]);
    expect(kimi.license).toMatchObject({ id: 'kimi-k2-modified-mit', family: 'kimi', basedOn: 'MIT', match: 'exact' });
    expect(kimi.license.additions[0]).toMatchObject({ line: 23, endLine: 27 });
    expect(kimi.terms.find((t) => t.kind === 'obligation' && t.name === 'attribution-display')?.text).toBe('Kimi K2');
    expect(kimi.openness.tier).toBe('open-weight-conditional');
  });

  it('text output leads with the actionable line and groups terms by kind with lines', () => {
    const r = oml('analyze', 'examples/acme-model', '--profile', 'examples/profile.yaml');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(/^ {2}(ALLOWED|ALLOWED-WITH-OBLIGATIONS|LICENSE-REQUIRED|PROHIBITED|UNKNOWN)/);
    expect(r.stdout).toMatch(/threshold \(\d+\):\n {4}monthly-active-users: [^\n]{1,200} 50,000,000 /);
    expect(r.stdout).toMatch(/examples\/acme-model\/LICENSE:12\]/);
  });

  it('one bad input among several: the others still print, exit 2, the error names the file', () => {
    const dir = modelFolder({});
    const bin = join(dir, 'weights.bin');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const r = oml('analyze', corpusLicense('deepseek-r1-mit.txt'), bin, join(dir, 'missing.txt'), '--json');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain(bin);
    expect(r.stderr).toContain('BINARY');
    expect(r.stderr).toContain('missing.txt');
  });

  it('usage errors exit 2', () => {
    expect(oml('analyze').status).toBe(2);
    expect(oml('frobnicate').status).toBe(2);
    expect(oml('analyze', 'x', '--max-file-size', 'lots').status).toBe(2);
  });

  it('--max-file-size refuses a larger file with exit 2', () => {
    const r = oml('analyze', corpusLicense('llama-3.1-community-license.txt'), '--max-file-size', '1000');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/TOO_LARGE/);
  });

  it('--max-total-size stops the run once the files read exceed it, with exit 2 and LIMIT', () => {
    const mit = corpusLicense('deepseek-r1-mit.txt');
    const one = oml('analyze', mit, mit, '--max-total-size', '1500', '--json');
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/\[LIMIT\].*maxTotalBytes/);
    expect(JSON.parse(one.stdout)).toHaveLength(1); // the first file (~1 KB) was analysed
    expect(oml('analyze', mit, mit, '--max-total-size', '5000').status).toBe(0);
    expect(oml('analyze', mit, '--max-total-size', '-3').status).toBe(2);
    const check = oml('check', 'examples/demo-repo', '--max-total-size', '100');
    expect(check.status).toBe(2);
    expect(check.stderr).toMatch(/\[LIMIT\].*maxTotalBytes/);
    expect(oml('check', 'examples/demo-repo', '--max-file-size', 'x').status).toBe(2);
  });

  it('an invalid profile names the field', () => {
    const dir = modelFolder({});
    const p = join(dir, 'profile.yaml');
    writeFileSync(p, 'monthlyActiveUsers: many\n');
    const r = oml('analyze', corpusLicense('deepseek-r1-mit.txt'), '--profile', p);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('monthlyActiveUsers');
  });
});
