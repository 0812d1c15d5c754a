/**
 * Veto rules: an added passage that carries a version number, another
 * license's name, a restriction or a number (a changed threshold) is never a
 * harmless template variation.
 */
const VERSION = /\b(?:v(?:ersion)?\s?\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)?)\b/i;
const LICENSE_NAME = /\b(?:MIT|Apache|GPL|LGPL|AGPL|BSD|MPL|Mozilla|Creative Commons|CC[- ]BY|OpenRAIL|RAIL|Llama|Gemma|Qwen|DeepSeek|Falcon|Mistral|Kimi|MiniMax|NVIDIA|Stability|FLUX)\b/;
const RESTRICTION = /\b(?:not|no|never|only|prohibit\w*|restrict\w*|forbid\w*|must|shall|may|required?|revenue|users|commercial|non-commercial|noncommercial|fees?|royalt\w*|terminat\w*|display|attribution)\b/i;

/** A number (an amount, a threshold, a period); a four-digit year alone is a copyright/date variable part. */
const NUMBER = /\b(?!(?:19|20)\d\d\b)\d{1,12}(?:[.,]\d{1,6}){0,3}\b/;

/** A list enumerator on its own ("2.", "(iv)"), left over from line wrapping. */
const ENUMERATOR_ONLY = /^\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[ivxl]{1,6}|[a-z])[.)]$/i;

export interface VetoResult {
  vetoed: boolean;
  reasons: string[];
}

export function vetoAdditions(passages: Array<{ text: string }>): VetoResult {
  const reasons: string[] = [];
  for (const p of passages) {
    if (VERSION.test(p.text)) reasons.push('adds a version number');
    if (LICENSE_NAME.test(p.text)) reasons.push("adds another license's name");
    if (RESTRICTION.test(p.text)) reasons.push('adds a restriction or condition');
    else if (NUMBER.test(p.text) && !VERSION.test(p.text) && !ENUMERATOR_ONLY.test(p.text.trim())) reasons.push('adds or changes a number');
  }
  return { vetoed: reasons.length > 0, reasons: [...new Set(reasons)] };
}

/** A passage that is only a list enumerator ("2.1.", "(iv)"): re-wrapping moves these in and out of line starts. */
export function isEnumeratorOnly(text: string): boolean {
  return ENUMERATOR_ONLY.test(text.trim());
}
