/**
 * Renders what is generated from data/messages.yaml: the TypeScript union of
 * the codes (src/message-codes.ts) and the README message table. Used by
 * scripts/generate/messages.ts (npm run generate) and by the tests that check both are current.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { MessageListSchema } from '../src/messages.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const YAML_FILE = 'data/messages.yaml';
export const CODES_FILE = 'src/message-codes.ts';

type Entry = { code: string; kind: 'error' | 'warning' | 'conflict'; severity: string; stage: string; description: string; docs: string };

/** The list, validated for shape only (its codes may be new: this is what generates them). */
export function readMessages(root = ROOT): Entry[] {
  const file = path.join(root, YAML_FILE);
  const r = MessageListSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`${YAML_FILE}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  return r.data;
}

const tuple = (codes: string[]) => (codes.length ? `[\n${codes.map((c) => `  '${c}',`).join('\n')}\n] as const` : '[] as const');

/** src/message-codes.ts. */
export function renderCodesModule(list: Entry[]): string {
  const of = (kind: Entry['kind']) => list.filter((m) => m.kind === kind).map((m) => m.code);
  return [
    `// Generated from ${YAML_FILE} by npm run generate (scripts/generate/messages.ts): do not edit.`,
    '',
    '/** Every message code, in the order of the list. */',
    `export const MESSAGE_CODES = ${tuple(list.map((m) => m.code))};`,
    'export type MessageCode = (typeof MESSAGE_CODES)[number];',
    '',
    '/** Input errors (OmlError codes). */',
    `export const ERROR_CODES = ${tuple(of('error'))};`,
    'export type ErrorCode = (typeof ERROR_CODES)[number];',
    '',
    '/** Codes of warnings proper (a warning may also carry an error code: a file of a folder that could not be read). */',
    `export const WARNING_CODES = ${tuple(of('warning'))};`,
    'export type WarningCode = (typeof WARNING_CODES)[number];',
    '',
    '/** Conflict codes. */',
    `export const CONFLICT_CODES = ${tuple(of('conflict'))};`,
    'export type ConflictCode = (typeof CONFLICT_CODES)[number];',
    '',
  ].join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
export const slug = (heading: string): string => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');

/** Anchor -> heading text (markup dropped) of a markdown file of the repository. */
export function headingsOf(file: string, root = ROOT): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(path.join(root, file), 'utf8').split('\n')) {
    const m = /^#{1,6} (.{1,200})$/.exec(line);
    if (m && !out.has(slug(m[1]!))) out.set(slug(m[1]!), m[1]!.replace(/`/g, '').trim());
  }
  return out;
}

/** A docs reference as a link from README.md, named by the heading it points at. */
function link(docs: string, root: string): string {
  const [file, anchor] = docs.split('#') as [string, string];
  let name = anchor;
  try { name = headingsOf(file, root).get(anchor) ?? anchor; } catch { /* a missing file: the messages test names it */ }
  return `[${cell(name)}](${file === 'README.md' ? '' : file}#${anchor})`;
}

/** The README message table (between the generated:messages markers). */
export function renderMessageTable(list: Entry[], root = ROOT): string {
  return [
    '| code | kind | severity | stage | meaning | see |',
    '| --- | --- | --- | --- | --- | --- |',
    ...list.map((m) => `| \`${m.code}\` | ${m.kind} | ${m.severity} | ${m.stage} | ${cell(m.description)} | ${link(m.docs, root)} |`),
  ].join('\n');
}
