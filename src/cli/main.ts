import { runAnalyze } from './analyze.js';
import { runCheck } from './check.js';
import { runLock } from './lock.js';
import { runSurveyCommand } from './survey.js';
import { USAGE, usageError } from './usage.js';

/** CLI entry: returns the exit code (0 pass, 1 policy violation, 2 usage or input error). */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'analyze':
      return runAnalyze(rest);
    case 'check':
      return runCheck(rest);
    case 'lock':
      return runLock(rest);
    case 'survey':
      return runSurveyCommand(rest);
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case '--version':
    case '-v':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    default:
      if (!cmd) {
        process.stderr.write(USAGE);
        return 2;
      }
      return usageError('', `unknown command ${JSON.stringify(cmd)}`);
  }
}

declare const __OML_VERSION__: string | undefined;
const VERSION = typeof __OML_VERSION__ === 'string' ? __OML_VERSION__ : '0.1.0';
