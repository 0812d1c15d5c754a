/**
 * Validation of a profile's codes, so that a typo can never turn a prohibited
 * use into an allowed one (`territories: [Germany]` matched no EU exclusion):
 *
 * - territories: ISO 3166-1 alpha-2 codes (any case), or a region of
 *   data/regions.yaml (EU, EEA, UK). Country names and alpha-3 codes are
 *   refused with the alpha-2 code to write instead (i18n-iso-countries).
 * - currencies: ISO 4217 codes in capitals (currency-codes).
 * - activities are checked by the schema itself (ActivitySchema).
 *
 * `ValidatedProfileSchema` is the ProfileSchema with these checks, for every
 * place a profile is read (oml.config.yaml `profile:`, `--profile FILE`).
 */
import { createRequire } from 'node:module';
import type Countries from 'i18n-iso-countries/index.js';
import type CurrencyCodes from 'currency-codes';
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { ProfileSchema, type Profile } from '../types.js';
import { regions } from './data.js';

// both code lists load on first use (only a profile's codes need them). The build bundles the literal
// `require(...)` calls (initialised when first called); outside a bundle Node's require loads them.
// i18n-iso-countries: the library without its 100 bundled locales (the package's main registers them
// all at load); English is registered on first use.
let countriesLib: typeof Countries | undefined;
let currencyLib: typeof CurrencyCodes | undefined;
const countries = (): typeof Countries => (countriesLib ??= (typeof require === 'function'
  ? require('i18n-iso-countries/index.js') : createRequire(import.meta.url)('i18n-iso-countries/index.js')) as typeof Countries);
const currencyCodes = (): typeof CurrencyCodes => (currencyLib ??= (typeof require === 'function'
  ? require('currency-codes') : createRequire(import.meta.url)('currency-codes')) as typeof CurrencyCodes);

let namesLoaded = false;
/** English country names, registered on first use (only needed to suggest a code for a name). */
function ensureNames(): void {
  if (namesLoaded) return;
  const require = createRequire(import.meta.url);
  countries().registerLocale(require('i18n-iso-countries/langs/en.json'));
  namesLoaded = true;
}

let alpha2: Set<string> | null = null;
const alpha2Codes = (): Set<string> => (alpha2 ??= new Set(Object.keys(countries().getAlpha2Codes())));

/** The alpha-2 code a country name or alpha-3 / numeric code stands for, if any. */
function suggestTerritory(v: string): string | undefined {
  const t = v.trim();
  if (/^[A-Za-z]{3}$/.test(t)) return countries().alpha3ToAlpha2(t.toUpperCase()) || undefined;
  if (/^\d{3}$/.test(t)) return countries().numericToAlpha2(t) || undefined;
  ensureNames();
  return countries().getAlpha2Code(t, 'en') || undefined;
}

/** Why a profile territory is not a valid code, or null when it is. */
export function territoryProblem(v: string): string | null {
  const u = v.trim().toUpperCase();
  if (alpha2Codes().has(u) || u in regions().regions) return null;
  const hint = suggestTerritory(v);
  const shown = JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  const regionList = Object.keys(regions().regions).join(', ');
  return `${shown} is not an ISO 3166-1 alpha-2 country code${hint ? `: write ${hint}` : ''} (or a region: ${regionList})`;
}

/** Why a currency is not an ISO 4217 code, or null when it is. */
export function currencyProblem(v: string): string | null {
  if (v === v.toUpperCase() && currencyCodes().code(v)) return null;
  const upper = v.trim().toUpperCase();
  const hint = currencyCodes().code(upper) ? `: write ${upper}` : '';
  return `${JSON.stringify(v)} is not an ISO 4217 currency code${hint}`;
}

export interface ProfileProblem {
  path: Array<string | number>;
  message: string;
}

/** Every code problem of a structurally valid profile (empty when it is fine). */
export function profileProblems(p: Profile): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  p.territories.forEach((t, i) => {
    const m = territoryProblem(t);
    if (m) out.push({ path: ['territories', i], message: m });
  });
  for (const key of ['monthlyRevenue', 'annualRevenue'] as const) {
    const r = p[key];
    const m = r ? currencyProblem(r.currency) : null;
    if (m) out.push({ path: [key, 'currency'], message: m });
  }
  return out;
}

/** ProfileSchema plus the code checks (issues carry the field path, so config errors name the line). */
export const ValidatedProfileSchema = lazySchema(() => ProfileSchema.superRefine((p, ctx) => {
  for (const pr of profileProblems(p)) ctx.addIssue({ code: 'custom', path: pr.path, message: pr.message });
}));
