/**
 * The one list of message codes (data/messages.yaml): every input error,
 * warning and conflict oml emits, with its kind, severity, the stage that emits
 * it, a one-line description and where it is documented. A base module: read
 * once, validated with zod; bad data is OmlError('CATALOG') naming the file.
 *
 * The TypeScript union of the codes (src/message-codes.ts) is generated from
 * the same file by npm run generate, so a code that is not listed fails
 * tsc; test/structure/messages.test.ts keeps the two in step.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';
import { loadDataFile } from './data-table.js';
import { MESSAGE_CODES, type MessageCode } from './message-codes.js';

export { CONFLICT_CODES, ERROR_CODES, MESSAGE_CODES, WARNING_CODES } from './message-codes.js';
export type { ConflictCode, ErrorCode, MessageCode, WarningCode } from './message-codes.js';

export const MESSAGE_KINDS = ['error', 'warning', 'conflict'] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;
/** Pipeline stages, as the folders of src/ that emit messages. */
export const STAGES = ['read', 'parse', 'catalog', 'identify', 'extract', 'assess', 'analyze', 'hub', 'lock', 'stream', 'policy', 'report', 'survey', 'cli'] as const;

export const MessageEntrySchema = lazySchema(() => z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, 'UPPER_SNAKE_CASE'),
  kind: z.enum(MESSAGE_KINDS),
  severity: z.enum(SEVERITIES),
  stage: z.enum(STAGES),
  description: z.string().min(10).max(160).refine((s) => !s.includes('\n'), 'one line'),
  /** <file>#<anchor>: README.md or docs/*.md and a heading anchor there. */
  docs: z.string().regex(/^(?:README\.md|docs\/[a-z0-9-]{1,40}\.md)#[a-z0-9-]{1,120}$/, '<README.md|docs/x.md>#<anchor>'),
}).strict().superRefine((m, ctx) => {
  if (m.kind === 'error' && m.severity !== 'error') ctx.addIssue({ code: 'custom', path: ['severity'], message: 'an error has severity error' });
}));
export type MessageEntry = Omit<z.infer<typeof MessageEntrySchema>, 'code'> & { code: MessageCode };

/** The list's shape (what the generator checks before it writes the codes). */
export const MessageListSchema = lazySchema(() => z.array(MessageEntrySchema).min(1).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((m, i) => {
    if (seen.has(m.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `duplicate code ${m.code}` });
    seen.add(m.code);
  });
}));

const known: ReadonlySet<string> = new Set(MESSAGE_CODES);
const LoadedSchema = lazySchema(() => MessageListSchema.superRefine((list, ctx) => {
  list.forEach((m, i) => {
    if (!known.has(m.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `${m.code} is not in src/message-codes.ts: run npm run generate` });
  });
}));

/** Every message, in the list's order. */
export function messageList(): MessageEntry[] {
  return loadDataFile('messages.yaml', LoadedSchema as unknown as z.ZodType<MessageEntry[]>);
}
