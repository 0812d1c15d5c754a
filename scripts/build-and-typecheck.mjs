#!/usr/bin/env node
// `npm test`'s first step: the build (tsup, then dist/build-data.js) and the type check (tsc --noEmit)
// side by side, since the build is mostly one core's work and tsc another's (about 15 s saved on the
// 2-core machine). Each one's output is printed when it ends, under its name; the step fails if either
// fails, naming which, with its exit code.
import { spawn } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
function run(name, steps) {
  return steps.reduce((prev, [cmd, args]) => prev.then((code) => code !== 0 ? code : new Promise((done) => {
    const out = [];
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => out.push(b));
    child.on('error', (e) => { out.push(Buffer.from(`${cmd}: ${e.message}\n`)); done(127); });
    child.on('close', (code, signal) => {
      process.stdout.write(`--- ${name}: ${cmd} ${args.join(' ')}\n${Buffer.concat(out).toString('utf8')}`);
      done(code ?? (signal ? 128 : 1));
    });
  })), Promise.resolve(0)).then((code) => ({ name, code }));
}

const results = await Promise.all([
  run('build', [[npx, ['tsup']], [process.execPath, ['dist/build-data.js']]]),
  run('typecheck', [[npx, ['tsc', '--noEmit']]]),
]);
const failed = results.filter((r) => r.code !== 0);
for (const r of failed) process.stderr.write(`build-and-typecheck: ${r.name} failed (exit ${r.code})\n`);
process.exit(failed.length ? 1 : 0);
