import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRefsInText, findSourceRefs } from '../../src/policy/source-refs.js';

const ids = (text: string, file = 'app.py') => findRefsInText(text, file).map((r) => `${r.kind}:${r.id}@${r.line}:${r.column}`);

describe('findRefsInText', () => {
  it('from_pretrained with either quote, and the keyword form', () => {
    expect(ids('tok = AutoTokenizer.from_pretrained("acme/widget-7b")\nm = AutoModel.from_pretrained(\'acme/widget-7b\', torch_dtype=x)\n'))
      .toEqual(['from_pretrained:acme/widget-7b@1:38', 'from_pretrained:acme/widget-7b@2:32']);
    expect(ids('M.from_pretrained(pretrained_model_name_or_path="org/m1")')).toEqual(['from_pretrained:org/m1@1:50']);
  });

  it('pipeline(..., model=...) over several lines and pipeline("task", "org/name")', () => {
    const src = 'pipe = pipeline(\n    "text-generation",\n    model="org/chat-1.5",\n)\np2 = pipeline("summarization", "org/sum")\n';
    expect(ids(src)).toEqual(['pipeline:org/chat-1.5@3:12', 'pipeline:org/sum@5:33']);
  });

  it('vLLM LLM(model=...) and LLM("...")', () => {
    expect(ids('llm = LLM(model="org/big-moe", tensor_parallel_size=8)\nllm2 = LLM("org/small")\n')).toEqual(['vllm:org/big-moe@1:18', 'vllm:org/small@2:13']);
  });

  it('JS/TS pipeline with a positional model id', () => {
    expect(ids("const p = await pipeline('feature-extraction', 'Xenova/all-MiniLM-L6-v2');", 'a.ts')).toEqual(['pipeline:Xenova/all-MiniLM-L6-v2@1:49']);
  });

  it('env lines: *_MODEL, MODEL_ID, MODEL_NAME', () => {
    const env = 'HF_MODEL=org/one\nexport MODEL_ID="org/two"\nMODEL_NAME=org/three\nBASE_MODEL=org/four\nOTHER=org/no\nTOKEN=abc\n';
    expect(ids(env, '.env')).toEqual(['env:org/one@1:10', 'env:org/two@2:18', 'env:org/three@3:12', 'env:org/four@4:12']);
  });

  it('YAML / JSON / TOML keys', () => {
    expect(ids('base_model: org/base-v2\nmodel: org/served\nname: org/no\n', 'axolotl.yaml')).toEqual(['config-key:org/base-v2@1:13', 'config-key:org/served@2:8']);
    expect(ids('{\n  "base_model_name_or_path": "org/base",\n  "_name_or_path": "org/ignored"\n}', 'adapter_config.json')).toEqual(['config-key:org/base@2:31']);
    expect(ids('[model]\nmodel_id = "org/t"\n', 'x.toml')).toEqual(['config-key:org/t@2:13']);
  });

  it('notebooks: escaped quotes inside JSON strings', () => {
    const nb = '{"cells":[{"source":["m = AutoModel.from_pretrained(\\"org/nb-model\\")\\n"]}]}';
    expect(findRefsInText(nb, 'x.ipynb').map((r) => r.id)).toEqual(['org/nb-model']);
  });

  it('Ollama Modelfile FROM: name:tag and org/name, not local weights', () => {
    expect(ids('FROM llama3.1:8b\nPARAMETER temperature 0.2\n', 'Modelfile')).toEqual(['modelfile:llama3.1:8b@1:6']);
    expect(ids('from org/thing\n', 'Modelfile')).toEqual(['modelfile:org/thing@1:6']);
    expect(ids('FROM ./weights.gguf\n', 'Modelfile')).toEqual([]);
    expect(ids('FROM python:3.12\n', 'Dockerfile')).toEqual([]);
  });

  it('ignores comment lines', () => {
    expect(ids('# m = AutoModel.from_pretrained("org/old")\n  // LLM("org/js")\n * pipeline("t", "org/doc")\n', 'a.py')).toEqual([]);
    expect(ids('# HF_MODEL=org/old\nHF_MODEL=org/new\n', '.env')).toEqual(['env:org/new@2:10']);
  });

  it('ignores things that are not model ids', () => {
    expect(ids('x = "org/name"\nrequests.get("https://example.com/a/b")\nmodel = build()\n')).toEqual([]);
  });

  // REF_REGEXES are proven ReDoS-safe by recheck with the rule regexes: test/extract/redos.test.ts
  // (scripts/redos/patterns.ts lists them; verdicts cached in test/extract/redos-proofs.json).

  it('long hostile lines finish quickly', () => {
    const t0 = Date.now();
    findRefsInText(`${'model_'.repeat(3000)}=${'a'.repeat(10000)}`, 'x.py');
    findRefsInText(`x.from_pretrained("${'a'.repeat(15000)}`, 'x.py');
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('findSourceRefs', () => {
  const root = mkdtempSync(join(tmpdir(), 'oml-refs-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  it('reports file paths relative to the root and skips oversize files', async () => {
    mkdirSync(join(root, 'svc'), { recursive: true });
    writeFileSync(join(root, 'svc/app.py'), '\nm = AutoModel.from_pretrained("org/a")\n');
    writeFileSync(join(root, 'svc/big.py'), `# ${'x'.repeat(2000)}\nLLM("org/b")\n`);
    const { refs, warnings } = await findSourceRefs(root, [join(root, 'svc/app.py'), join(root, 'svc/big.py')], { maxFileBytes: 1000 });
    expect(refs).toEqual([{ id: 'org/a', file: 'svc/app.py', line: 2, column: 32, kind: 'from_pretrained' }]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'SKIPPED_LARGE', path: 'svc/big.py' })]);
  });
});
