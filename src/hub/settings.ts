/**
 * How oml talks to the Hub, from the environment as the Python client reads it
 * (HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE) plus oml's own cache settings.
 */
import { join } from 'node:path';
import envPaths from 'env-paths';

export interface HubSettings {
  /** Hub URL without a trailing slash (HF_ENDPOINT, default https://huggingface.co). */
  endpoint: string;
  /** Access token (HF_TOKEN, or the older HUGGING_FACE_HUB_TOKEN), never printed. */
  token?: string;
  /** No network: every model must come from the cache (--offline or HF_HUB_OFFLINE=1). */
  offline: boolean;
  /** Cache directory (--cache-dir, OML_CACHE_DIR, else the platform cache directory). */
  cacheDir: string;
  /** How long a branch or tag name (e.g. main) is trusted to point at the cached sha, in ms (OML_HUB_REF_TTL seconds; default one day). */
  refTtlMs: number;
  /** Per-request timeout in ms (OML_HUB_TIMEOUT seconds; default 20). */
  timeoutMs: number;
  /** Total time spent retrying 429/5xx/timeouts for one model, in ms (OML_HUB_RETRY_BUDGET seconds; default 60). */
  retryBudgetMs: number;
  /** Deepest base_model chain followed through the Hub. */
  maxLineageDepth: number;
  /** Most base models resolved through the Hub for one model (a merge of merges is bounded). */
  maxLineageModels: number;
}

export const DEFAULT_ENDPOINT = 'https://huggingface.co';
const TRUE = new Set(['1', 'true', 'yes', 'on']);

function seconds(v: string | undefined, dflt: number, name: string): number {
  if (v === undefined || v.trim() === '') return dflt * 1000;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 86400 * 365) throw new Error(`${name}: expected a number of seconds, got '${v.slice(0, 40)}'`);
  return n * 1000;
}

/** The default cache directory: <platform cache dir>/oml/hub. */
export function defaultCacheDir(): string {
  return join(envPaths('oml', { suffix: '' }).cache, 'hub');
}

export interface SettingsOverrides {
  offline?: boolean;
  cacheDir?: string;
  endpoint?: string;
  token?: string;
}

/** Settings from `env` (process.env by default) and CLI overrides. Throws Error with a message naming the variable on a bad value. */
export function hubSettings(over: SettingsOverrides = {}, env: NodeJS.ProcessEnv = process.env): HubSettings {
  const endpoint = (over.endpoint ?? env.HF_ENDPOINT ?? DEFAULT_ENDPOINT).trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`HF_ENDPOINT: not a URL: '${endpoint.slice(0, 200)}'`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`HF_ENDPOINT: expected an http(s) URL, got '${url.protocol}'`);
  const token = over.token ?? env.HF_TOKEN ?? env.HUGGING_FACE_HUB_TOKEN;
  return {
    endpoint,
    token: token && token.trim() ? token.trim() : undefined,
    offline: over.offline ?? TRUE.has((env.HF_HUB_OFFLINE ?? '').trim().toLowerCase()),
    cacheDir: over.cacheDir ?? (env.OML_CACHE_DIR?.trim() || defaultCacheDir()),
    refTtlMs: seconds(env.OML_HUB_REF_TTL, 86400, 'OML_HUB_REF_TTL'),
    timeoutMs: seconds(env.OML_HUB_TIMEOUT, 20, 'OML_HUB_TIMEOUT'),
    retryBudgetMs: seconds(env.OML_HUB_RETRY_BUDGET, 60, 'OML_HUB_RETRY_BUDGET'),
    maxLineageDepth: 4,
    maxLineageModels: 32,
  };
}
