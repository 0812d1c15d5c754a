/**
 * CPU time for hang guards. A guard that reads the wall clock fails when other processes load the machine
 * (CI on 2 cores, helpers running tests side by side): "took 4362 ms" of which most was waiting for a core.
 * The CPU time of this test process (user + system, process.cpuUsage; vitest runs each file in a forked
 * process) counts only work done here, so a bound against a hang or a quadratic blow-up holds under load.
 * It also counts V8's helper threads (garbage collection), so it can run a little above the wall time of an
 * unloaded machine. Not for waits (a read blocked on a FIFO uses no CPU): those keep a wall-clock bound.
 */

/** CPU milliseconds spent since `start` (a process.cpuUsage() reading). */
export function cpuSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** CPU milliseconds of one synchronous call. */
export function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  return cpuSince(start);
}

/** CPU milliseconds of one synchronous call, and its outcome (a value or what it threw). */
export function cpuTimed<T>(fn: () => T): { ms: number; value?: T; error?: unknown } {
  const start = process.cpuUsage();
  try {
    const value = fn();
    return { ms: cpuSince(start), value };
  } catch (error) {
    return { ms: cpuSince(start), error };
  }
}
