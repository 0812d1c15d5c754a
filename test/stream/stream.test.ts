import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFile, analyzeText } from '../../src/analyze/index.js';
import { OmlError } from '../../src/errors.js';
import { decodeBytes } from '../../src/read/decode.js';
import { analyzeStream, type StreamItem, type StreamInput } from '../../src/stream/index.js';
import { builtLibrary } from '../../src/stream/pool.js';

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const LICENSES = readdirSync(join(CORPUS, 'licenses')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(CORPUS, 'licenses', f));
const CARDS = readdirSync(join(CORPUS, 'model-cards')).filter((f) => f.endsWith('.md')).sort().map((f) => join(CORPUS, 'model-cards', f));

/** 16 licenses and 4 model cards, spread over the corpus. */
const SAMPLE = [...LICENSES.filter((_, i) => i % 6 === 0).slice(0, 16), ...CARDS.slice(0, 4)];
const textInputs = (): Array<{ path: string; text: string }> => SAMPLE.map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));

function sequential(inputs: Array<{ path: string; text: string }>) {
  return inputs.map((i) => analyzeText(decodeBytes(Buffer.from(i.text, 'utf8'), i.path)));
}

async function collect(it: AsyncIterable<StreamItem>): Promise<StreamItem[]> {
  const out: StreamItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** An async source that counts how many inputs were pulled from it. */
function counted(inputs: StreamInput[]): { source: AsyncIterable<StreamInput>; pulled: () => number } {
  let n = 0;
  async function* gen() {
    for (const i of inputs) {
      n++;
      yield i;
    }
  }
  return { source: gen(), pulled: () => n };
}

describe('analyzeStream (in this thread)', () => {
  it('yields, in input order, the same analyses as sequential analyzeText', async () => {
    const inputs = textInputs();
    const items = await collect(analyzeStream(inputs, { concurrency: 5 }));
    expect(items.map((i) => i.path)).toEqual(inputs.map((i) => i.path));
    expect(items.every((i) => i.error === undefined)).toBe(true);
    expect(items.map((i) => i.result)).toEqual(sequential(inputs));
    // the sample is not trivial: several licenses are identified and carry terms
    expect(items.filter((i) => i.result?.license.id).length).toBeGreaterThan(8);
  });

  it('reads paths itself and equals analyzeFile', async () => {
    const paths = SAMPLE.slice(0, 6);
    const items = await collect(analyzeStream(paths, { concurrency: 3 }));
    const expected = await Promise.all(paths.map((p) => analyzeFile(p)));
    expect(items.map((i) => i.result)).toEqual(expected);
  });

  it('never has more than `concurrency` inputs in flight and waits for a slow consumer', async () => {
    const inputs = [...textInputs(), ...textInputs()];
    for (const bound of [1, 3, 7]) {
      const { source, pulled } = counted(inputs);
      let consumed = 0;
      let maxInFlight = 0;
      for await (const _item of analyzeStream(source, { concurrency: bound })) {
        // pulled but not yet consumed, counting the item being consumed now
        maxInFlight = Math.max(maxInFlight, pulled() - consumed);
        await new Promise((r) => setTimeout(r, 2)); // a slow consumer: the stream must not read ahead
        maxInFlight = Math.max(maxInFlight, pulled() - consumed);
        consumed++;
      }
      expect(consumed).toBe(inputs.length);
      expect(maxInFlight).toBeLessThanOrEqual(bound);
      expect(maxInFlight).toBe(Math.min(bound, inputs.length));
    }
  });

  it('stops pulling when the consumer breaks early', async () => {
    const { source, pulled } = counted(textInputs());
    let n = 0;
    for await (const _item of analyzeStream(source, { concurrency: 2 })) if (++n === 3) break;
    expect(pulled()).toBeLessThanOrEqual(4);
  });

  it('turns a bad input into an error item and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oml-stream-'));
    const bin = join(dir, 'LICENSE.bin');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02]));
    const good = textInputs().slice(0, 3);
    const inputs: StreamInput[] = [good[0]!, join(dir, 'missing-LICENSE'), { path: 'empty.txt', text: '  \n' }, good[1]!, bin, good[2]!];
    const items = await collect(analyzeStream(inputs, { concurrency: 2 }));
    expect(items.map((i) => i.path)).toEqual(inputs.map((i) => (typeof i === 'string' ? i : i.path)));
    expect(items.map((i) => i.error?.code)).toEqual([undefined, 'ENOENT', 'EMPTY', undefined, 'BINARY', undefined]);
    for (const i of items.filter((x) => x.error)) {
      expect(i.error).toBeInstanceOf(OmlError);
      expect(i.error!.message).toContain(i.path);
    }
    expect(items.filter((i) => i.result).map((i) => i.result)).toEqual(sequential(good));
  });

  it('applies limits per input (maxFileBytes) and per stream (maxTotalBytes)', async () => {
    const inputs = textInputs().slice(0, 4);
    const small = Math.min(...inputs.map((i) => Buffer.byteLength(i.text)));
    const items = await collect(analyzeStream(inputs, { limits: { maxFileBytes: small } }));
    expect(items.filter((i) => i.error?.code === 'TOO_LARGE').length).toBe(inputs.filter((i) => Buffer.byteLength(i.text) > small).length);

    const first = Buffer.byteLength(inputs[0]!.text);
    const seen: string[] = [];
    const run = async () => {
      for await (const x of analyzeStream(inputs, { limits: { maxTotalBytes: first + 1 } })) seen.push(x.path);
    };
    await expect(run()).rejects.toMatchObject({ code: 'LIMIT', message: expect.stringContaining('maxTotalBytes') });
    expect(seen).toEqual([inputs[0]!.path]);
  });

  it('rejects a bad concurrency', async () => {
    await expect(collect(analyzeStream([], { concurrency: 0 }))).rejects.toMatchObject({ code: 'USAGE' });
  });
});

describe.skipIf(!builtLibrary())('analyzeStream with worker threads (built dist)', () => {
  // The workers run the built library; compare with the same build in this thread so a stale dist cannot skew the test.
  type Lib = { analyzeText: typeof analyzeText; analyzeFile: typeof analyzeFile; decodeBytes: typeof decodeBytes };
  const built = async (): Promise<Lib> => (await import(builtLibrary()!)) as Lib;

  it('gives the same results as the sequential analysis, in order, errors included', async () => {
    const lib = await built();
    const inputs: StreamInput[] = [...textInputs(), { path: 'bad.txt', text: '' }, SAMPLE[1]!, '/nonexistent/oml/LICENSE'];
    const items = await collect(analyzeStream(inputs, { workers: 2, concurrency: 6 }));
    expect(items.map((i) => i.path)).toEqual(inputs.map((i) => (typeof i === 'string' ? i : i.path)));
    const texts = textInputs();
    expect(items.slice(0, texts.length).map((i) => i.result)).toEqual(texts.map((i) => lib.analyzeText(lib.decodeBytes(Buffer.from(i.text, 'utf8'), i.path))));
    expect(items[texts.length]!.error).toBeInstanceOf(OmlError);
    expect(items[texts.length]!.error!.code).toBe('EMPTY');
    expect(items[texts.length]!.error!.message).toContain('bad.txt');
    expect(items[texts.length + 1]!.result).toEqual(await lib.analyzeFile(SAMPLE[1]!));
    expect(items[texts.length + 2]!.error!.code).toBe('ENOENT');
  });

  it('keeps the in-flight bound and stops the workers on early break', async () => {
    const { source, pulled } = counted([...textInputs(), ...textInputs()]);
    let consumed = 0;
    let maxInFlight = 0;
    for await (const _x of analyzeStream(source, { workers: 2, concurrency: 4 })) {
      maxInFlight = Math.max(maxInFlight, pulled() - consumed);
      if (++consumed === 10) break;
    }
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(pulled()).toBeLessThanOrEqual(14);
  });
});
