/**
 * Discovery sees every model a user would call one: weights in each usual
 * format with or without config.json, sharded-weights indexes, weights package
 * directories, and model cards recognised by the front-matter parser of
 * `oml analyze` (any size up to the file limit, UTF-16, CR-only line ends,
 * indented or quoted keys, flow mappings). Fixtures are our own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverModels } from '../../src/policy/discover.js';
import { checkDirectory } from '../../src/policy/run.js';

const base = mkdtempSync(join(tmpdir(), 'oml-formats-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let n = 0;
function tree(files: Record<string, string | Buffer>): string {
  const root = join(base, `t${n++}`);
  mkdirSync(root, { recursive: true });
  for (const [rel, body] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    if (rel.endsWith('/')) mkdirSync(p, { recursive: true });
    else writeFileSync(p, body);
  }
  return root;
}
const rels = async (root: string) => (await discoverModels(root)).models.map((m) => m.rel);

describe('discovery: weights in every usual format, no config.json needed', () => {
  const formats = ['model.safetensors', 'llama-3-8b.Q4_K_M.gguf', 'pytorch_model.bin', 'model.pt', 'weights.pth', 'model.onnx',
    'sd-v1-5.ckpt', 'Model.mlmodel', 'model.tflite', 'model.safetensors.index.json', 'pytorch_model.bin.index.json'];
  for (const f of formats) {
    it(`a folder holding only ${f} is a model`, async () => {
      expect(await rels(tree({ [`models/x/${f}`]: 'w' }))).toEqual(['models/x']);
    });
  }

  it('a Core ML .mlpackage directory makes its parent a model (and is not walked as a model itself)', async () => {
    const root = tree({ 'apps/ios/Model.mlpackage/Data/com.apple.CoreML/weights/weight.bin': 'w', 'apps/ios/Model.mlpackage/Manifest.json': '{}' });
    expect(await rels(root)).toEqual(['apps/ios']);
  });

  it('a lone .gguf at the scanned root counts; a folder of code and JSON does not', async () => {
    expect(await rels(tree({ 'tiny.gguf': 'GGUF' }))).toEqual(['.']);
    expect(await rels(tree({ 'src/app.py': 'x', 'data/config.json': '{}', 'data/train.jsonl': '{}' }))).toEqual([]);
  });

  it('a lone .gguf is judged, not skipped: the check fails with unknown-license instead of "0 models"', async () => {
    const r = await checkDirectory(tree({ 'models/q/q.gguf': 'GGUF' }));
    expect(r.summary.models).toBe(1);
    expect(r.result).toBe('fail');
    expect(r.models[0]!.findings.map((f) => f.rule)).toContain('unknown-license');
  });
});

describe('discovery: model cards found by the analyze front-matter parser', () => {
  const card = (fm: string) => ({ 'models/c/README.md': fm });
  it('license: after 8 KB of front matter', async () => {
    const filler = Array.from({ length: 400 }, (_, i) => `tag_${i}: "${'x'.repeat(20)}"`).join('\n');
    expect(await rels(tree(card(`---\n${filler}\nlicense: mit\n---\n# C\n`)))).toEqual(['models/c']);
  });
  it('UTF-16 LE with BOM', async () => {
    const text = '---\nlicense: apache-2.0\n---\n# C\n';
    expect(await rels(tree(card(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) as unknown as string)))).toEqual(['models/c']);
  });
  it('CR-only line ends', async () => {
    expect(await rels(tree(card('---\rlicense: mit\rbase_model: org/x\r---\r# C\r')))).toEqual(['models/c']);
  });
  it('indented keys', async () => {
    expect(await rels(tree(card('---\n  license: mit\n  tags: [a]\n---\n')))).toEqual(['models/c']);
  });
  it('quoted keys', async () => {
    expect(await rels(tree(card('---\n"license": mit\n\'base_model\': org/x\n---\n')))).toEqual(['models/c']);
  });
  it('a flow mapping', async () => {
    expect(await rels(tree(card('---\n{ license: mit, pipeline_tag: text-generation }\n---\n')))).toEqual(['models/c']);
  });
  it('front matter that does not parse counts as a card (fail closed: the analysis names the error)', async () => {
    expect(await rels(tree(card('---\nlicense: [mit\n---\n')))).toEqual(['models/c']);
  });
  it('front matter without card keys (a docs page) is not a model', async () => {
    expect(await rels(tree(card('---\ntitle: Docs page\nlayout: default\n---\n')))).toEqual([]);
  });
});
