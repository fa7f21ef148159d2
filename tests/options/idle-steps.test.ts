import { afterEach, expect, test, vi } from 'vitest';
import { aSliceATask, inIdleSteps } from '../../src/options/idle-steps';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

test('uses the whole of an idle period, in slices of about 8 ms that are tasks of their own, before asking for the next', async () => {
  // A clock that only the steps move, 3 ms a step; idle periods of 45 ms, one asked at a time.
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  const periods: number[] = [];
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => {
    const end = now + 45;
    periods.push(now);
    setTimeout(() => callback({ didTimeout: false, timeRemaining: () => Math.max(0, end - now) }));
    return periods.length;
  });
  let inTask = 0;
  const slices: number[] = [];
  let steps = 0;
  await new Promise<void>((done) => {
    inIdleSteps(() => {
      // A new task since the last step: a new slice.
      if (inTask === 0) slices.push(0);
      inTask++;
      queueMicrotask(() => (inTask = 0));
      slices[slices.length - 1] += 3;
      now += 3;
      if (++steps < 20) return false;
      done();
      return true;
    });
  });
  // 60 ms of steps: two idle periods (each used until less than a step's time is left), not one a slice.
  expect(periods).toEqual([0, 42]);
  expect(slices.length).toBeGreaterThan(periods.length);
  expect(Math.max(...slices)).toBeLessThanOrEqual(9);
});

test('aSliceATask runs a job a slice a task, and leaves it unfinished once stopped', async () => {
  const ran: string[] = [];
  function* job(): Generator<void, string> {
    for (const slice of ['a', 'b', 'c']) {
      ran.push(slice);
      // A slice's own microtasks run before the next slice: it is another task.
      queueMicrotask(() => ran.push(`${slice} done`));
      yield;
    }
    return 'whole';
  }
  await expect(aSliceATask(job(), () => false)).resolves.toBe('whole');
  expect(ran).toEqual(['a', 'a done', 'b', 'b done', 'c', 'c done']);

  ran.length = 0;
  let stopped = false;
  const running = aSliceATask(job(), () => stopped);
  stopped = true;
  await expect(running).resolves.toBeNull();
  expect(ran).toEqual(['a', 'a done']);
});
