import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineSplitter, PIECE_CHARS, type RefRecord } from '../../src/policy/ref-records.js';
import { REF_REGEXES, findRefsInText, findSourceRefs } from '../../src/policy/source-refs.js';
import { cpuSince } from '../cpu-time.js';

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

  it('black-formatted calls split over lines', () => {
    expect(ids('model = AutoModelForCausalLM.from_pretrained(\n    "org/black-x"\n)\n')).toEqual(['from_pretrained:org/black-x@2:6']);
    expect(ids('p = pipeline(\n    "text-generation",\n    "org/black-p",\n)\n')).toEqual(['pipeline:org/black-p@3:6']);
    expect(ids('llm = LLM(\n    "org/black-v",\n    tensor_parallel_size=2,\n)\n')).toEqual(['vllm:org/black-v@2:6']);
    // a commented-out call stays ignored, also when split
    expect(ids('# m = AutoModel.from_pretrained(\n#     "org/old"\n')).toEqual([]);
  });

  it('long hostile lines finish quickly', () => {
    const t0 = process.cpuUsage();
    findRefsInText(`${'model_'.repeat(3000)}=${'a'.repeat(10000)}`, 'x.py');
    findRefsInText(`x.from_pretrained("${'a'.repeat(15000)}`, 'x.py');
    expect(cpuSince(t0)).toBeLessThan(1000);
  });
});

describe('records of long lines and split chunks', () => {
  it('a reference straddling the boundary of two 64 KiB pieces is found once, at its column', () => {
    for (const shift of [-40, -10, -1, 0, 5]) {
      const call = 'm.from_pretrained("org/straddle")';
      const text = `${'x'.repeat(PIECE_CHARS + shift - 20)}${call}${'y'.repeat(PIECE_CHARS)}`;
      expect(findRefsInText(text, 'a.js').map((r) => [r.id, r.line, r.column]), String(shift)).toEqual([['org/straddle', 1, text.indexOf('org/straddle') + 1]]);
    }
  });

  it('a CRLF split between two chunks is one line end', () => {
    const recs: RefRecord[] = [];
    const s = new LineSplitter((r) => recs.push(r));
    for (const c of ['a\r', '\nb\r', '\r', 'c']) s.push(c);
    s.end();
    expect(recs.map((r) => [r.line, r.text])).toEqual([[1, 'a'], [2, 'b'], [3, ''], [4, 'c']]);
  });
});

describe('findSourceRefs', () => {
  const root = mkdtempSync(join(tmpdir(), 'oml-refs-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (rel: string, body: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), body);
    return join(root, rel);
  };

  it('reports file paths relative to the root and scans files of any size (streamed, no size skip)', async () => {
    const app = write('svc/app.py', '\nm = AutoModel.from_pretrained("org/a")\n');
    // 3 MiB of code before the reference: over the old 1 MiB skip and over one scan block
    const big = write('svc/big.py', `${'x = 1  # filler line\n'.repeat(150_000)}LLM("org/b")\n`);
    const { refs, warnings } = await findSourceRefs(root, [app, big], { maxFileBytes: 1000 });
    expect(refs).toEqual([
      { id: 'org/a', file: 'svc/app.py', line: 2, column: 32, kind: 'from_pretrained' },
      { id: 'org/b', file: 'svc/big.py', line: 150_001, column: 6, kind: 'vllm' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('long lines (over 20,000 and over one 64 KiB piece) are scanned, with exact columns', async () => {
    const pad = 'a'.repeat(200_000);
    const f = write('min.js', `var x="${pad}";p=pipeline("text-generation","org/in-the-middle");var y="${pad}";m.from_pretrained("org/at-the-end")`);
    const { refs, warnings } = await findSourceRefs(root, [f]);
    const text = `var x="${pad}";p=pipeline("text-generation","org/in-the-middle");var y="${pad}";m.from_pretrained("org/at-the-end")`;
    expect(refs.map((r) => [r.id, r.line, r.column])).toEqual([
      ['org/in-the-middle', 1, text.indexOf('org/in-the-middle') + 1],
      ['org/at-the-end', 1, text.indexOf('org/at-the-end') + 1],
    ]);
    expect(warnings).toEqual([]);
  });

  it('calls split over lines are found at every block boundary (many black-formatted calls, CRLF)', async () => {
    const call = (i: number) => `model_${i} = AutoModelForCausalLM.from_pretrained(\r\n    "org/m-${i}",\r\n    torch_dtype="auto",\r\n)\r\n`;
    const n = 20_000; // ~1.6 MB: several scan blocks
    const f = write('many.py', Array.from({ length: n }, (_, i) => call(i)).join(''));
    const { refs } = await findSourceRefs(root, [f]);
    expect(refs).toHaveLength(n);
    expect(refs[0]).toEqual({ id: 'org/m-0', file: 'many.py', line: 2, column: 6, kind: 'from_pretrained' });
    expect(refs[n - 1]).toMatchObject({ id: `org/m-${n - 1}`, line: 4 * (n - 1) + 2 });
  });

  it('a BOM does not hide a first-line key', async () => {
    const f = write('bom.env', '\uFEFFHF_MODEL=org/bom\n');
    expect((await findSourceRefs(root, [f])).refs).toEqual([{ id: 'org/bom', file: 'bom.env', line: 1, column: 10, kind: 'env' }]);
  });

  it('CR-only line ends count as lines', async () => {
    const f = write('cr.py', 'import x\rm = AutoModel.from_pretrained("org/cr")\r');
    expect((await findSourceRefs(root, [f])).refs).toEqual([{ id: 'org/cr', file: 'cr.py', line: 2, column: 32, kind: 'from_pretrained' }]);
  });

  const notebook = (cells: unknown[]) => `${JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
  it('notebooks: only code cells are scanned, each reference at its line and column in the .ipynb', async () => {
    const image = 'iVBORw0KGgo'.repeat(200_000); // a 2 MB embedded image output
    const raw = notebook([
      { cell_type: 'markdown', metadata: {}, source: ['We used `AutoModel.from_pretrained("org/in-markdown")` before.\n'] },
      { cell_type: 'code', metadata: {}, execution_count: 1, outputs: [{ output_type: 'display_data', data: { 'image/png': image } }],
        source: ['from transformers import AutoModel\n', 'model = AutoModel.from_pretrained(\n', '    "org/nb-model"\n', ')\n', '# AutoModel.from_pretrained("org/commented")\n', 'tok = AutoTokenizer.from_pretrained("org/nb-tok")'] },
      { cell_type: 'code', metadata: {}, source: 'HF_MODEL = "org/str-src"\nx = pipeline("fill-mask", "org/str-src-2")' },
    ]);
    const f = write('nb/explore.ipynb', raw);
    const { refs, warnings } = await findSourceRefs(root, [f], { maxFileBytes: 8 * 1024 * 1024 });
    expect(warnings).toEqual([]);
    const rawLines = raw.split('\n');
    const where = (id: string) => {
      const i = rawLines.findIndex((l) => l.includes(id));
      return { line: i + 1, column: rawLines[i]!.indexOf(id) + 1 };
    };
    expect(refs.map((r) => r.id)).toEqual(['org/nb-model', 'org/nb-tok', 'org/str-src', 'org/str-src-2']);
    for (const r of refs) expect({ id: r.id, line: r.line, column: r.column }).toEqual({ id: r.id, ...where(r.id) });
  });

  it('a notebook over maxFileBytes, or invalid JSON, is still scanned (as raw text) with a warning saying so', async () => {
    const big = write('nb/big.ipynb', notebook([{ cell_type: 'code', metadata: {}, source: ['m = AutoModel.from_pretrained("org/raw-big")\n'] }]));
    const bad = write('nb/bad.ipynb', '{"cells": [ m = AutoModel.from_pretrained("org/raw-bad")');
    const { refs, warnings } = await findSourceRefs(root, [big, bad], { maxFileBytes: 50 });
    expect(refs.map((r) => r.id)).toEqual(['org/raw-big', 'org/raw-bad']);
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['NOTEBOOK_RAW_SCAN', 'nb/big.ipynb'], ['NOTEBOOK_RAW_SCAN', 'nb/bad.ipynb']]);
  });

  it('a file that cannot be read is a warning naming it, never a silent skip', async () => {
    const { warnings } = await findSourceRefs(root, [join(root, 'gone.py')]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'EACCES', path: 'gone.py' })]);
  });
});
