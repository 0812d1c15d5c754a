import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    pool: 'forks',
    // vitest's default is one worker per core minus one: a single worker on the 2-core machine.
    // Many files wait on child processes (the CLI, the recheck agent), so two workers overlap them.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    minWorkers: 1,
    isolate: false,
  },
});
