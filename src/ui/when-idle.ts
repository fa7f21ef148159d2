/**
 * Runs `run` once the page is idle, or in a task of its own after `atMostMs` (where the browser has no
 * idle callbacks, at once); the returned function cancels it.
 */
export function whenIdle(run: (deadline?: IdleDeadline) => void, atMostMs?: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, atMostMs === undefined ? undefined : { timeout: atMostMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
}

/**
 * Runs `run` once the next frame is painted and the page is idle after it: for work a page can show without
 * (a badge, code that draws nothing yet, a watch for writes made elsewhere), so that it never stands
 * between the paint the user waits for and their first keystroke, which goes before idle work. Idle or
 * not, it runs at most `atMostMs` after that frame. The returned function cancels it.
 */
export function whenPaintedAndIdle(run: () => void, atMostMs = PAINTED_IDLE_WAIT_MS): () => void {
  let cancelIdle: (() => void) | undefined;
  // An idle callback asked for in a frame's callback runs after that frame, never in the wait before it.
  const frame = requestAnimationFrame(() => (cancelIdle = whenIdle(() => run(), atMostMs)));
  return () => {
    cancelAnimationFrame(frame);
    cancelIdle?.();
  };
}

/**
 * Runs `run` in a task of its own once the next frame is painted: for what marks that the user sees something
 * (`app-ready`). Not Preact's useEffect, which runs effects from one queue: a render made while an earlier render's
 * effects wait for their frame (between its rAF and its timeout) has its effects run with them, before its own
 * frame. The returned function cancels it.
 */
export function whenPainted(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Resolves as `whenPaintedAndIdle` runs: for loads, which are not called off. */
export function paintedAndIdle(): Promise<void> {
  return new Promise((resolve) => whenPaintedAndIdle(resolve));
}

/** A page seldom waits longer for idle time once painted; more, and the work runs as a task of its own. */
const PAINTED_IDLE_WAIT_MS = 200;
