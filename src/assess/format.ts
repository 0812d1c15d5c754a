/** Number formatting for verdict texts: 2500000 -> "2.5M", 400000 -> "400k". */
export function compact(n: number): string {
  const abs = Math.abs(n);
  const [div, suffix] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'k'] : [1, ''];
  const v = n / div;
  const s = Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  return `${s}${suffix}`;
}

export function money(n: number, currency: string): string {
  return `${currency} ${compact(n)}`;
}
