/** One way to read a command's arguments: positionals allowed, unknown options refused (the caller reports the error). */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function readArgs<O extends Options>(argv: string[], options: O):
  { args: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>; error?: undefined } | { error: string } {
  try {
    return { args: parseArgs({ args: argv, allowPositionals: true, options }) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
