/** Currency conversion with the approximate table in data/fx-rates.yaml. */
import { fxRates } from './data.js';

export interface Converted { amount: number; note: string }

/** Convert `amount` from one currency to another; null when a rate is missing. */
export function convert(amount: number, from: string, to: string): Converted | null {
  const f = from.toUpperCase();
  const t = to.toUpperCase();
  if (f === t) return { amount, note: '' };
  const fx = fxRates();
  const a = fx.usdPerUnit[f];
  const b = fx.usdPerUnit[t];
  if (a === undefined || b === undefined) return null;
  const rate = a / b;
  return {
    amount: amount * rate,
    note: `1 ${f} = ${round(rate)} ${t} (approximate rate of ${fx.date}, data/fx-rates.yaml)`,
  };
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}
