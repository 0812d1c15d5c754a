/**
 * A hint for a PATH that does not exist but reads like a Hugging Face Hub
 * model URL (https://huggingface.co/org/name, hf.co/org/name/tree/rev):
 * oml names Hub models as hf:org/name[@rev]. Bare org/name and hf: ids are
 * already routed to the Hub by analyze-hub.ts; this covers the URL forms.
 */
import { parseRepoId } from '../hub/id.js';

const HOSTS = ['huggingface.co', 'www.huggingface.co', 'hf.co'];
const SCHEMES = ['https://', 'http://'];

export function hubUrlHint(arg: string): string | null {
  let rest = arg.trim();
  if (rest.length > 600) return null;
  for (const s of SCHEMES) if (rest.toLowerCase().startsWith(s)) rest = rest.slice(s.length);
  const slash = rest.indexOf('/');
  if (slash < 0 || !HOSTS.includes(rest.slice(0, slash).toLowerCase())) return null;
  const parts = rest.slice(slash + 1).split('/');
  if (parts[0] === 'models') parts.shift();
  const repo = parts.slice(0, 2).join('/');
  // .../tree/REV or .../blob/REV/FILE name a revision
  const rev = (parts[2] === 'tree' || parts[2] === 'blob') && parts[3] ? parts[3] : undefined;
  const id = parseRepoId(rev ? `${repo}@${rev}` : repo);
  if (!id) return null;
  const name = `hf:${id.repo}${rev ? `@${id.revision}` : ''}`;
  return `${arg.slice(0, 200)} looks like a Hugging Face Hub URL: analyse the model as ${name} (add --online to fetch it)`;
}
