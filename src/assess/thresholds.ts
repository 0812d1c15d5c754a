/**
 * Applies threshold terms to a profile: the profile's value for the metric
 * (with period and currency conversion), whether the threshold is crossed
 * (the comparator's boundary matters), and the headroom in words.
 */
import { z } from 'zod';
import type { AppliedThresholdSchema, Profile, Term } from '../types.js';
import { compact, money } from './format.js';
import { convert } from './fx.js';

export type AppliedThreshold = z.infer<typeof AppliedThresholdSchema>;

export interface ThresholdResult {
  term: Term;
  applied: AppliedThreshold;
  /** Profile field(s) the threshold needed and the profile lacks. */
  missing?: string;
}

const USER_METRICS: Record<string, { field: 'monthlyActiveUsers' | 'dailyActiveUsers'; label: string }> = {
  'monthly-active-users': { field: 'monthlyActiveUsers', label: 'monthly active users' },
  'daily-active-users': { field: 'dailyActiveUsers', label: 'daily active users' },
};

const CMP_WORDS: Record<string, string> = {
  '>': "'more than' (>)", '>=': "'at least' (>=)", '<': "'less than' (<)", '<=': "'at most' (<=)",
};

export function compare(actual: number, comparator: string, limit: number): boolean {
  switch (comparator) {
    case '>=': return actual >= limit;
    case '<': return actual < limit;
    case '<=': return actual <= limit;
    default: return actual > limit;
  }
}

interface Actual { value: number | null; conversion?: string; missing?: string }

function revenueActual(t: Term, profile: Profile): Actual & { period: 'month' | 'year'; currency: string } {
  const notes: string[] = [];
  const period = t.period ?? 'year';
  if (!t.period) notes.push('the license states no period; compared with annual revenue');
  const currency = (t.currency ?? 'USD').toUpperCase();
  if (!t.currency) notes.push('the license states no currency; taken as USD');
  const m = profile.monthlyRevenue;
  const y = profile.annualRevenue;
  let amount: number;
  let from: string;
  if (period === 'month' && m) { amount = m.amount; from = m.currency; }
  else if (period === 'year' && y) { amount = y.amount; from = y.currency; }
  else if (period === 'month' && y) {
    amount = y.amount / 12; from = y.currency;
    notes.push(`annual revenue ${money(y.amount, y.currency.toUpperCase())} / 12 = ${money(amount, y.currency.toUpperCase())} per month`);
  } else if (period === 'year' && m) {
    amount = m.amount * 12; from = m.currency;
    notes.push(`monthly revenue ${money(m.amount, m.currency.toUpperCase())} x 12 = ${money(amount, m.currency.toUpperCase())} per year`);
  } else {
    return { value: null, missing: 'monthlyRevenue or annualRevenue', period, currency };
  }
  const c = convert(amount, from, currency);
  if (!c) {
    return { value: null, missing: `an exchange rate from ${from.toUpperCase()} to ${currency} (not in data/fx-rates.yaml)`, period, currency, conversion: notes.join('; ') || undefined };
  }
  if (c.note) notes.push(`${money(amount, from.toUpperCase())} = ${money(c.amount, currency)} at ${c.note}`);
  return { value: c.amount, conversion: notes.length ? notes.join('; ') : undefined, period, currency };
}

function headroom(actualText: string, limitText: string, label: string, actual: number | null, limit: number, comparator: string, crossed: boolean | null, unit: (n: number) => string): string {
  if (actual === null) return `unknown of ${limitText} ${label}`;
  const base = `${actualText} of ${limitText} ${label}`;
  if (actual === limit) {
    return `${base}: exactly at the limit, which the license's ${CMP_WORDS[comparator] ?? comparator} ${crossed ? 'counts as crossed' : 'does not cross'}`;
  }
  if (comparator === '<' || comparator === '<=') return `${base}${crossed ? ' (condition met)' : ' (condition not met)'}`;
  if (crossed) return `${base}: over the limit by ${unit(actual - limit)}`;
  return `${base}: ${unit(limit - actual)} left`;
}

/** Evaluate one threshold term against the profile. */
export function applyThreshold(t: Term, profile: Profile): ThresholdResult {
  const metric = t.metric ?? t.name;
  const limit = t.value ?? NaN;
  const comparator = t.comparator ?? '>';
  const base = {
    metric, limit, comparator,
    consequence: t.consequence,
    line: t.evidence.line,
  };
  if (!Number.isFinite(limit)) {
    return {
      term: t,
      applied: { ...base, limit: 0, period: t.period ?? null, currency: t.currency ?? null, actual: null, crossed: null, headroom: `the license states no number for ${metric}` },
      missing: `a limit for ${metric} (the term has no value)`,
    };
  }
  const users = USER_METRICS[metric];
  if (users) {
    const v = profile[users.field];
    const actual = v ?? null;
    const crossed = actual === null ? null : compare(actual, comparator, limit);
    return {
      term: t,
      applied: {
        ...base, period: t.period ?? null, currency: null, actual, crossed,
        headroom: headroom(actual === null ? '' : compact(actual), compact(limit), users.label, actual, limit, comparator, crossed, compact),
      },
      missing: actual === null ? users.field : undefined,
    };
  }
  if (metric === 'revenue') {
    const r = revenueActual(t, profile);
    const crossed = r.value === null ? null : compare(r.value, comparator, limit);
    const label = r.period === 'month' ? 'monthly revenue' : 'annual revenue';
    const unit = (n: number) => money(n, r.currency);
    return {
      term: t,
      applied: {
        ...base, period: r.period, currency: r.currency, actual: r.value, crossed,
        headroom: headroom(r.value === null ? '' : unit(r.value), unit(limit), label, r.value, limit, comparator, crossed, unit),
        ...(r.conversion ? { conversion: r.conversion } : {}),
      },
      missing: r.missing,
    };
  }
  return {
    term: t,
    applied: { ...base, period: t.period ?? null, currency: t.currency ?? null, actual: null, crossed: null, headroom: `the profile has no value for ${metric}` },
    missing: `a profile value for ${metric}`,
  };
}
