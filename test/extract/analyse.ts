import { analyzeText } from '../../src/index.js';

/** The whole analysis of a text of ours, as `oml analyze` reads a plain-text LICENSE file (the made-up license tests). */
export function analyseLicense(text: string, opts?: Parameters<typeof analyzeText>[1]): ReturnType<typeof analyzeText> {
  return analyzeText({ path: 'LICENSE', text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] }, opts);
}
