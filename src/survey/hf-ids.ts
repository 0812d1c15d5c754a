/**
 * Hugging Face model ids named in free text ("https://huggingface.co/org/name/..."),
 * found with a character scanner (no regular expression). Only model pages count:
 * datasets/, spaces/, docs/ and other site sections are skipped.
 */
const HOST = 'huggingface.co/';
const NOT_MODELS = new Set(['datasets', 'spaces', 'docs', 'blog', 'papers', 'collections', 'models', 'organizations', 'settings', 'join', 'login', 'pricing', 'learn', 'tasks']);
const MAX_IDS = 16;

const idChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95;

function segment(s: string, from: number): string {
  let i = from;
  while (i < s.length && i - from < 96 && idChar(s.charCodeAt(i))) i++;
  return s.slice(from, i);
}

/** Distinct `org/name` ids of the model pages linked in `text` (at most 16). */
export function hubModelIds(text: string): string[] {
  const out: string[] = [];
  let at = text.indexOf(HOST);
  while (at >= 0 && out.length < MAX_IDS) {
    const start = at + HOST.length;
    const org = segment(text, start);
    if (org && !NOT_MODELS.has(org.toLowerCase()) && text[start + org.length] === '/') {
      const name = segment(text, start + org.length + 1);
      const id = `${org}/${name.replace(/\.+$/, '')}`;
      if (name && !out.includes(id)) out.push(id);
    }
    at = text.indexOf(HOST, start);
  }
  return out;
}
