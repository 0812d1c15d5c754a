/**
 * Shared settings of the fuzz suite (fast-check).
 *
 * CI: fixed seed, small run counts (whole suite well under a minute).
 * Longer campaign: `FUZZ_RUNS=5000 npx vitest run test/fuzz` (optionally
 * FUZZ_SEED=<n> for another seed). A failure prints the seed and the shrunk
 * counterexample; re-run with the same FUZZ_SEED to reproduce it.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { OmlError } from '../../src/errors.js';
import { cpuTimed } from '../cpu-time.js';

export const SEED = Number(process.env.FUZZ_SEED ?? 20260501);
const RUNS = Number(process.env.FUZZ_RUNS ?? 0);

/** fast-check parameters: `ciRuns` in CI, FUZZ_RUNS when set. */
export function params(ciRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: RUNS > 0 ? RUNS : ciRuns, verbose: 1 };
}

/** Per-call hang guard (ms). Generous: a real hang or quadratic blow-up exceeds it by far. */
export const HANG_MS = 2000;

/** Larger test timeout for a property when FUZZ_RUNS asks for a long campaign. */
export const timeout = (ciMs: number): number => (RUNS > 0 ? Math.max(ciMs, RUNS * 50) : ciMs);

/** CPU time of one synchronous call, in ms, and its outcome (CPU, not wall: load from other processes does not count; test/cpu-time.ts). */
export const timed = cpuTimed;

/**
 * Runs `fn` on one input: it must finish within `hangMs` and either return or
 * throw an OmlError whose code is one of `codes` and whose message names `file`.
 * Any other exception fails the property (and is shrunk by fast-check).
 */
export function guarded<T>(fn: () => T, file: string, codes: readonly string[], hangMs = HANG_MS): T | undefined {
  const r = timed(fn);
  expect(r.ms, `took ${r.ms.toFixed(0)} ms`).toBeLessThan(hangMs);
  if (r.error === undefined) return r.value;
  if (!(r.error instanceof OmlError)) throw r.error;
  expect(codes).toContain(r.error.code);
  expect(r.error.message).toContain(file);
  return undefined;
}

/** Every number in a value (deep), for "numeric values are finite" checks. */
export function numbersIn(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (Array.isArray(v)) for (const x of v) numbersIn(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) numbersIn(x, out);
  return out;
}

/** Unicode text that leans on characters parsers care about. */
export const SYNTAX = [
  '\n', '\n\n', ' ', '\t', '#', '##', '>', '-', '*', '**', '_', '`', '```', '~~~', '[', ']', '(', ')', '|', '\\', '<', '>', '!', '---',
  '1.', '1)', '&', '&amp;', '<!--', '-->', '<div>', 'http://x.y/', '\r', '\r\n', '\u00a0', '\u2028', '\ufeff', '\u200b', '\ud83d\ude00',
  '\ud800', 'é', '中文', 'ℳ', '\u0000', ':', 'license: mit', '1,000,000', '$', '€',
] as const;

export const syntaxText = (maxLength = 80): fc.Arbitrary<string> =>
  fc.array(fc.oneof(fc.constantFrom(...SYNTAX), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength })
    .map((parts) => parts.join(''));
