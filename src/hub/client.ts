/**
 * The Hub through the official client (@huggingface/hub): model info at a
 * revision, and single files at a commit. The client is loaded on first use so
 * offline runs never pay for it. Every request goes through boundedFetch.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { HubHttpError } from './fetch.js';
import { isCommitSha, parseRepoId } from './id.js';
import type { HubSettings } from './settings.js';

/** What oml needs from the model info answer (validated: the Hub's JSON is untrusted input). */
const InfoSchema = lazySchema(() => z.object({
  /** The canonical org/name (differs from the id asked for after a rename redirect). */
  name: z.string().refine((n) => parseRepoId(n) !== null && !n.includes('@'), 'expected org/name'),
  sha: z.string().refine(isCommitSha, 'expected a 40-hex commit sha'),
  gated: z.union([z.boolean(), z.string().max(40)]).optional(),
  filePaths: z.array(z.string().max(1000)).max(100_000).default([]),
  cardData: z.record(z.string(), z.unknown()).nullish(),
  tags: z.array(z.string().max(500)).max(10_000).optional(),
}));
export type HubInfo = z.infer<typeof InfoSchema>;

type HubLib = typeof import('@huggingface/hub');
let lib: Promise<HubLib> | null = null;
const hub = () => (lib ??= import('@huggingface/hub'));

const credentials = (s: HubSettings) => (s.token ? { accessToken: s.token } : {});

/** Model info at `revision` (branch, tag or sha). Throws HubHttpError. */
export async function fetchInfo(repo: string, revision: string, s: HubSettings, f: typeof fetch): Promise<HubInfo> {
  const { modelInfo } = await hub();
  let raw: unknown;
  try {
    raw = await modelInfo({ name: repo, revision, hubUrl: s.endpoint, fetch: f, additionalFields: ['sha', 'cardData', 'tags', 'filePaths'], ...credentials(s) });
  } catch (e) {
    if (e instanceof HubHttpError) throw e;
    if (e instanceof SyntaxError) throw new HubHttpError('bad-response', 200, `${s.endpoint}/api/models/${repo}`, `model info is not valid JSON (${e.message.slice(0, 120)})`);
    throw new HubHttpError('bad-response', null, `${s.endpoint}/api/models/${repo}`, `model info request failed: ${(e as Error).message.slice(0, 200)}`);
  }
  const r = InfoSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new HubHttpError('bad-response', 200, `${s.endpoint}/api/models/${repo}`, `model info has an unexpected shape: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  return r.data;
}

export type FileResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'missing' | 'too-large'; size?: number };

/** One file at commit `sha`, refused before download when over `maxBytes`. Throws HubHttpError. */
export async function fetchFile(repo: string, sha: string, path: string, maxBytes: number, s: HubSettings, f: typeof fetch): Promise<FileResult> {
  const { downloadFile } = await hub();
  try {
    const blob = await downloadFile({ repo, path, revision: sha, hubUrl: s.endpoint, fetch: f, xet: false, ...credentials(s) });
    if (!blob) return { ok: false, reason: 'missing' };
    if (blob.size > maxBytes) return { ok: false, reason: 'too-large', size: blob.size };
    return { ok: true, bytes: new Uint8Array(await blob.arrayBuffer()) };
  } catch (e) {
    if (e instanceof HubHttpError) throw e;
    throw new HubHttpError('bad-response', null, `${s.endpoint}/${repo}/resolve/${sha}/${path}`, `download failed: ${(e as Error).message.slice(0, 200)}`);
  }
}
