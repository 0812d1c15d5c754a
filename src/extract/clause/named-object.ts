/**
 * A model named by a name the lexicons do not know, right after a verb that acts on a model: "run Marlin locally", "use
 * Vireo-3B however you like", "must not use Kestrel to ..." name the model as "the Model" would. The name is one or more
 * capitalised words (a name with digits or a hyphen too: "Vireo-3B"), not a possessive ("Acme's trademarks" names whose
 * marks), and never the first word of the sentence.
 */
import type { Tag } from './tag.js';
import type { Token } from './tokens.js';
import { conceptGroup } from './lexicon.js';
import { wordSet } from './grammar.js';
import { unknownName } from './anaphora.js';

/** Names longer than this many words are not read as a model's name. */
const NAME_WORDS = 3;

export function namedModels(toks: Token[], tags: Tag[]): Tag[] {
  const acts = conceptGroup('acts-on-model');
  const out: Tag[] = [];
  for (const a of tags) {
    // (a participle describes the name after it, "the pretrained PaGeR checkpoints": it acts on nothing)
    if (a.category !== 'action' || !acts.has(a.concept) || toks[a.end - 1]!.low.endsWith('ed')) continue;
    let k = a.end;
    if (wordSet('not-model-names').has(toks[k]?.low ?? '')) continue;
    while (k - a.end < NAME_WORDS && unknownName(toks, tags, k) && !toks[k]!.low.endsWith("'s")) k++;
    if (k > a.end && a.end > 0) out.push({ category: 'object', concept: 'model', key: 'object/model', start: a.end, end: k });
  }
  return out.length ? [...tags, ...out].sort((x, y) => x.start - y.start) : tags;
}
