import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Every ```ts block in README.md is an example that must run against the built
// package (imported by its own name, as users import it) without throwing.
const root = resolve(__dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
const tmp = join(root, 'test', '.readme-examples');

describe('README examples', () => {
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  it('has API examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });
  blocks.forEach((code, i) => {
    it(`example ${i + 1} runs`, async () => {
      mkdirSync(tmp, { recursive: true });
      const file = join(tmp, `example-${i + 1}.ts`);
      // Examples use paths relative to the repository root.
      writeFileSync(file, `process.chdir(${JSON.stringify(root)});\n${code}\nexport {};\n`);
      await import(file);
    });
  });
});
