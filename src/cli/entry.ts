/**
 * The CLI's code: built as one CommonJS file (dist/cli-bundle.cjs) that the bin (src/cli.ts,
 * dist/cli.js) runs with V8's code cache (./code-cache.ts).
 */
import { main } from './main.js';
import { oneLine } from '../report/escape.js';

// A reader that goes away (`oml check | head`) is not an error of the run: stop writing quietly and
// exit with the code the run has (or will have), never with a stack trace.
let pipeClosed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      pipeClosed = true;
      return;
    }
    throw e;
  });
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    if (!pipeClosed) process.stderr.write(`oml: internal error: ${oneLine(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
    process.exitCode = 2;
  },
);
