/**
 * The wording of the `oml check` text report: the `check:` section of
 * data/report-text.yaml (loaded and validated with the rest of that file by
 * text-wording.ts). Every policy reason has plain words and a place in the
 * order that decides which reason leads.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { RULE_IDS, type RuleId } from '../policy/report-schema.js';
import { MATCHES, VERDICTS } from '../types.js';

const Template = (...placeholders: string[]) =>
  z.string().min(1).refine((s) => placeholders.every((p) => s.includes(`{${p}}`)), { message: `must contain ${placeholders.map((p) => `{${p}}`).join(', ')}` });

const byKeys = <T extends readonly [string, ...string[]]>(keys: T, value: z.ZodTypeAny) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<T[number], z.ZodTypeAny>).strict();

const Words = lazySchema(() => z.string().min(1));

export const CheckWordingSchema = lazySchema(() => z.object({
  noun: z.object({ one: Words, many: Words }).strict(),
  headline: z.object({ fail: Template('failed', 'models', 'noun', 'reasons'), pass: Template('count', 'noun', 'notes'), none: Words }).strict(),
  failing: Template('ids', 'why'),
  listed: z.number().int().min(1).max(20),
  more: Template('more'),
  here: Words,
  notes: z.object({ obligations: Template('count'), waived: Template('count'), warned: Template('count') }).strict(),
  root: Template('root'),
  policy: Template('allow', 'unknown', 'relaxed', 'config'),
  defaultPolicy: Words,
  note: Template('note'),
  profile: Template('parts'),
  profileParts: z.object({ users: Template('n'), dailyUsers: Template('n'), revenue: Template('amount', 'currency'), annualRevenue: Template('amount', 'currency'), territories: Template('list'), activities: Template('list'), empty: Words }).strict(),
  counts: Template('models', 'noun', 'failed', 'warned', 'waived', 'passed'),
  references: Template('count', 'unresolved'),
  warnings: Words,
  labels: z.object({ license: Words, tier: Words, verdict: Words, score: Template('score'), unknownLicense: Words, noVerdict: Words, referenced: Words }).strict(),
  matchNotes: z.partialRecord(z.enum(MATCHES), Words),
  status: byKeys(['fail', 'warn', 'waived', 'pass'] as const, Words),
  levels: byKeys(['error', 'waived', 'warning'] as const, Words),
  verdicts: byKeys(VERDICTS, Words),
  obligation: Template('action'),
  fix: Template('fix'),
  waiver: Template('reason', 'config'),
  waiverUntil: Template('expires'),
  reasons: byKeys(RULE_IDS, Words),
  // every rule exactly once: the order decides which reason leads
  order: z.array(z.enum(RULE_IDS)).refine((o) => o.length === RULE_IDS.length && new Set(o).size === o.length, { message: `must list each of ${RULE_IDS.join(', ')} once` }),
}).strict());

export interface CheckWording {
  noun: { one: string; many: string };
  headline: { fail: string; pass: string; none: string };
  failing: string;
  listed: number;
  more: string;
  here: string;
  notes: { obligations: string; waived: string; warned: string };
  root: string;
  policy: string;
  defaultPolicy: string;
  note: string;
  profile: string;
  profileParts: { users: string; dailyUsers: string; revenue: string; annualRevenue: string; territories: string; activities: string; empty: string };
  counts: string;
  references: string;
  warnings: string;
  labels: { license: string; tier: string; verdict: string; score: string; unknownLicense: string; noVerdict: string; referenced: string };
  matchNotes: Partial<Record<(typeof MATCHES)[number], string>>;
  status: Record<'fail' | 'warn' | 'waived' | 'pass', string>;
  levels: Record<'error' | 'waived' | 'warning', string>;
  verdicts: Record<(typeof VERDICTS)[number], string>;
  obligation: string;
  fix: string;
  waiver: string;
  waiverUntil: string;
  reasons: Record<RuleId, string>;
  order: RuleId[];
}
