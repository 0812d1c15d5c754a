import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../..');

/** The built CLI (dist/cli.js) run from the repository root, not on a TTY, colour variables unset unless given. */
export function oml(args: string[], opts: { input?: string | Buffer; env?: Record<string, string | undefined> } = {}): SpawnSyncReturns<string> {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), ...args], { cwd: REPO, encoding: 'utf8', input: opts.input, env: env as NodeJS.ProcessEnv, timeout: 60000 });
}
