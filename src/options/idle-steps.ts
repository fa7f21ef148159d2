import { whenIdle } from '../ui/when-idle';

/**
 * Runs `step` again and again while the page is idle, until it returns true: long work in steps of a
 * few milliseconds, a few steps at a time between frames and keystrokes. Where the browser has no idle
 * callbacks, one step a task.
 */
export function inIdleSteps(step: () => boolean): void {
  const run = (deadline?: IdleDeadline) => {
    const began = performance.now();
    do {
      if (step()) return;
      // An idle period may last 50 ms: a keystroke in it would wait for all of them.
    } while (deadline !== undefined && deadline.timeRemaining() > STEP_MS && performance.now() - began < SLICE_MS);
    // The rest of the idle period in slices of their own, a task each, between which input goes first: the next
    // idle callback comes only in the next idle period, and a slice a period took the search postings of 20,000
    // talks 4 s to build rather than 1.
    if (deadline !== undefined && deadline.timeRemaining() > STEP_MS) setTimeout(() => run(deadline));
    else whenIdle(run);
  };
  whenIdle(run);
}

/** About how long a step takes at most: another is begun only with this much idle time left. */
const STEP_MS = 4;
/** Steps run back to back for at most about this long, so that input waits no longer. */
const SLICE_MS = 8;
