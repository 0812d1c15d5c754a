/** Worker mode from ESM and CommonJS hosts (spawned node processes importing the built package); worker errors name the input. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const DIST = resolve(__dirname, '../../dist');
const dir = mkdtempSync(join(tmpdir(), 'oml-hosts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const body = `
  const out = [];
  for await (const it of analyzeStream([{ path: 'mit.txt', text: 'MIT License\\n\\nPermission is hereby granted, free of charge.' }, ${JSON.stringify(join(dir, 'missing.txt'))}, 42], { workers: 1 })) {
    out.push({ path: it.path, ok: !!it.result, code: it.error?.code ?? null, message: it.error?.message ?? null });
  }
  console.log(JSON.stringify(out));`;

describe.runIf(existsSync(join(DIST, 'index.js')))('analyzeStream workers from ESM and CJS hosts', () => {
  const hosts: Array<[string, string]> = [
    ['host.mjs', `import { analyzeStream } from ${JSON.stringify(join(DIST, 'index.js'))};\n${body}`],
    ['host.cjs', `const { analyzeStream } = require(${JSON.stringify(join(DIST, 'index.cjs'))});\n(async () => {${body}\n})();`],
  ];
  for (const [name, code] of hosts) {
    it(name, () => {
      const file = join(dir, name);
      writeFileSync(file, code);
      const out = JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 })) as Array<{ path: string; ok: boolean; code: string | null; message: string | null }>;
      expect(out.map((o) => [o.path.split('/').pop(), o.ok, o.code])).toEqual([['mit.txt', true, null], ['missing.txt', false, 'ENOENT'], ['(input 3)', false, 'USAGE']]);
      expect(out[1]!.message).toContain('missing.txt');
    }, 90_000);
  }
});
