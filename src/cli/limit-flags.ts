import type { Limits } from '../limits.js';

/** Command-line flags that override a limit (both commands accept them). */
export const LIMIT_FLAGS = {
  'max-file-size': 'maxFileBytes',
  'max-total-size': 'maxTotalBytes',
} as const satisfies Record<string, keyof Limits>;

export type LimitFlag = keyof typeof LIMIT_FLAGS;

/** parseArgs option declarations for the limit flags. */
export const LIMIT_OPTIONS = {
  'max-file-size': { type: 'string' },
  'max-total-size': { type: 'string' },
} as const;

/** Limits from flag values, or an error message naming the bad flag. */
export function limitsFromFlags(values: Partial<Record<LimitFlag, string>>): { limits: Partial<Limits> } | { error: string } {
  const limits: Partial<Limits> = {};
  for (const [flag, key] of Object.entries(LIMIT_FLAGS) as Array<[LimitFlag, keyof Limits]>) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n <= 0) {
      return { error: `--${flag} must be a positive integer number of bytes, got '${raw}'` };
    }
    limits[key] = n;
  }
  return { limits };
}
