/**
 * A small Hub replay server for tests (127.0.0.1, random port). It answers in
 * the shapes the Hub documents: model info JSON at /api/models/ORG/NAME/revision/REV,
 * files at /ORG/NAME/resolve/REV/PATH (a Range request gets 206 with Content-Range,
 * as the Hub answers), X-Error-Code headers for gated and missing repos, revisions
 * and files, 429 with RateLimit headers, 500s, a slow answer, malformed JSON and a
 * redirect of a renamed repository. It logs every request and stops itself.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'rate-limit-once' | 'rate-limit-always' | 'error-500-always' | 'error-500-once' | 'slow' | 'malformed-json';

export interface ReplayModel {
  repo: string;
  /** Files at the repository root (README.md with front matter is the card). */
  files: Record<string, string>;
  /** Card metadata the API returns as cardData (the Hub parses the README front matter). */
  cardData?: Record<string, unknown>;
  /** 'manual' | 'auto': info is public, files need a token that accepted the terms. */
  gated?: false | 'manual' | 'auto';
  fault?: Fault;
  /** Branches/tags besides main (all point at the current sha). */
  revisions?: string[];
}

export interface LoggedRequest { method: string; url: string; auth: boolean }

export interface ReplayServer {
  url: string;
  log: LoggedRequest[];
  models: Map<string, ReplayModel>;
  /** Renamed repositories: old org/name -> new org/name (answered with a 307). */
  redirects: Map<string, string>;
  /** Token that has accepted the terms of gated models. */
  acceptedToken: string;
  close(): Promise<void>;
}

/** The commit sha of a model: a hash of its files (a changed file is a new commit). */
export function commitOf(m: ReplayModel): string {
  const h = createHash('sha1');
  for (const k of Object.keys(m.files).sort()) h.update(`${k}\0${m.files[k]}\0`);
  return h.digest('hex');
}

const key = (repo: string) => repo.toLowerCase();

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

function error(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, JSON.stringify({ error: message }), { 'Content-Type': 'application/json', 'X-Error-Code': code, 'X-Error-Message': message });
}

/** Start the server. It closes itself after `lifetimeMs` (default 60 s) so a failed test never leaves it running. */
export async function startReplayServer(models: ReplayModel[], opts: { lifetimeMs?: number; slowMs?: number } = {}): Promise<ReplayServer> {
  const state = {
    models: new Map(models.map((m) => [key(m.repo), m])),
    redirects: new Map<string, string>(),
    log: [] as LoggedRequest[],
    faultsSeen: new Map<string, number>(),
  };
  const acceptedToken = 'hf_test_accepted';

  const faulted = (m: ReplayModel, res: ServerResponse): boolean => {
    const n = (state.faultsSeen.get(m.repo) ?? 0) + 1;
    state.faultsSeen.set(m.repo, n);
    switch (m.fault) {
      case 'rate-limit-always':
      case 'rate-limit-once':
        if (m.fault === 'rate-limit-once' && n > 1) return false;
        send(res, 429, JSON.stringify({ error: 'rate limited' }), { RateLimit: '"api";r=0;t=0', 'RateLimit-Policy': '"fixed window";"api";q=500;w=300' });
        return true;
      case 'error-500-always':
      case 'error-500-once':
        if (m.fault === 'error-500-once' && n > 1) return false;
        send(res, 500, 'Internal Error');
        return true;
      default:
        return false;
    }
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    state.log.push({ method: req.method ?? 'GET', url: url.pathname, auth: !!req.headers.authorization });
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    // /api/models/ORG/NAME/revision/REV
    if (parts[0] === 'api' && parts[1] === 'models' && parts[4] === 'revision' && parts.length === 6) {
      const repo = `${parts[2]}/${parts[3]}`;
      const moved = state.redirects.get(key(repo));
      if (moved) {
        res.writeHead(307, { Location: `/api/models/${moved}/revision/${encodeURIComponent(parts[5]!)}${url.search}` });
        res.end();
        return;
      }
      const m = state.models.get(key(repo));
      if (!m) return error(res, 401, 'RepoNotFound', 'Repository not found');
      if (faulted(m, res)) return;
      const sha = commitOf(m);
      const rev = parts[5]!;
      if (rev !== 'main' && rev !== 'HEAD' && rev !== sha && !(m.revisions ?? []).includes(rev)) return error(res, 404, 'RevisionNotFound', 'Invalid rev id');
      if (m.fault === 'slow') {
        setTimeout(() => { if (!res.destroyed) send(res, 200, '{}', { 'Content-Type': 'application/json' }); }, opts.slowMs ?? 3000).unref();
        return;
      }
      if (m.fault === 'malformed-json') return send(res, 200, '{"_id": "x", "id": ', { 'Content-Type': 'application/json' });
      const body = {
        _id: sha.slice(0, 24), id: m.repo, sha, private: false, gated: m.gated ?? false, disabled: false, downloads: 0, likes: 0,
        lastModified: '2026-01-01T00:00:00.000Z', tags: [], cardData: m.cardData ?? {}, siblings: Object.keys(m.files).map((f) => ({ rfilename: f })),
      };
      return send(res, 200, JSON.stringify(body), { 'Content-Type': 'application/json' });
    }
    // /ORG/NAME/resolve/REV/PATH
    if (parts[2] === 'resolve' && parts.length >= 5) {
      const repo = `${parts[0]}/${parts[1]}`;
      const moved = state.redirects.get(key(repo));
      if (moved) {
        res.writeHead(307, { Location: `/${moved}/${parts.slice(2).map(encodeURIComponent).join('/')}` });
        res.end();
        return;
      }
      const m = state.models.get(key(repo));
      if (!m) return error(res, 401, 'RepoNotFound', 'Repository not found');
      if (faulted(m, res)) return;
      if (m.gated && req.headers.authorization !== `Bearer ${acceptedToken}`) {
        return error(res, req.headers.authorization ? 403 : 401, 'GatedRepo', `Access to model ${m.repo} is restricted. You must have access to it and be authenticated to access it. Please log in.`);
      }
      const rev = parts[3]!;
      if (rev !== commitOf(m) && rev !== 'main') return error(res, 404, 'RevisionNotFound', 'Invalid rev id');
      const path = parts.slice(4).join('/');
      const text = m.files[path];
      if (text === undefined) return error(res, 404, 'EntryNotFound', 'Entry not found');
      const buf = Buffer.from(text, 'utf8');
      const etag = `"${createHash('sha1').update(buf).digest('hex')}"`;
      const common = { ETag: etag, 'X-Repo-Commit': commitOf(m), 'Content-Type': 'text/plain; charset=utf-8', 'Accept-Ranges': 'bytes' };
      const range = /^bytes=(\d{1,12})-(\d{0,12})$/.exec(req.headers.range ?? '');
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(range[2] ? Number(range[2]) : buf.length - 1, buf.length - 1);
        return send(res, 206, buf.subarray(start, end + 1), { ...common, 'Content-Range': `bytes ${start}-${end}/${buf.length}` });
      }
      return send(res, 200, buf, common);
    }
    error(res, 404, 'NotFound', 'no such route');
  };

  const server: Server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const timer = setTimeout(() => server.close(), opts.lifetimeMs ?? 60_000);
  timer.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log: state.log,
    models: state.models,
    redirects: state.redirects,
    acceptedToken,
    close: () => new Promise<void>((r) => { clearTimeout(timer); server.closeAllConnections(); server.close(() => r()); }),
  };
}
