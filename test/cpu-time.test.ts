import { describe, expect, it } from 'vitest';
import { cpuMs, cpuSince, cpuTimed } from './cpu-time.js';

describe('cpu-time (the hang guards\' clock)', () => {
  it('counts work done: a busy loop reaches 30 ms of CPU long before 10 s of wall time', () => {
    // (a busy loop of fixed wall time reads less under load, when it waits for a core: 20 ms of 60 on a loaded CI
    // machine; so the loop runs until the clock under test reads 30 ms, and the wall clock only bounds a clock that
    // never advances)
    const wall = performance.now();
    const start = process.cpuUsage();
    let ms = 0;
    while (performance.now() - wall < 10_000 && (ms = cpuSince(start)) < 30);
    expect(ms).toBeGreaterThanOrEqual(30);
    expect(cpuMs(() => { let x = 0; for (let i = 0; i < 2e7; i++) x += i % 7; return x; })).toBeGreaterThan(0);
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
