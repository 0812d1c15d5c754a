/**
 * `license_link` resolution by URL shape. A link and every catalog URL (the
 * entry's `url`, its `links`, and the links the Hub's license table gives for
 * an id) are reduced to one key, so the forms a repository file is served
 * under meet: Hugging Face `blob`/`raw`/`resolve`, GitHub `blob` and
 * raw.githubusercontent.com, on the default branch; http/https, `www.`, a
 * trailing slash, a query or a fragment.
 */
import { getCatalogEntry, listCatalog, type CatalogEntry } from '../catalog/index.js';
import { lookupSpdxId } from '../parse/spdx.js';
import { hubTable } from './card-names.js';

/** Revisions read as "the repository's current file". A pinned commit is kept in the key. */
const DEFAULT_REVS = new Set(['main', 'master', 'head']);
const MAX_URL = 2048;

export type LinkTarget = { catalog: CatalogEntry } | { spdx: string };

/** Canonical key of a URL (lower-cased host and repository; the file path keeps its case), or null for a non-http value. */
export function linkKey(raw: string): string | null {
  const t = raw.trim();
  if (t.length === 0 || t.length > MAX_URL) return null;
  let u: URL;
  try { u = new URL(t); } catch { return null; }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const parts = u.pathname.split('/').filter((p) => p.length > 0).map((p) => safeDecode(p));
  const rev = (r: string | undefined) => (r !== undefined && DEFAULT_REVS.has(r.toLowerCase()) ? 'HEAD' : r ?? '');
  if (host === 'huggingface.co' || host === 'hf.co') {
    // [spaces|datasets/]org/repo/(blob|raw|resolve)/rev/path...
    const lead = parts[0] === 'spaces' || parts[0] === 'datasets' ? 1 : 0;
    const repo = parts.slice(0, lead + 2).join('/').toLowerCase();
    const verb = parts[lead + 2];
    if (verb === 'blob' || verb === 'raw' || verb === 'resolve') {
      return `hf:${repo}@${rev(parts[lead + 3])}/${parts.slice(lead + 4).join('/')}`;
    }
    return `hf:${[repo, ...parts.slice(lead + 2)].join('/')}`;
  }
  if (host === 'github.com' && (parts[2] === 'blob' || parts[2] === 'raw')) {
    return `gh:${parts.slice(0, 2).join('/').toLowerCase()}@${rev(parts[3])}/${parts.slice(4).join('/')}`;
  }
  if (host === 'raw.githubusercontent.com') {
    return `gh:${parts.slice(0, 2).join('/').toLowerCase()}@${rev(parts[2])}/${parts.slice(3).join('/')}`;
  }
  return `${host}/${parts.join('/')}`.toLowerCase();
}

function safeDecode(p: string): string {
  try { return decodeURIComponent(p); } catch { return p; }
}

let byKey: Map<string, LinkTarget[]> | null = null;
/** The target the Hub's license table gives for a link: it settles a URL that several catalog entries share. */
let hubPreferred: Map<string, LinkTarget> | null = null;

function push(map: Map<string, LinkTarget[]>, url: string, t: LinkTarget): void {
  const k = linkKey(url);
  if (!k) return;
  const list = map.get(k) ?? [];
  const same = (a: LinkTarget) => ('catalog' in a && 'catalog' in t && a.catalog === t.catalog) || ('spdx' in a && 'spdx' in t && a.spdx === t.spdx);
  if (!list.some(same)) list.push(t);
  map.set(k, list);
}

function index(): Map<string, LinkTarget[]> {
  if (byKey) return byKey;
  const map = new Map<string, LinkTarget[]>();
  const preferred = new Map<string, LinkTarget>();
  for (const e of listCatalog()) for (const u of [e.url, ...e.links]) push(map, u, { catalog: e });
  for (const h of hubTable().data.licenses) {
    const k = h.link ? linkKey(h.link) : null;
    if (!h.link || !k) continue;
    const e = h.catalog ? getCatalogEntry(h.catalog) : undefined;
    const t: LinkTarget | null = e ? { catalog: e } : h.spdx && lookupSpdxId(h.spdx) ? { spdx: h.spdx } : null;
    if (!t) continue;
    push(map, h.link, t);
    preferred.set(k, t);
  }
  hubPreferred = preferred;
  return (byKey = map);
}

export type LinkResolution =
  | { kind: 'found'; target: LinkTarget }
  | { kind: 'ambiguous'; targets: LinkTarget[] }
  | { kind: 'relative' }
  | { kind: 'none' };

/** What a `license_link` points at. A relative path (`LICENSE`) is a file of the model repository: `relative`. */
export function resolveLink(link: string): LinkResolution {
  const k = linkKey(link);
  if (!k) return /^[\w./ -]{1,256}$/.test(link.trim()) && !link.includes('://') ? { kind: 'relative' } : { kind: 'none' };
  const hits = index().get(k) ?? [];
  // a document's landing page is served under several entries (Gemma terms by date): prefer licenses, one left wins
  const licenses = hits.filter((h) => !('catalog' in h) || h.catalog.kind === 'license');
  if (licenses.length === 1) return { kind: 'found', target: licenses[0]! };
  const pick = licenses.length > 1 ? hubPreferred?.get(k) : undefined;
  if (pick) return { kind: 'found', target: pick };
  if (licenses.length > 1) return { kind: 'ambiguous', targets: licenses };
  return { kind: 'none' };
}

export const targetId = (t: LinkTarget): string => ('catalog' in t ? t.catalog.id : t.spdx);
