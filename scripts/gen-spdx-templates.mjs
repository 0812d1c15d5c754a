#!/usr/bin/env -S npx vite-node --script
// Run: npx vite-node --script scripts/gen-spdx-templates.mjs (imports the TypeScript tokenizer from src/).
// Compiles the SPDX license-list XML templates (../shared/spdx/src/*.xml) into the
// matcher's token programs: licenses/spdx/templates.json (index) and
// licenses/spdx/templates.bin (little-endian uint32 stream). The output holds word
// hashes and markup opcodes only, never license text, so it may be committed; the
// XML is not. Markup: <optional> and <titleText>/<copyrightText> may be absent,
// <alt match=RE> becomes the finite set of texts RE stands for (or a bounded
// wildcard), <bullet> is dropped (the tokenizer drops list markers too), copyright
// notices and "All rights reserved" inside the body are optional.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { parse as parseYaml } from 'yaml';
import { lineToTokens, unifyPhrases } from '../src/identify/words.ts';
import { fnv1a32 } from '../src/identify/fingerprint.ts';
import { expandRegex, UNBOUNDED } from './spdx-regex.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SPDX_XML_DIR = path.resolve(root, '..', 'shared', 'spdx', 'src');

/** Opcodes (values below OP_LIMIT); a word hash below OP_LIMIT is written as ESC, hash. */
export const OP = { ESC: 0, OPT_BEGIN: 1, OPT_END: 2, ALT_BEGIN: 3, ALT_SEP: 4, ALT_END: 5, WILD: 6, LINE_OPT: 7 };
const OP_LIMIT = 8;
/** Most tokens a wildcard stands for (an unbounded ".+" holder name, a date, ...). */
const WILD_MAX_TOKENS = 24;

/** Title lines of the license being compiled (reset per file). */
const TITLE_LINES = new Set();
const SKIP = new Set(['crossRefs', 'crossRef', 'notes', 'bullet', 'obsoletedBys', 'obsoletedBy']);
const OPTIONAL = new Set(['optional', 'titleText', 'copyrightText']);

/** @typedef {number | { o: Node[] } | { a: Node[][] } | { w: number, k?: number[] }} Node */

function wordsOf(text) {
  const words = [];
  const starts = [];
  const ends = [];
  // one line per text node: an XML line break is no line of the license (a "section\n4." in the XML keeps its 4)
  lineToTokens(text.replace(/\s+/g, ' '), 0, words, starts, ends);
  unifyPhrases(words, starts, ends, null);
  return words.map((w) => { const h = fnv1a32(w); DICT.set(h, w); return h; });
}

const H_COPYRIGHT = fnv1a32('copyright');
const H_C = fnv1a32('c');
const RESERVED = ['all', 'rights', 'reserved'].map((w) => fnv1a32(w));
const YEARS = new Set(Array.from({ length: 80 }, (_, i) => fnv1a32(String(1950 + i))));

/** Copyright notices ("Copyright (c) 2007 ...") to the end of their paragraph, and "All rights reserved", become optional. */
function noticesOptional(seq) {
  const out = [];
  for (let i = 0; i < seq.length; i++) {
    const x = seq[i];
    const next = seq[i + 1];
    if (x === H_COPYRIGHT && (next === H_C || YEARS.has(next) || typeof next === 'object' || /^(?:19|20)\d\d/.test(DICT.get(next) ?? ''))) {
      // each word of the notice may be missing (a text that keeps only the notice's URL still matches)
      out.push({ o: seq.slice(i).map((x) => ({ o: [x] })) });
      return out;
    }
    if (x === RESERVED[0] && seq[i + 1] === RESERVED[1] && seq[i + 2] === RESERVED[2]) {
      out.push({ o: RESERVED.slice() });
      i += 2;
      continue;
    }
    out.push(x);
  }
  return out;
}

function textOf(node) {
  return node.textContent ?? '';
}

/** Token sequence of one expansion of an alt's regex. */
function expansionNodes(exp) {
  const out = [];
  let text = '';
  const flush = () => { if (text) out.push(...wordsOf(text)); text = ''; };
  for (const seg of exp) {
    if ('text' in seg) { text += seg.text; continue; }
    flush();
    const n = seg.wild === UNBOUNDED ? WILD_MAX_TOKENS : Math.min(WILD_MAX_TOKENS, Math.ceil(seg.wild / 2) + 1);
    const last = out[out.length - 1];
    if (last && typeof last === 'object' && 'w' in last) last.w = Math.min(WILD_MAX_TOKENS, last.w + n);
    else out.push({ w: n });
  }
  flush();
  return out;
}

function altNode(el) {
  const own = compileChildren(el);
  const exps = expandRegex(el.getAttribute('match') ?? '');
  const branches = own.length ? [own] : [];
  if (exps) for (const e of exps) branches.push(expansionNodes(e));
  else branches.push([{ w: WILD_MAX_TOKENS }]);
  // a wildcard remembers the alt's own words: only words beyond them count as added text
  const ownWords = [...new Set(flatWords(own))];
  for (const b of branches) for (const x of b) if (typeof x === 'object' && 'w' in x) x.k = ownWords;
  const seen = new Set();
  const uniq = branches.filter((b) => { const k = JSON.stringify(b); if (seen.has(k)) return false; seen.add(k); return true; });
  if (uniq.length === 1) return uniq[0];
  return [{ a: uniq }];
}

function flatWords(nodes) {
  const out = [];
  for (const n of nodes) {
    if (typeof n === 'number') out.push(n);
    else if ('o' in n) out.push(...flatWords(n.o));
    else if ('a' in n) for (const b of n.a) out.push(...flatWords(b));
  }
  return out;
}

function compileChildren(el) {
  const out = [];
  for (let c = el.firstChild; c; c = c.nextSibling) out.push(...compileNode(c));
  return out;
}

/** @returns {Node[]} */
function compileNode(node) {
  if (node.nodeType === 3 || node.nodeType === 4) {
    if (!HEADER_MODE) return wordsOf(node.nodeValue ?? '');
    // a header keeps its XML line breaks (NL) until headerNotices has read them
    return (node.nodeValue ?? '').split('\n').flatMap((l, i) => (i ? [NL, ...wordsOf(l)] : wordsOf(l)));
  }
  if (node.nodeType !== 1) return [];
  const name = node.localName;
  if (SKIP.has(name)) return [];
  if (name === 'alt') return altNode(node);
  const inner = compileChildren(node);
  if (OPTIONAL.has(name)) {
    if (name === 'titleText') for (const p of node.getElementsByTagName('p')) TITLE_LINES.add(JSON.stringify(compileChildren(p)));
    return inner.length ? [{ o: inner }] : [];
  }
  // a paragraph that restates a title line ("GNU LESSER GENERAL PUBLIC LICENSE" before the terms) may be left out
  if (name === 'p' && inner.length && TITLE_LINES.has(JSON.stringify(inner))) return [{ o: inner }];
  if (name === 'p' || name === 'item') return HEADER_MODE ? [NL, ...inner, NL] : noticesOptional(inner);
  if (name === 'br') return HEADER_MODE ? [NL] : inner;
  return inner;
}

/** Words a license text may lack or split without a change in meaning, for the tokenizer's sake. */
const SCHEMES = new Set(['http', 'https', 'ftp'].map((w) => fnv1a32(w)));
const DICT = new Map();

/**
 * Word-level leniency, mirroring what the input tokenizer drops: an enumerator-like
 * word ("7", "1.2", "iv", "a") may be missing (a wrapped "section\n7." reads as a list
 * marker), a URL scheme word may be missing, and "word.Word" may be two words.
 */
function relax(nodes) {
  const out = [];
  for (const n of nodes) {
    if (typeof n === 'number') {
      const w = DICT.get(n);
      if (SCHEMES.has(n) || (w !== undefined && LETTER_ENUMERATOR.test(w))) out.push({ o: [n] });
      // a number ("7", "1.2") may be missing only where the text breaks a line: a wrapped
      // "section\n7." reads as a list marker; anywhere else a changed number is a change
      else if (w !== undefined && NUMBER_ENUMERATOR.test(w)) out.push({ l: n });
      else if (w !== undefined && DOTTED.test(w)) out.push({ a: [[n], w.split('.').map((x) => fnv1a32(x))] });
      else out.push(n);
    } else if ('o' in n) out.push({ o: relax(n.o) });
    else if ('a' in n) out.push({ a: n.a.map(relax) });
    else out.push(n);
  }
  return out;
}
const LETTER_ENUMERATOR = /^(?:[a-z]|[ivxl]{1,6})$/;
const NUMBER_ENUMERATOR = /^\d{1,3}(?:\.\d{1,3}){0,3}$/;
const DOTTED = /^[a-z]{1,40}(?:\.[a-z]{1,40}){1,4}$/;

function encode(nodes, out) {
  for (const n of nodes) {
    if (typeof n === 'number') {
      if (n < OP_LIMIT) out.push(OP.ESC);
      out.push(n);
    } else if ('l' in n) {
      out.push(OP.LINE_OPT, n.l);
    } else if ('o' in n) {
      out.push(OP.OPT_BEGIN); encode(n.o, out); out.push(OP.OPT_END);
    } else if ('a' in n) {
      out.push(OP.ALT_BEGIN);
      n.a.forEach((b, i) => { if (i) out.push(OP.ALT_SEP); encode(b, out); });
      out.push(OP.ALT_END);
    } else {
      const own = n.k ?? [];
      out.push(OP.WILD, n.w, own.length, ...own);
    }
  }
}

/**
 * The plain text of every license in the XML (its own wording, optional parts
 * included, bullets kept out), by id: used to fingerprint licenses that the
 * spdx-license-list package does not carry yet.
 */
export function spdxXmlTexts(dir = SPDX_XML_DIR) {
  const out = new Map();
  for (const lic of licensesIn(dir)) {
    const text = lic.getElementsByTagName('text')[0];
    if (!text) continue;
    out.set(lic.getAttribute('licenseId'), { name: lic.getAttribute('name'), osi: lic.getAttribute('isOsiApproved') === 'true', text: plainText(text) });
  }
  return out;
}

/** While a header is compiled: text nodes and paragraphs leave line marks (NL). */
let HEADER_MODE = false;
const NL = { nl: true };
/** Most words a header's copyright notice (year and holder) may take. */
const NOTICE_MAX_TOKENS = 24;

/**
 * A header's nodes. Its copyright line ("Copyright [yyyy] [name of copyright
 * owner]", "Copyright (C) yyyy name of author", placeholders marked up or not)
 * is optional and stands for any notice: "copyright" and a bounded wildcard,
 * up to the end of its first placeholder or of its line.
 */
function headerNodes(el) {
  HEADER_MODE = true;
  let nodes;
  try { nodes = compileChildren(el); } finally { HEADER_MODE = false; }
  const out = [];
  for (let i = 0; i < nodes.length; i++) {
    const x = nodes[i];
    if (x === NL) continue;
    if (x !== H_COPYRIGHT) { out.push(stripNl(x)); continue; }
    let j = i + 1;
    while (j < nodes.length && nodes[j] !== NL && !(typeof nodes[j] === 'object' && ('a' in nodes[j] || 'w' in nodes[j]))) j++;
    if (j < nodes.length && nodes[j] !== NL) j++; // the placeholder itself
    out.push({ o: [H_COPYRIGHT, { w: NOTICE_MAX_TOKENS, k: [] }] });
    i = j - 1;
  }
  return out;
}

function stripNl(x) {
  if (typeof x !== 'object') return x;
  if ('o' in x) return { o: x.o.filter((y) => y !== NL).map(stripNl) };
  if ('a' in x) return { a: x.a.map((b) => b.filter((y) => y !== NL).map(stripNl)) };
  return x;
}

/** The plain text of every license's standard header in the XML, by id (for tests; never committed). */
export function spdxXmlHeaders(dir = SPDX_XML_DIR) {
  const out = new Map();
  for (const lic of licensesIn(dir)) {
    const header = lic.getElementsByTagName('standardLicenseHeader')[0];
    if (!header) continue;
    const text = plainText(header).replace(/[ \t]+/g, ' ').replace(/\n\s*\n\s*/g, '\n\n').trim();
    if (text) out.set(lic.getAttribute('licenseId'), text);
  }
  return out;
}

/** The <license> element of every license XML file in dir, in file-name order (deprecated ones only when asked). */
function* licensesIn(dir, withDeprecated = false) {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.xml')).sort()) {
    const doc = new DOMParser().parseFromString(readFileSync(path.join(dir, file), 'utf8'), 'text/xml');
    const lic = doc.getElementsByTagName('license')[0];
    if (lic && (withDeprecated || !isDeprecated(lic))) yield lic;
  }
}

/** Deprecated ids carry deprecatedVersion (older files: isDeprecated="true"). */
function isDeprecated(lic) {
  return lic.getAttribute('isDeprecated') === 'true' || lic.hasAttribute('deprecatedVersion');
}

function plainText(node) {
  if (node.nodeType === 3 || node.nodeType === 4) return node.nodeValue ?? '';
  if (node.nodeType !== 1 || SKIP.has(node.localName)) return '';
  let s = '';
  for (let c = node.firstChild; c; c = c.nextSibling) s += plainText(c);
  return ['p', 'item', 'titleText', 'copyrightText', 'list', 'br'].includes(node.localName) ? `\n\n${s}\n\n` : s;
}

/**
 * Compile every license template (exceptions are not licenses and are left out),
 * and every <standardLicenseHeader> into `headers` (same id, same opcodes).
 */
export function buildSpdxTemplates(dir = SPDX_XML_DIR) {
  const licenses = [];
  const headers = [];
  const stream = [];
  for (const lic of licensesIn(dir, true)) {
    const text = lic.getElementsByTagName('text')[0];
    if (!text) continue;
    TITLE_LINES.clear();
    // a leading "All rights reserved" (left over from a notice) is allowed before any template
    const nodes = [{ o: RESERVED.slice() }, ...relax(compileChildren(text))];
    const offset = stream.length;
    encode(nodes, stream);
    licenses.push({
      id: lic.getAttribute('licenseId'),
      name: lic.getAttribute('name'),
      deprecated: isDeprecated(lic),
      offset,
      count: stream.length - offset,
    });
    // the license's standard header (the notice a source file carries), compiled the same way
    const header = lic.getElementsByTagName('standardLicenseHeader')[0];
    if (header) {
      TITLE_LINES.clear();
      const hnodes = relax(headerNodes(header));
      const hoffset = stream.length;
      encode(hnodes, stream);
      if (stream.length > hoffset) {
        headers.push({ id: lic.getAttribute('licenseId'), name: lic.getAttribute('name'), deprecated: isDeprecated(lic), offset: hoffset, count: stream.length - hoffset });
      }
    }
  }
  const bin = Buffer.alloc(stream.length * 4);
  stream.forEach((v, i) => bin.writeUInt32LE(v >>> 0, i * 4));
  const eot = parseYaml(readFileSync(path.join(root, 'data', 'end-of-terms.yaml'), 'utf8'));
  const endOfTerms = { endPhrases: eot.endPhrases.map(wordsOf), startPhrases: eot.startPhrases.map(wordsOf) };
  return { index: { generatedBy: 'npm run generate (scripts/gen-spdx-templates.mjs)', source: xmlSource(dir), endOfTerms, licenses, headers }, bin };
}

/** The SPDX XML checkout's name and commit (from the README beside its src/ folder). */
export function xmlSource(dir = SPDX_XML_DIR) {
  const readme = readFileSync(path.join(dir, '..', 'README.md'), 'utf8');
  const commit = /commit ([0-9a-f]{40})/.exec(readme)?.[1] ?? 'unknown';
  return `spdx/license-list-XML@${commit}`;
}
