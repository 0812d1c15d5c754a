import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../..');

/** The built CLI (dist/cli.js) run from the repository root, not on a TTY, colour variables unset unless given. */
export function oml(args: string[], opts: { input?: string | Buffer; env?: Record<string, string | undefined> } = {}): SpawnSyncReturns<string> {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), ...args], { cwd: REPO, encoding: 'utf8', input: opts.input, env: env as NodeJS.ProcessEnv, timeout: 60000 });
}

/**
 * The built CLI run without blocking the test worker (a synchronous spawn of a long run times out vitest's RPC):
 * `env` is added to this process's environment, `cwd` defaults to the repository root.
 */
export function omlAsync(args: string[], env: Record<string, string>, cwd: string = REPO): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(REPO, 'dist/cli.js'), ...args], { cwd, env: { ...process.env, ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
