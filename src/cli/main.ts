import { USAGE, printHelp, usageError, wantsHelp, type Command } from './usage.js';
import { packageVersion } from '../version.js';

// Each command is loaded when it runs: `oml analyze` never compiles the survey, the policy runner, the
// report renderers or the Hub client (start-up time, README "Performance").
const COMMANDS: Record<Command, (argv: string[]) => Promise<number>> = {
  analyze: async (argv) => (await import('./analyze.js')).runAnalyze(argv),
  check: async (argv) => (await import('./check.js')).runCheck(argv),
  lock: async (argv) => (await import('./lock.js')).runLock(argv),
  survey: async (argv) => (await import('./survey.js')).runSurveyCommand(argv),
};

function isCommand(cmd: string): cmd is Command {
  return Object.hasOwn(COMMANDS, cmd);
}

/** CLI entry: returns the exit code (0 pass, 1 policy violation, 2 usage or input error). */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd !== undefined && isCommand(cmd)) {
    // `oml COMMAND --help` wins over every other argument: help is never a usage error
    if (wantsHelp(rest)) return printHelp(cmd);
    return COMMANDS[cmd](rest);
  }
  switch (cmd) {
    case '-h':
    case '--help':
    case 'help': {
      const topic = rest[0];
      if (topic !== undefined && isCommand(topic)) return printHelp(topic);
      process.stdout.write(USAGE);
      return 0;
    }
    case '--version':
    case '-v':
    case 'version':
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    default:
      if (!cmd) {
        process.stderr.write(USAGE);
        return 2;
      }
      return usageError('', `unknown command ${JSON.stringify(cmd)}`);
  }
}
