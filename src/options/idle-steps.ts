import { nextTask } from '../db/library-feed';
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

/**
 * Runs `job` a slice a task (a slice ends at each `yield`), the page free for paint and input in between;
 * resolves to what it returns, or to null once `stopped` says so between slices (the job is left unfinished).
 */
export async function aSliceATask<T>(job: Generator<void, T>, stopped: () => boolean): Promise<T | null> {
  for (let slice = job.next(); ; slice = job.next()) {
    if (slice.done) return slice.value;
    await nextTask();
    if (stopped()) return null;
  }
}
