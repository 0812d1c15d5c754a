import { describe, expect, it } from 'vitest';
import { cpuMs, cpuTimed } from './cpu-time.js';

describe('cpu-time (the hang guards\' clock)', () => {
  it('counts work done: a 60 ms busy loop reads at least 30 ms', () => {
    const ms = cpuMs(() => { const end = performance.now() + 60; while (performance.now() < end); });
    expect(ms).toBeGreaterThanOrEqual(30);
  });

  it('does not count waiting: a 200 ms sleep reads well under 100 ms', () => {
    const ms = cpuMs(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200));
    expect(ms).toBeLessThan(100);
  });

  it('cpuTimed returns the value or what was thrown, with the time', () => {
    expect(cpuTimed(() => 7).value).toBe(7);
    const r = cpuTimed(() => { throw new Error('x'); });
    expect((r.error as Error).message).toBe('x');
    expect(r.ms).toBeGreaterThanOrEqual(0);
  });
});
