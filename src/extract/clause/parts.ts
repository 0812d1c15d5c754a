/**
 * Splits a tagged sentence into parts and reads what decides a term in each: who acts, the modality
 * (grant / duty / prohibition) with its negation, "only", and the actions, objects and qualifiers named.
 * A part ends at ";", at a break word ("but", "however"), and where an exception ("except", "unless",
 * "other than") or a condition ("if", "when", "once") starts; after a comma a new part starts when what
 * follows has a modality of its own ("If you sell it, you must register").
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';
import { enumerated, opensSentence } from './enumeration.js';
import { NAMED_PARTY, freedNamed, partyNamed, resolveSubjects, speakerNamed } from './anaphora.js';
import { mayOfThing, possibility } from './possibility.js';
import { headingVerdict } from './heading.js';
import { negatedRelative, tagsByStart } from './relative.js';
import { inAnySpan, inLongerSpan } from './span-index.js';
import { headObject, sourceOf } from './heads.js';
import { MODAL_CATEGORIES } from './lexicon.js';
import { HAN } from './tokens.js';
import { opensAlternatives } from './alternatives.js';
import { withheldActor } from './withheld.js';
import { HARD_BREAK, COMMA, COLON } from './punct.js';
import { wordSet } from './grammar.js';
import { NOTHING_FRAMES } from './nothing-frame.js';
import { coordinatedClause } from './coordinated.js';
import { clauseAfterAnd, defines, definesBefore, spreadDefinition, withholds } from './definition-end.js';

export type Modality = 'grant' | 'duty' | 'prohibition';
export type Role = 'main' | 'exception' | 'condition';

export interface Part {
  role: Role;
  modality?: Modality;
  /** A negation was read in the part (and not cancelled). */
  negated: boolean;
  only: boolean;
  definition: boolean;
  hypothetical: boolean;
  actor?: string;
  actions: Set<string>;
  objects: Set<string>;
  qualifiers: Set<string>;
  metrics: Set<string>;
  /** The modality comes from a bare verb at the start (an imperative), not from a modal word. */
  imperative: boolean;
  /** A grant read only from a noun ("rights", "permission"), without a word that grants ("grant", "may", "a license to"). */
  grantNounOnly: boolean;
  /** The part ends at ":": a lead-in, whose list items say what it applies to ("no patent license is granted: (a) for ..."). */
  lead: boolean;
  /**
   * The object the part is about: the first object named after its first action ("use the outputs of the Model":
   * output), else its first object ("Outputs of the Model may be used": output).
   */
  head?: string;
  /**
   * The objects named as things of their own, not as the source of another ("the outputs of the Model", "content generated
   * with the Software", "responses from the Model", "本模型生成的内容", "模型的输出"): "the Model or its outputs" names both.
   */
  mainObjects: Set<string>;
  /** Token range [start, end). */
  start: number;
  end: number;
  tags: Tag[];
}


/** "no" negates only when a right, a use or a qualifier follows within 4 words ("no commercial use", "no right"), not "no fee". */
const NO_NEGATES: ReadonlySet<string> = new Set(['grant', 'qualifier', 'action', 'object', 'actor', 'prohibit']);


/** The first word of toks[start..] after a list marker ("(a)", "1.", "-"). */
function firstWord(toks: Token[], start: number): number {
  let i = start;
  while (i < toks.length && (!toks[i]!.word || (toks[i + 1] && /^[.)]$/.test(toks[i + 1]!.low) && toks[i]!.low.length <= 3))) {
    i += toks[i]!.word ? 2 : 1;
  }
  return i;
}

/**
 * A grant noun that is also the document, named with "this" / "the" as the object of a verb or of "of" ("include this
 * Licence", "a copy of this Licence"); as the subject it still grants ("This Licence does not cover deployment in the UK").
 */
function namesDocument(t: Tag, objects: Tag[], toks: Token[], live: Tag[]): boolean {
  if (!objects.some((o) => o.concept === 'license-text' && o.start <= t.start && o.end >= t.end)) return false;
  if (!wordSet('document-determiners').has(toks[t.start - 1]?.low ?? '')) return false;
  const before = t.start - 2;
  // ("a copy of this Licence", not "the terms of this License", which names what governs)
  return (toks[before]?.low === 'of' && wordSet('partitive-nouns').has(toks[before - 1]?.low ?? '')) || live.some((u) => u.category === 'action' && u.end === before + 1);
}

/** The part starts with a bare verb of the lexicon ("Keep", "Ship"), not a noun made of one ("Use of", "Distribution"). */
function imperative(toks: Token[], start: number, live: Tag[]): boolean {
  const i = firstWord(toks, start);
  const next = toks[i + 1]?.low;
  // a verb alone (a heading: "Registration", "登记") commands nothing
  if (!toks.slice(i + 1).some((t) => t.word)) return false;
  return next !== 'of' && live.some((t) => t.category === 'action' && t.start === i && t.end === i + 1 && lemmaIsSelf(toks[i]!.low, live, i));
}

/** The part opens with a negated imperative: "Do not" / "Don't" and a word after it ("Don't sue us over patents"). */
function negatedImperative(toks: Token[], start: number, live: Tag[]): boolean {
  const i = firstWord(toks, start);
  if (!wordSet('imperative-auxiliaries').has(toks[i]?.low ?? '')) return false;
  const neg = live.find((t) => t.category === 'negation' && t.start === i + 1);
  return neg !== undefined && toks.slice(neg.end).some((t) => t.word) && !wordSet('imperative-reversals').has(toks[neg.end]?.low ?? '');
}

/** The token is written as its lemma (a bare verb), as the lexicon spells it. */
function lemmaIsSelf(low: string, live: Tag[], i: number): boolean {
  // ("pass", "access", "address" end in "ss": bare verbs, not a third person "-s")
  const inflected = low.endsWith('ing') || low.endsWith('ed') || low.endsWith('ion') || (low.endsWith('s') && !low.endsWith('ss'));
  return live.some((t) => t.start === i && t.category === 'action') && !inflected;
}

const inSpan: (t: Tag, spans: Tag[]) => boolean = inAnySpan, insideLonger: (t: Tag, spans: Tag[]) => boolean = inLongerSpan;

function readPart(role: Role, start: number, end: number, all: Tag[], toks: Token[]): Part {
  const tags = all.filter((t) => t.start >= start && t.start < end);
  const cancels = tags.filter((t) => t.category === 'cancel');
  const kept = tags.filter((t) => t.category === 'cancel' || !inSpan(t, cancels));
  // a negation inside a word that forbids by itself ("不得", "be not allowed") or limits by itself ("for no other purpose") is part of it
  const prohibits = kept.filter((t) => t.category === 'prohibit' || t.category === 'only' || (t.category === 'qualifier' && t.end - t.start > 1));
  // a verb inside a name ("Acceptable Use Policy") is part of the name, and so is a qualifier of a license asked for ("a commercial license")
  const objects = kept.filter((t) => t.category === 'object');
  const requests = objects.filter((t) => t.concept === 'license-request');
  const breaches = kept.filter((t) => t.category === 'qualifier' && t.concept === 'breach');
  // (and a qualifier of a way of hosting: "a paid API" names the service, as "a commercial license" names the license)
  const hosts = kept.filter((t) => t.category === 'action' && t.concept === 'host');
  // a "should" inside a marker ("should you") states a condition, not a hypothetical
  const markers = kept.filter((t) => t.category === 'marker');
  // (not a party that grants: "we grant", "licensor hereby grants" name the grant with the party)
  const actors = kept.filter((t) => t.category === 'actor' && !t.concept.endsWith('-grant'));
  const grants = kept.filter((t) => t.category === 'grant');
  const parties = kept.filter((t) => t.category === 'actor');
  // (and so is a word that forbids: "Prohibited Use Policy")
  const live = withoutNegatedNeed(kept.filter((t) => (t.category !== 'negation' || !inSpan(t, prohibits))
    && ((t.category !== 'action' && t.category !== 'prohibit') || !insideLonger(t, objects))
    // (a word that forbids inside a qualifier names it: "uses the Model for a prohibited purpose" is a breach, not a ban)
    && (t.category !== 'prohibit' || !insideLonger(t, breaches))
    && (t.category !== 'qualifier' || (!inSpan(t, requests) && !insideLonger(t, hosts))) && (t.category !== 'hypothetical' || (!inSpan(t, markers) && !opensAlternatives(t, toks, kept)))
    // an "only" word inside a word that forbids ("strictly prohibited") intensifies the ban, it limits nothing
    && (t.category !== 'only' || !insideLonger(t, prohibits))
    // a grant word or a verb inside the name of a party ("许可" in "被许可方", "开发" in "开发者") grants or does nothing
    && (t.category !== 'grant' || !insideLonger(t, actors)) && (t.category !== 'action' || !insideLonger(t, parties))
    // nor inside a licence asked for ("许可" in "单独的许可", "获取授权"): the licence is a thing to get, not a grant
    && (t.category !== 'grant' || !insideLonger(t, requests))
    // (nor a grant noun that names the document: "this Licence" in "include a copy of this Licence" is a text, it grants nothing)
    && (t.category !== 'grant' || t.concept !== 'grant-noun' || !namesDocument(t, objects, toks, kept))
    // a duty word inside a grant phrase ("shall have the right to", "will be entitled to") binds to nothing
    && (t.category !== 'duty' || !insideLonger(t, grants))));
  const cats = new Set<string>();
  for (const t of live) cats.add(t.category);
  const has = (c: string) => cats.has(c);
  let negated = false;
  for (const t of live) {
    if (t.category !== 'negation') continue;
    if (toks[t.start]!.low === 'no' || toks[t.start]!.low === 'none') {
      // "no" negates what follows it closely: "no right is granted", "no commercial use"
      // (counted from the end of the phrase: "no express or implied licenses")
      if (live.some((u) => u !== t && u.start > t.start && u.start <= t.end + 3 && NO_NEGATES.has(u.category))) negated = true;
    } else negated = true;
  }
  const prohibit = has('prohibit');
  const freed = live.some((t) => t.category === 'cancel' && t.concept === 'freedom');
  let modality: Modality | undefined;
  let imperativeVerb = false;
  // a negated requirement ("does not require", "no license is required", "need not") states no duty, and forbids nothing
  const duties = live.filter((t) => t.category === 'duty');
  const noDuty = negated && !live.some((t) => t.category === 'grant' && t.concept !== 'grant-noun') && duties.length > 0
    && (duties.every((t) => live.some((u) => u.concept === 'need' && u.start === t.start && u.end === t.end))
      // (also when the negation falls on the requirement itself: "you will not need our permission", "won't have to pay")
      || live.some((n) => n.category === 'negation' && live.some((u) => u.concept === 'need' && u.start === n.end)));
  // a negation after the word that forbids, right before a grant word, is a second ban, not a negated one ("is outside
  // the scope of this licence and is not permitted"; but "nothing prohibits", "the prohibitions do not apply")
  const firstBan = live.find((t) => t.category === 'prohibit')?.start ?? Infinity;
  const secondBan = live.some((n) => n.category === 'negation' && n.start > firstBan
    && live.some((g) => g.category === 'grant' && g.concept !== 'grant-noun' && g.start >= n.end && g.start <= n.end + 1));
  // "Nothing in this Licence limits / requires / restricts ..." states no ban, duty, limit or grant (nothing-frame.ts)
  if (live.some((t) => t.category === 'cancel' && NOTHING_FRAMES.has(t.concept))) modality = undefined;
  else if (prohibit) modality = negated && !secondBan ? undefined : 'prohibition';
  // "Don't present outputs as human work": a ban on the reader, whatever the verb
  else if (role === 'main' && negatedImperative(toks, start, live)) { modality = 'prohibition'; imperativeVerb = true; }
  else if (noDuty) modality = undefined;
  // "may not" and a verb said of a thing, with no one bound and nothing done by the licensee, tells what may happen ("the
  // guardrails may not catch every harmful request"), it forbids nothing (possibility.ts; a passive still does: "harmful
  // content may not be generated", and so does a purpose named: "the Model may not serve commercial customers")
  else if (negated && !has('actor') && !has('duty') && possibility(live, tags, toks)) modality = undefined;
  // (and a licence said not to cover something withholds it: "this license does not cover you")
  else if (negated && (has('grant') || has('duty') || has('action') || has('qualifier') || withholds(live))) modality = 'prohibition';
  else if (has('duty')) modality = 'duty';
  else if (mayOfThing(live, tags, toks)) modality = undefined;
  // (a ban said not to exist frees the act: "nothing in this license prevents you from fine-tuning", lexicon cancel/freedom)
  else if (has('grant') || freed) modality = 'grant';
  // an imperative: the part (a sentence, or a list item after its marker) starts with a verb ("Keep the notices", "Ship a copy")
  else if (role === 'main' && imperative(toks, start, live)) { modality = 'duty'; imperativeVerb = true; }
  const set = (c: string) => new Set(live.filter((t) => t.category === c).map((t) => t.concept));
  // the subject: the actor named before the first modal word, else the first actor named
  const firstModal = live.find((t) => MODAL_CATEGORIES.has(t.category))?.start ?? Infinity;
  const firstModalWord = live.find((t) => MODAL_CATEGORIES.has(t.category) && t.concept !== 'grant-noun')?.start ?? Infinity;
  // an actor after a preposition ("register with us", "grants to you", "向我们注册") or before a possessive ("我们的邮箱")
  // is the other party, not the subject
  const subject = (t: Tag) => t.category === 'actor'
    && !live.some((u) => u.category === 'preposition' && u.end === t.start) && !live.some((u) => u.category === 'possessive' && u.start === t.end);
  // a possessive after the modal word names an owner, not the subject ("needs our consent"; but "Our service has ...")
  const owner = (t: Tag) => live.some((u) => u.category === 'possessive' && u.concept === 'possessive' && u.start === t.start && u.end === t.end);
  const found = (live.find((t) => subject(t) && t.start < firstModal) ?? live.find((t) => subject(t) && !owner(t)))?.concept;
  const subjectOf = modality === 'prohibition' ? withheldActor(found, live, toks, firstWord(toks, start)) : found;
  const first = firstWord(toks, start);
  const actor = subjectOf === 'licensee' && found === 'licensee' && speakerNamed(live, toks, first, Math.min(firstModal, live.find((t) => t.category === 'action')?.start ?? Infinity))
    ? 'licensor' : found === undefined && modality !== 'prohibition' && modality !== 'duty' && (partyNamed(live, toks, first, end) || freedNamed(live, toks)) ? NAMED_PARTY : subjectOf;
  const head = headObject(live, toks);
  const mainObjects = new Set(live.filter((t) => t.category === 'object' && !sourceOf(t, toks, live)).map((t) => t.concept));
  return {
    role, negated, only: has('only'), definition: defines(live, toks, start),
    // an example after the modal word illustrates what is required or allowed ("you must ship a copy, for example in a
    // file named LICENSE"), and so does one set off after what it illustrates ("Redistribution of Outputs in bulk, for
    // example as a dataset, is prohibited"): only one that opens the part before the modal word makes it hypothetical
    hypothetical: live.some((t) => t.category === 'hypothetical' && (t.concept !== 'example' || (t.start < firstModalWord && !illustrates(t, live, toks)))),
    actions: set('action'), objects: set('object'), qualifiers: set('qualifier'), metrics: set('metric'),
    start, end, tags: live, imperative: imperativeVerb, lead: false, mainObjects,
    grantNounOnly: modality === 'grant' && !freed && !live.some((t) => t.category === 'grant' && t.concept !== 'grant-noun'),
    ...(modality ? { modality } : {}),
    ...(actor ? { actor } : {}),
    ...(head ? { head } : {}),
  };
}

/**
 * An example after an action or an object it illustrates: one set off by a comma ("in bulk, for example as a dataset,",
 * grammar.yaml `aside-examples`) or one that names kinds of what stands right before it ("activities such as research",
 * `kind-examples`, no comma).
 */
function illustrates(t: Tag, live: Tag[], toks: Token[]): boolean {
  const comma = toks[t.start - 1]?.low === ',';
  const word = toks[t.start]!.low;
  if (!(comma ? wordSet('aside-examples').has(word) : wordSet('kind-examples').has(word))) return false;
  return live.some((u) => (u.category === 'action' || u.category === 'object') && u.end < t.start);
}

/**
 * A need negated in one word ("无需", "不需要") with a grant word after it negates only the need: "您无需获得我们的许可即可
 * 将本模型用于商业目的" grants commercial use, it forbids nothing. The negation and its need are dropped from the part.
 */
function withoutNegatedNeed(live: Tag[]): Tag[] {
  const needAt = (t: Tag) => live.some((u) => u.category === 'duty' && u.concept === 'need' && u.start === t.start && u.end === t.end);
  const negations = live.filter((t) => t.category === 'negation');
  if (!negations.length || !negations.every(needAt)) return live;
  const last = negations[negations.length - 1]!.end;
  if (!live.some((g) => g.category === 'grant' && g.concept !== 'grant-noun' && g.start >= last)) return live;
  return live.filter((t) => !((t.category === 'negation' || t.category === 'duty') && negations.some((n) => n.start === t.start && n.end === t.end)));
}


export function splitParts(toks: Token[], tags: Tag[]): Part[] {
  const parts: Part[] = [];
  const markerAt = new Map<number, Tag>();
  // (an opening marker, "Subject to ...", conditions what follows only where it opens the sentence: "outputs are subject to
  // the restrictions" states the restriction)
  for (const t of tags) if (t.category === 'marker' && !markerAt.has(t.start) && (t.concept !== 'opening' || opensSentence(toks, t.start))) markerAt.set(t.start, t);
  // a list of alternatives ("whether commercial or not") is an aside: the scan for a new clause after a comma stops there
  // (not one a cancel phrase holds: "whether or not")
  const cancelled = tags.filter((t) => t.category === 'cancel');
  const alternativesAt = new Set(tags.filter((t) => t.category === 'hypothetical' && !inAnySpan(t, cancelled) && opensAlternatives(t, toks, tags)).map((t) => t.start));
  // a negation inside an "only" phrase ("for no other purpose") does not start a part of its own
  const onlys = tags.filter((t) => t.category === 'only');
  const objectTags = tags.filter((t) => t.category === 'object');
  const modalAt = new Set<number>();
  const clauseAt = new Set<number>();
  const actorAt = new Set<number>();
  const negAt = new Set<number>();
  const byStart = tagsByStart(tags);
  // a break word right after a modal word ("you must also provide") goes on with the same part
  const modalEnd = new Set<number>();
  const actorEnd = new Set<number>();
  const asideEnds = new Set(tags.filter((t) => t.category === 'marker' && t.concept === 'aside').map((t) => t.end));
  for (const t of tags) {
    const modal = MODAL_CATEGORIES.has(t.category);
    // (and after its auxiliary: "may be further sublicensed", "must also be")
    if (modal) { modalEnd.add(t.end); if (wordSet('be-forms').has(toks[t.end]?.low ?? '')) modalEnd.add(t.end + 1); }
    if (t.category === 'negation') negAt.add(t.start);
    // (nor does a word that forbids inside a name: "the Prohibited Use Policy")
    if (modal && t.concept !== 'grant-noun' && !(t.category === 'negation' && inSpan(t, onlys)) && !(t.category === 'prohibit' && insideLonger(t, objectTags))) modalAt.add(t.start);
    if (t.category === 'actor') { clauseAt.add(t.start); actorAt.add(t.start); actorEnd.add(t.end); } else if (t.category === 'action') clauseAt.add(t.start);
  }
  const zh = toks.some((t) => HAN.test(t.low));
  let role: Role = 'main';
  let start = 0;
  let leadFrom = -1;
  // an exception or a condition inside parentheses ("a license (except as stated below) to make and sell") ends at
  // ")": what follows goes on with the part before the parenthesis, whose modality and actor it keeps
  let parenDepth = 0;
  let parenMarkerDepth = -1;
  let resumeFrom = -1;
  // tokens inside parentheses: the part before a parenthesis lends only a modality stated outside them
  const inParens = new Set<number>();
  for (let i = 0, d = 0; i < toks.length; i++) {
    if (toks[i]!.low === '(') d++;
    else if (toks[i]!.low === ')' && d > 0) d--;
    else if (d > 0) inParens.add(i);
  }
  const close = (end: number, next: Role) => {
    if (end > start) {
      const p = readPart(role, start, end, tags, toks);
      const before = resumeFrom >= 0 && role === 'main' ? parts[resumeFrom] : undefined;
      const modalOutside = before?.tags.some((t) => MODAL_CATEGORIES.has(t.category) && !inParens.has(t.start)) ?? false;
      if (before && modalOutside && (p.modality === undefined || p.imperative) && before.modality !== undefined) {
        p.modality = before.modality;
        p.negated = before.negated;
        if (p.actor === undefined && before.actor !== undefined) p.actor = before.actor;
      }
      if (role === 'main') resumeFrom = -1;
      const lead = leadFrom >= 0 ? parts[leadFrom] : undefined;
      // a part that is itself a lead-in (a heading such as "2. Commercial:") borrows nothing
      const isLead = toks[end]?.low === ':' || toks[end]?.low === '：';
      p.lead = isLead;
      // (a grant read only from a noun in the item, "keep all licence notices", is no modality of its own)
      if (lead && !isLead && (p.modality === undefined || p.imperative || p.grantNounOnly) && lead.modality !== undefined) {
        p.modality = lead.modality;
        p.grantNounOnly = lead.grantNounOnly;
        p.negated = lead.negated;
        p.only ||= lead.only;
        if (p.actor === undefined && lead.actor !== undefined) p.actor = lead.actor;
      }
      // "you will not use, or allow others to use, the model": a part that goes on with "or" / "nor" and no subject of
      // its own stays under the ban before it
      const prev = parts[parts.length - 1];
      if (prev?.modality === 'prohibition' && (toks[start]?.low === 'or' || toks[start]?.low === 'nor')
        && !p.tags.some((t) => t.category === 'actor' && t.start === start + 1)) {
        p.modality = 'prohibition';
        p.negated = prev.negated;
      }
      // "..., but for nothing else", "..., and only that": an "only" that names nothing of its own narrows the part before it
      if (prev && p.only && role === 'main' && p.modality === undefined && p.actor === undefined
        && !p.actions.size && !p.objects.size && !p.qualifiers.size && !p.metrics.size) prev.only = true;
      parts.push(p);
    }
    role = next;
  };
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    if (HARD_BREAK.has(tok.low)) { close(i, 'main'); start = i + 1; continue; }
    if ((tok.low === ':' || tok.low === '：') && !(role === 'main' && headingVerdict(toks, byStart, start, i))) {
      // a lead-in ("You may not:") lends its modality to what follows, not its objects ("Commercial use: prohibited" is one)
      close(i, 'main');
      start = i + 1;
      leadFrom = parts.length - 1;
      // a lead-in that ends with its marker ("This agreement terminates automatically if:") makes the item that
      // condition (or exception): the marker has nothing else to govern
      const led = parts[leadFrom];
      if (led && led.role !== 'main' && led.actor === undefined && !led.actions.size && !led.objects.size && !led.qualifiers.size && !led.metrics.size) role = led.role;
      continue;
    }
    if (tok.low === '(') parenDepth++;
    if (tok.low === ')' && parenDepth > 0) {
      parenDepth--;
      if (parenMarkerDepth === parenDepth + 1 && role !== 'main') {
        const from = parts.length;
        close(i + 1, 'main');
        start = i + 1;
        parenMarkerDepth = -1;
        // the part before the parenthesis (the one the marker closed)
        resumeFrom = from > 0 ? from - 1 : -1;
        continue;
      }
    }
    // a negated relative clause after a grant is what the grant leaves out ("in ways that do not harm others")
    if (role === 'main' && i > start && negatedRelative(toks, byStart, start, i)) { close(i, 'exception'); start = i; continue; }
    const m = markerAt.get(i);
    // (an aside, "if any,", starts no part)
    // (nor, in a condition, one right after its subject: "provided that you also convey the source")
    if (m && m.concept !== 'aside' && !(m.concept === 'break' && (modalEnd.has(i) || (actorEnd.has(i) && role === 'condition')) && !zh)) {
      const next: Role = m.concept === 'exception' ? 'exception' : m.concept === 'condition' || m.concept === 'opening' ? 'condition' : 'main';
      if (parenDepth > 0 && next !== 'main' && parenMarkerDepth < 0 && toks[i - 1]?.low === '(') parenMarkerDepth = parenDepth;
      close(i, next);
      start = i;
      continue;
    }
    // a modal word right after the comma has its subject before it ("The notices, including this statement, must be kept")
    // (English only: a Chinese clause after "，" often leaves its subject out and is a part of its own)
    // and so does an infinitive after a comma ("You must cause any work ..., to be licensed under this License")
    // (but not a modal phrase that names its own subject: "If you wish to sell it, you will need a license")
    // (nor, after an exception or a condition, a negation that starts the main clause: "Except for the copyright licence
    // above, no rights are granted")
    // (nor a comma that closes an aside: "Patent rights, if any, are not included in the licence")
    if (COMMA.has(tok.low) && !asideEnds.has(i + 1) && !(!zh && ((modalAt.has(i + 1) && !actorAt.has(i + 1) && !(role !== 'main' && negAt.has(i + 1))) || (role === 'main' && toks[i + 1]?.low === 'to'))) && (role !== 'main' || hasModal(parts, start, i, tags) || definesBefore(toks, tags, start, i) || coordinatedClause(toks, tags, i))) {
      // a comma starts a new main part when the words up to the next comma or break carry a modality of their own,
      // or, after a condition or an exception, a subject or a verb ("If you sue, your license ends")
      let modal = false;
      // (a colon ends the scan: the modal words of the items after a lead-in are not this clause's)
      for (let j = i + 1; j < toks.length && !COMMA.has(toks[j]!.low) && !HARD_BREAK.has(toks[j]!.low) && !COLON.has(toks[j]!.low) && !markerAt.has(j) && !alternativesAt.has(j); j++) {
        if (modalAt.has(j) || (role !== 'main' && clauseAt.has(j))) modal = true;
      }
      // (a definition also ends at ", and" that starts a clause of its own: "“Generated Content” means ..., and all
      // Generated Content is owned by you", definition-end.ts)
      if (!modal && role === 'main' && definesBefore(toks, tags, start, i) && clauseAfterAnd(toks, tags, i)) modal = true;
      // (an enumerated condition goes on as one: "only if (a) you ..., (b) you include a copy, and (c) you keep ...")
      if (modal) { close(i, role !== 'main' && enumerated(toks, i + 1) ? role : 'main'); start = i + 1; }
    }
  }
  close(toks.length, 'main');
  resolveSubjects(parts, toks);
  spreadDefinition(parts, toks, enumerated);
  return parts;
}

function hasModal(_parts: Part[], start: number, end: number, tags: Tag[]): boolean {
  // "only" counts: "仅可用于研究，不得用于其他用途" is a limit, then a ban
  return tags.some((t) => t.start >= start && t.start < end && (MODAL_CATEGORIES.has(t.category) || t.category === 'only'));
}
