/**
 * "Nothing in this Licence restricts / limits / requires ...": a frame that says no ban, limit or duty exists, however the
 * words between name the document ("in this Licence", "herein", "in these Terms of Use shall be construed to"). It is read
 * as one phrase of the lexicon's `cancel` category, so the negation and the word of restraint inside it count for nothing:
 * - a ban said not to exist frees the act after it (concept `freedom`, as the lexicon's "nothing prevents": "Nothing in this
 *   Agreement prevents you from fine-tuning" grants modify, however the document is named);
 * - a duty said not to exist (concept `no-duty`: "Nothing in this Licence requires you to display the badge") binds to
 *   nothing;
 * - a limit said not to exist leaves what it names as it was (concept `no-limit`: "Nothing in this Licence limits the patent
 *   licence of Section 3", "... limits your right to use the Model for research" grants no right and limits none).
 * A part holding one of the last two has no modality (parts.ts): it tells what the document does not do.
 * The words are grammar.yaml's `nothing-subjects`, `nothing-frees`, `nothing-binds` and `nothing-leaves`. A sentence that
 * opens with a ban or a duty said not to exist states no restriction or no obligation of a rule's fixed phrase either
 * (`framedAway`, used by the engine for the regex rules).
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';
import type { Reading } from './reader.js';
import { wordSet } from './grammar.js';

/** The concepts of the frames that leave things as they were: a part holding one has no modality. */
export const NOTHING_FRAMES: ReadonlySet<string> = new Set(['no-duty', 'no-limit']);

/** Words at most between "nothing" and its verb. */
const GAP = 8;

function conceptOf(low: string): string | undefined {
  if (wordSet('nothing-frees').has(low)) return 'freedom';
  if (wordSet('nothing-binds').has(low)) return 'no-duty';
  if (wordSet('nothing-leaves').has(low)) return 'no-limit';
  return undefined;
}

export function nothingFrames(toks: Token[], tags: Tag[]): Tag[] {
  const subjects = wordSet('nothing-subjects');
  const out: Tag[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!subjects.has(toks[i]!.low)) continue;
    for (let k = i + 1; k < toks.length && k <= i + GAP; k++) {
      const t = toks[k]!;
      if (!t.word) break;
      const concept = conceptOf(t.low);
      if (!concept) continue;
      out.push({ category: 'cancel', concept, key: `cancel/${concept}`, start: i, end: k + 1 });
      break;
    }
  }
  return out.length ? [...tags, ...out].sort((x, y) => x.start - y.start) : tags;
}

/** The sentence opens with a ban (`restriction`) or a duty (`obligation`) said not to exist. */
export function framedAway(r: Reading, kind: 'restriction' | 'obligation'): boolean {
  const first = r.tokens.findIndex((t) => t.word);
  const concept = kind === 'restriction' ? 'freedom' : 'no-duty';
  return first >= 0 && r.tags.some((t) => t.category === 'cancel' && t.concept === concept && t.start === first && wordSet('nothing-subjects').has(r.tokens[first]!.low));
}
