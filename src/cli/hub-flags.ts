/**
 * Command-line flags for the Hub (shared by analyze, check and lock):
 * --online, --offline, --cache-dir DIR. The environment (HF_ENDPOINT, HF_TOKEN,
 * HF_HUB_OFFLINE, OML_CACHE_DIR, ...) is read by hubSettings.
 */
import { existsSync } from 'node:fs';
import { parseHfArgument, parseRepoId, type HubId } from '../hub/id.js';
import { hubSettings, type HubSettings } from '../hub/settings.js';

export const HUB_OPTIONS = {
  online: { type: 'boolean', default: false },
  offline: { type: 'boolean', default: false },
  'cache-dir': { type: 'string' },
} as const;

export interface HubFlagValues { online?: boolean; offline?: boolean; 'cache-dir'?: string }

/** Settings from the flags; `online` says whether the network may be used (HF_HUB_OFFLINE=1 and --offline win). */
export function settingsFromFlags(v: HubFlagValues, onlineByDefault = false): { settings: HubSettings; online: boolean } | { error: string } {
  if (v.online && v.offline) return { error: '--online and --offline exclude each other' };
  try {
    const s = hubSettings({ cacheDir: v['cache-dir'], ...(v.offline ? { offline: true } : {}) });
    const online = !s.offline && (v.online === true || onlineByDefault);
    return { settings: { ...s, offline: !online }, online };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * Is a command-line argument a Hub model? `hf:org/name[@rev]` always; a bare
 * `org/name[@rev]` only when no such local path exists.
 */
export function hubArgument(arg: string): HubId | { error: string } | null {
  const hf = parseHfArgument(arg);
  if (hf) return hf;
  if (existsSync(arg)) return null;
  return parseRepoId(arg);
}
