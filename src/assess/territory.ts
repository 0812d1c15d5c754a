/** Territory codes: regions (EU, EEA, UK) expand to ISO 3166-1 alpha-2 codes (data/regions.yaml). */
import { regions } from './data.js';

export function expandTerritories(codes: string[]): Set<string> {
  const table = regions().regions;
  const out = new Set<string>();
  for (const c of codes) {
    const u = c.trim().toUpperCase();
    const members = table[u];
    if (members) for (const m of members) out.add(m);
    else out.add(u);
  }
  return out;
}

/** Profile territories that fall inside the excluded territories (as the profile wrote them). */
export function excludedProfileTerritories(excluded: string[], profile: string[]): string[] {
  const ex = expandTerritories(excluded);
  return profile.filter((p) => [...expandTerritories([p])].some((c) => ex.has(c)));
}
