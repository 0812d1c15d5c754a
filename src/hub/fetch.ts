/**
 * The one fetch oml gives the Hub client: a timeout per request, a bounded
 * body, retries of 429 / 5xx / timeouts / network errors with backoff inside a
 * time budget, and the Hub's error answers classified (X-Error-Code first,
 * then the status). Non-retryable errors are thrown as HubHttpError.
 */
import type { HubSettings } from './settings.js';

export type HubFailure = 'gated' | 'not-found' | 'revision-not-found' | 'unavailable' | 'bad-response';

export class HubHttpError extends Error {
  constructor(readonly kind: HubFailure, readonly status: number | null, readonly url: string, message: string) {
    super(message);
    this.name = 'HubHttpError';
  }
}

/** Largest response body accepted (model info with many siblings is a few MB; cards and licenses are small). */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const BASE_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;

export interface FetchStats {
  /** Requests sent (retries included). */
  requests: number;
}

export interface BoundedFetchOptions {
  settings: HubSettings;
  stats?: FetchStats;
  /** Injected sleep (tests). */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Seconds to wait from a 429: `RateLimit: "api";r=0;t=12` (IETF draft the Hub implements), else Retry-After. */
export function retryAfterMs(h: Headers): number | null {
  const rl = h.get('ratelimit');
  if (rl) {
    for (const part of rl.slice(0, 500).split(';')) {
      const [k, v] = part.split('=');
      if (k?.trim() === 't' && v !== undefined) {
        const n = Number(v.trim());
        if (Number.isFinite(n) && n >= 0) return n * 1000;
      }
    }
  }
  const ra = h.get('retry-after');
  if (ra) {
    const n = Number(ra.trim());
    if (Number.isFinite(n) && n >= 0) return n * 1000;
  }
  return null;
}

/** Where the URL points, without query (for messages). */
const shortUrl = (u: string) => u.split('?')[0]!.slice(0, 300);

/** The Hub's X-Error-Code values oml knows; any other value (server-controlled text) is not repeated in messages. */
const KNOWN_CODES = new Set(['GatedRepo', 'RepoNotFound', 'RevisionNotFound', 'EntryNotFound', 'DisabledRepo']);
const errorCode = (h: Headers): string => {
  const c = h.get('x-error-code') ?? '';
  return KNOWN_CODES.has(c) ? c : '';
};

function classify(res: Response, url: string): HubHttpError {
  const code = errorCode(res.headers);
  const what = `HTTP ${res.status}${code ? ` ${code}` : ''}`;
  if (code === 'DisabledRepo') return new HubHttpError('not-found', res.status, url, `${what}: the repository is disabled`);
  if (code === 'GatedRepo' || res.status === 403) return new HubHttpError('gated', res.status, url, what);
  if (code === 'RevisionNotFound') return new HubHttpError('revision-not-found', res.status, url, what);
  if (code === 'RepoNotFound' || code === 'EntryNotFound' || res.status === 404) return new HubHttpError('not-found', res.status, url, what);
  if (res.status === 401) return new HubHttpError('gated', res.status, url, what);
  return new HubHttpError('bad-response', res.status, url, `unexpected ${what} from ${shortUrl(url)}`);
}

async function readBounded(res: Response, url: string): Promise<Uint8Array> {
  const len = Number(res.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(len) && len > MAX_RESPONSE_BYTES) throw new HubHttpError('bad-response', res.status, url, `response of ${len} bytes is over the limit of ${MAX_RESPONSE_BYTES} bytes`);
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > MAX_RESPONSE_BYTES) throw new HubHttpError('bad-response', res.status, url, `response is over the limit of ${MAX_RESPONSE_BYTES} bytes`);
    chunks.push(chunk);
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) { out.set(c, off); off += c.byteLength; }
  return out;
}

const retryable = (status: number) => status === 429 || status >= 500;

/** A fetch for one model's requests: the retry budget runs from the first request it sends. */
export function boundedFetch(opts: BoundedFetchOptions): typeof fetch {
  const { settings } = opts;
  const sleep = opts.sleep ?? defaultSleep;
  let deadline: number | null = null;
  const f = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    deadline ??= Date.now() + settings.retryBudgetMs;
    let last = '';
    for (let attempt = 0; ; attempt++) {
      if (opts.stats) opts.stats.requests++;
      let res: Response | null = null;
      try {
        res = await fetch(input, { ...init, redirect: 'follow', signal: AbortSignal.timeout(settings.timeoutMs) });
        if (res.ok || (res.status === 404 && res.headers.get('x-error-code') === 'EntryNotFound')) {
          const body = await readBounded(res, url);
          return new Response(res.status === 204 ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
        }
        if (!retryable(res.status)) {
          await res.body?.cancel().catch(() => undefined);
          throw classify(res, url);
        }
        last = `HTTP ${res.status}${errorCode(res.headers) ? ` ${errorCode(res.headers)}` : ''}`;
        await res.body?.cancel().catch(() => undefined);
      } catch (e) {
        if (e instanceof HubHttpError) throw e;
        const name = (e as Error).name;
        last = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${settings.timeoutMs / 1000} s (timeout)` : `network error: ${(e as Error).message}`;
      }
      const wait = Math.min(MAX_BACKOFF_MS, Math.max(res ? (retryAfterMs(res.headers) ?? 0) : 0, BASE_BACKOFF_MS * 2 ** attempt));
      const left = deadline - Date.now();
      if (left <= 0 || wait > left) {
        throw new HubHttpError('unavailable', res?.status ?? null, url, `${last}; gave up after ${attempt + 1} attempt(s) within the retry budget of ${settings.retryBudgetMs / 1000} s (OML_HUB_RETRY_BUDGET)`);
      }
      await sleep(wait);
    }
  };
  return f as typeof fetch;
}
