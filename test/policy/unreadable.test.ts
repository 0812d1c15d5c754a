/** A directory the scan cannot read fails the check (fail closed), it is never a silent skip. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkDirectory } from '../../src/policy/run.js';
import { renderCheckSarif } from '../../src/report/check-sarif.js';
import { renderCheckText } from '../../src/report/check-text.js';

const root = mkdtempSync(join(tmpdir(), 'oml-unreadable-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('an unreadable directory is an unreadable-path error naming it, in every format', async () => {
  mkdirSync(join(root, 'locked'), { recursive: true });
  writeFileSync(join(root, 'app.py'), 'print("no models here")\n');
  // as root every directory is readable: simulate the permission error where discovery reads directories
  const readdir = async (p: string) => {
    if (p.endsWith('locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return readdirSync(p, { withFileTypes: true });
  };
  const report = await checkDirectory(root, { readdir });
  expect(report.result).toBe('fail');
  const m = report.models.find((x) => x.findings.some((f) => f.rule === 'unreadable-path'))!;
  expect(m.id).toBe('locked');
  expect(m.findings[0]!.location).toEqual({ path: 'locked', line: 1 });
  expect(renderCheckText(report)).toMatch(/unreadable-path: locked/);
  expect(JSON.parse(renderCheckSarif(report)).runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'unreadable-path')).toBe(true);
});

it('control: the same tree, readable, passes', async () => {
  expect((await checkDirectory(root)).result).toBe('pass');
});
