/**
 * Veto rules: an added passage that carries a version number, another
 * license's name, or a restriction is never a harmless template variation.
 */
const VERSION = /\b(?:v(?:ersion)?\s?\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)?)\b/i;
const LICENSE_NAME = /\b(?:MIT|Apache|GPL|LGPL|AGPL|BSD|MPL|Mozilla|Creative Commons|CC[- ]BY|OpenRAIL|RAIL|Llama|Gemma|Qwen|DeepSeek|Falcon|Mistral|Kimi|MiniMax|NVIDIA|Stability|FLUX)\b/;
const RESTRICTION = /\b(?:not|no|never|only|prohibit\w*|restrict\w*|forbid\w*|must|shall|may|required?|revenue|users|commercial|non-commercial|noncommercial|fees?|royalt\w*|terminat\w*|display|attribution)\b/i;

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
  }
  return { vetoed: reasons.length > 0, reasons: [...new Set(reasons)] };
}
