/**
 * One sentence, two thresholds: "if your users do not exceed 300 million, your registration counts as the license;
 * if they are greater than 300 million, you must request a license" (or "不超过 ...；超过 ..."). Each half between ";"
 * that names the metric and sets its own number with its own comparator is read on its own, with the consequence
 * its own words state (none for the half that only grants), instead of one threshold with the comparator of the
 * first half and the consequence of the second.
 */
import type { CompiledRules } from '../compile.js';
import type { Rule } from '../schema.js';
import type { ClauseFields, ContextReader } from './apply.js';
import { readerLexicons } from './lexicon.js';
import type { Part } from './parts.js';
import type { Reading } from './reader.js';
import { halvesAt, readThreshold } from './threshold.js';

/**
 * The thresholds of the halves of `target` (one fields object per half), or undefined when fewer than two halves
 * set a threshold of the metric with a comparator, or they all set the same one (a limit restated: the sentence is
 * read whole, as before).
 */
export function thresholdHalves(
  rules: CompiledRules, rule: Rule, target: string, reading: Reading, parts: Part[], base: ClauseFields, context: ContextReader,
): ClauseFields[] | undefined {
  const th = rule.clause!.threshold!;
  const tags = reading.tags.filter((t) => t.category === 'metric' && t.concept === th.metric && parts.some((p) => t.start >= p.start && t.start < p.end));
  const halves = halvesAt(target, tags.map((t) => reading.tokens[t.start]!.start));
  if (halves.length < 2) return undefined;
  const out: ClauseFields[] = [];
  for (const h of halves) {
    const tag = tags.find((t) => reading.tokens[t.start]!.start >= h.start && reading.tokens[t.start]!.start < h.end)!;
    const text = target.slice(h.start, h.end);
    const others = otherMetrics(reading, th.metric).map((o) => ({ start: o.start - h.start, end: o.end - h.start }));
    const read = readThreshold(text, reading.tokens[tag.start]!.start - h.start, reading.tokens[tag.end - 1]!.end - h.start, rules.norm, readerLexicons().metrics, th.percent === true, others);
    if (!read?.comparator) continue;
    const f: ClauseFields = { ...base, value: read.value, comparator: read.comparator };
    delete f.consequence;
    if (rule.fields.consequence) {
      // the last half may take its consequence from the next sentences (as a whole sentence does); an earlier one
      // states its own or none ("..., your registration is deemed to be the license;")
      const c = h.end >= target.length ? context(rule, text).fields.consequence : rules.norm.consequence(text);
      if (c !== undefined) f.consequence = c;
      else if (reading.parts.some((p) => p.role === 'main' && p.modality === 'prohibition' && !p.definition && !p.hypothetical && inHalf(reading, p, h))) f.consequence = 'prohibited';
    }
    if (f.currency === undefined && read.currency) f.currency = read.currency;
    if (f.period === undefined && read.period) f.period = read.period;
    out.push(f);
  }
  if (out.length < 2 || out.every((f) => f.value === out[0]!.value && f.comparator === out[0]!.comparator)) return undefined;
  return out;
}

function inHalf(reading: Reading, p: Part, h: { start: number; end: number }): boolean {
  const s = reading.tokens[p.start]?.start ?? -1;
  return s >= h.start && s < h.end;
}

/** The threshold on the other side of a ceiling: "fewer than N" -> "N or more", "no more than N" -> "more than N". */
const COMPLEMENT: Partial<Record<string, '>' | '>='>> = { '<': '>=', '<=': '>' };

/**
 * A ceiling ("fewer than 1 million users") whose own half of the sentence states no consequence, while the rest of the
 * sentence or the next one does ("...; all others must obtain a commercial license", "Otherwise, you must request a
 * license"): that consequence is what holds above the ceiling. Returns the ceiling without it and the complement
 * threshold with it, or undefined when the reading stays as it is.
 */
export function ceilingComplement(rules: CompiledRules, target: string, tagStart: number, fields: ClauseFields): ClauseFields[] | undefined {
  const flip = fields.comparator !== undefined ? COMPLEMENT[fields.comparator] : undefined;
  if (!flip || fields.consequence === undefined || fields.consequence === 'attribution-display') return undefined;
  const own = halvesAt(target, [tagStart])[0];
  if (!own || rules.norm.consequence(target.slice(own.start, own.end)) !== undefined) return undefined;
  const { consequence, ...ceiling } = fields;
  return [ceiling, { ...ceiling, comparator: flip, consequence }];
}

/** The character spans of the metric phrases of the reading other than `metric` (their numbers are not this metric's). */
export function otherMetrics(reading: Reading, metric: string): Array<{ start: number; end: number }> {
  return reading.tags.filter((t) => t.category === 'metric' && t.concept !== metric)
    .map((t) => ({ start: reading.tokens[t.start]!.start, end: reading.tokens[t.end - 1]!.end }));
}
