/** The published builds: ESM and CJS entry points both load and analyse (unified/remark are ESM-only). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO, corpusLicense } from './helpers.js';

const run = (code: string, type: 'cjs' | 'esm') =>
  spawnSync(process.execPath, [...(type === 'esm' ? ['--input-type=module'] : []), '-e', code], { cwd: REPO, encoding: 'utf8' });

describe('package builds', () => {
  const file = JSON.stringify(corpusLicense('llama-3.3-community-license.txt'));
  it('CommonJS require works, including the markdown (remark) path', () => {
    const r = run(`const o = require('open-model-license'); o.analyzePath(${file}).then(a => console.log(a.license.id, a.license.version, a.terms.length > 5))`, 'cjs');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('llama-3.3-community-license 3.3 true');
  });
  it('ESM import works', () => {
    const r = run(`import { analyzePath } from 'open-model-license'; const a = await analyzePath(${file}); console.log(a.license.id)`, 'esm');
    expect(r.stdout.trim()).toBe('llama-3.3-community-license');
  });
  it('the message list loads from the package data (data/messages.yaml) in both builds', () => {
    const esm = run(`import { messageList, MESSAGE_CODES } from 'open-model-license'; console.log(messageList().map((m) => m.code).join() === MESSAGE_CODES.join(), MESSAGE_CODES.length > 40)`, 'esm');
    expect(esm.stdout.trim()).toBe('true true');
    const cjs = run(`const o = require('open-model-license'); console.log(o.messageList().find((m) => m.code === 'UNEXPLAINED_CHANGE').severity)`, 'cjs');
    expect(cjs.stdout.trim()).toBe('error');
  });
});
