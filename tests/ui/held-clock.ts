import { vi } from 'vitest';

/**
 * The browser's frames and idle periods, run when the test says (`paint`, `idle`). Until restored,
 * Preact runs effects from its fallback timeout, frameless.
 */
export function holdFramesAndIdle() {
  const frames = new Map<number, FrameRequestCallback>();
  const idlers = new Map<number, IdleRequestCallback>();
  let lastId = 0;
  const spies = [
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => (frames.set(++lastId, callback), lastId)),
    vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => void frames.delete(id)),
  ];
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => (idlers.set(++lastId, callback), lastId));
  vi.stubGlobal('cancelIdleCallback', (id: number) => idlers.delete(id));
  const runAll = <T>(pending: Map<number, (argument: T) => void>, argument: T) => {
    const due = [...pending.values()];
    pending.clear();
    due.forEach((callback) => callback(argument));
  };
  return {
    /** Runs the frame callbacks asked for until now. */
    paint: () => runAll(frames, performance.now()),
    /** Runs the idle callbacks asked for until now. */
    idle: () => runAll(idlers, IDLE),
    /**
     * The frames held run now, and later ones as before; idle callbacks from now on run in a task of their
     * own, as in a browser with nothing else to do (they stay defined: Preact may call off a test's pending
     * work in the next test).
     */
    restore() {
      // A frame left held would leave Preact's 100 ms fallback timer behind it, which calls
      // `cancelAnimationFrame` after the test file's window may be gone (an uncaught ReferenceError).
      runAll(frames, performance.now());
      spies.forEach((spy) => spy.mockRestore());
      vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => setTimeout(() => callback(IDLE), 0));
      vi.stubGlobal('cancelIdleCallback', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
    },
  };
}

const IDLE: IdleDeadline = { didTimeout: false, timeRemaining: () => 50 };
