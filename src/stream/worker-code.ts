/**
 * Source of the worker thread started by the worker pool (evaluated as a
 * CommonJS script with `new Worker(code, { eval: true })`). It imports the
 * BUILT library (dist/index.js, passed as workerData.lib), so no extra tsup
 * entry is needed; without a build the pool is unavailable (see pool.ts).
 *
 * It mirrors runTask() in task.ts: text -> decodeBytes -> analyzeText; path ->
 * analyzePath, plus the bytes read. Errors travel as plain fields and are
 * rebuilt as OmlError on the main thread.
 */
export const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { stat } = require('node:fs/promises');
const opts = workerData.opts;
const ready = import(workerData.lib);

async function subjectBytes(result) {
  let total = 0;
  for (const f of result.subject.files) {
    try { total += (await stat(f.path)).size; } catch {}
  }
  return total;
}

async function run(lib, m) {
  if (typeof m.text === 'string') {
    const src = lib.decodeBytes(Buffer.from(m.text, 'utf8'), m.path, opts.limits);
    return { result: lib.analyzeText(src, opts), bytes: src.bytes };
  }
  const result = await lib.analyzePath(m.path, opts);
  return { result, bytes: await subjectBytes(result) };
}

parentPort.on('message', async (m) => {
  let lib;
  try {
    lib = await ready;
    const out = await run(lib, m);
    parentPort.postMessage({ id: m.id, result: out.result, bytes: out.bytes });
  } catch (e) {
    if (lib && lib.isOmlError(e)) {
      parentPort.postMessage({ id: m.id, error: { code: e.code, message: e.message, file: e.file, line: e.line } });
    } else {
      parentPort.postMessage({ id: m.id, fatal: e && e.stack ? e.stack : String(e) });
    }
  }
});
`;
