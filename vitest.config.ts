import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two groups, run one after the other:
 * - unit: every test file but the fuzz suite, two workers at a time (vitest's default is one
 *   worker per core minus one: a single worker on the 2-core machine, while many files wait on
 *   child processes such as the CLI or the recheck agent), and `isolate: false`, so the files a
 *   worker runs share loaded modules and data (rules, catalog, fingerprints) instead of
 *   re-importing them per file;
 * - timed: test/fuzz, whose hang guards measure time per input (CPU time of the test process, test/cpu-time.ts): one file at a time, each
 *   with fresh modules, after the unit group, so other test files never compete with them.
 */
export default defineConfig({
  test: {
    testTimeout: 30000,
    pool: 'forks',
    // the unit group's sharing must be set here: vitest 3.2 did not apply the unit project's own
    // `isolate: false` (each test file ran in a new process, reloading every module: 111 s of "collect"
    // in a 267 s run; with this, 35 s and 168 s). The timed project still isolates each file.
    poolOptions: { forks: { isolate: false } },
    maxWorkers: Math.max(2, availableParallelism() - 1),
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/fuzz/**'],
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'timed',
          include: ['test/fuzz/**/*.test.ts'],
          isolate: true,
          poolOptions: { forks: { singleFork: true, isolate: true } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
