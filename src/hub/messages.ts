/** What oml says when a model cannot be read from the Hub: the reason and the fix, in one sentence each. */
import { formatHubId, type HubId } from './id.js';
import type { HubSettings } from './settings.js';

export type FailureKind = 'gated' | 'not-found' | 'revision-not-found' | 'uncached';

export function failureText(kind: FailureKind, id: HubId, s: HubSettings, detail?: string): string {
  const name = formatHubId(id);
  const page = `${s.endpoint}/${id.repo}`;
  switch (kind) {
    case 'gated':
      return s.token
        ? `${name} is a gated model and the token in HF_TOKEN has no access (${detail ?? 'HTTP 403'}): accept the model's terms on ${page} with the account of that token, then run again`
        : `${name} is a gated model (${detail ?? 'HTTP 401'}): accept the model's terms on ${page}, create a read token, and set HF_TOKEN to it, then run again`;
    case 'not-found':
      return `${name} does not exist on ${s.endpoint} (${detail ?? 'HTTP 404'}), or it is private: set HF_TOKEN to a token that can read it`;
    case 'revision-not-found':
      return `${name}: the revision '${id.revision}' does not exist (${detail ?? 'HTTP 404'}); use a branch, a tag or a commit sha of the repository`;
    case 'uncached':
      return `${name} is not in the oml cache (${s.cacheDir}) and the run is offline (--offline or HF_HUB_OFFLINE): run once online (--online) to fetch it`;
  }
}
