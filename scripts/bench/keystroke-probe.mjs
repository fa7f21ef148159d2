// The keystroke probe the bench installs in a page (passed to page.evaluate; Chromium's and Firefox's benches):
// the app has no measurement hooks, so it watches keystrokes from outside, through the DOM and the event loop.

/**
 * Installs the keystroke probe. Each keystroke is armed, then typed for real (DevTools input events);
 * its latency runs from the keydown event's timestamp to the first frame painted after the last DOM
 * change it caused (requestAnimationFrame, then a task: the frame has been produced). A keystroke that
 * changes nothing on screen ends at the first frame after its input event.
 */
export function installKeystrokeProbe() {
  /** @param {(at: number) => void} callback */
  const afterNextPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });
  /** @typedef {{ armed: boolean, keydown: number | null, input: number | null, inputPaint: number | null, lastMutation: number | null, paint: number | null, mutations: number }} ProbeState */
  /** @type {ProbeState} */
  const state = { armed: false, keydown: null, input: null, inputPaint: null, lastMutation: null, paint: null, mutations: 0 };
  document.addEventListener(
    'keydown',
    (event) => {
      if (state.armed && state.keydown === null) state.keydown = event.timeStamp;
    },
    true,
  );
  document.addEventListener(
    'input',
    (event) => {
      if (!state.armed || state.input !== null) return;
      state.input = event.timeStamp;
      afterNextPaint((at) => (state.inputPaint = at));
    },
    true,
  );
  new MutationObserver(() => {
    if (!state.armed || state.input === null) return;
    state.mutations++;
    const at = performance.now();
    state.lastMutation = at;
    afterNextPaint((paintedAt) => {
      if (state.lastMutation === at) state.paint = paintedAt;
    });
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });

  // Event Timing, as a cross-check: the browser's own measure of an interaction (keydown → the frame
  // after its handlers), reported only from 16 ms, in steps of 8 ms.
  /** @type {{ name: string, startTime: number, duration: number, interactionId: number }[]} */
  const eventEntries = [];
  new PerformanceObserver((list) => {
    for (const entry of /** @type {(PerformanceEntry & { interactionId?: number })[]} */ (list.getEntries())) {
      if (entry.interactionId)
        eventEntries.push({ name: entry.name, startTime: entry.startTime, duration: entry.duration, interactionId: entry.interactionId });
    }
  }).observe(/** @type {PerformanceObserverInit} */ ({ type: 'event', durationThreshold: 16, buffered: true }));

  Object.assign(window, {
    __benchArm() {
      Object.assign(state, { armed: true, keydown: null, input: null, inputPaint: null, lastMutation: null, paint: null, mutations: 0 });
    },
    /** Waits until the screen has been quiet for `quietMs` after the keystroke; returns its figures. */
    __benchSettled(quietMs = 150, timeoutMs = 5000) {
      const began = performance.now();
      return new Promise((resolve) => {
        const check = () => {
          const now = performance.now();
          const last = state.lastMutation ?? state.input;
          const painted = state.lastMutation === null ? state.inputPaint !== null : state.paint !== null;
          if ((last !== null && painted && now - last >= quietMs) || now - began > timeoutMs) {
            state.armed = false;
            const start = state.keydown ?? state.input;
            const end = state.lastMutation === null ? state.inputPaint : state.paint;
            resolve({
              keydown: state.keydown,
              latency: start !== null && end !== null ? end - start : null,
              mutations: state.mutations,
              timedOut: now - began > timeoutMs,
            });
          } else setTimeout(check, 20);
        };
        check();
      });
    },
    /** Event Timing's figure for each keydown timestamp given: its interaction's longest entry, or 0 under 16 ms. */
    /** @param {number[]} keydowns */
    async __benchEventTiming(keydowns) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return keydowns.map((at) => {
        const keydown = eventEntries.find((entry) => entry.name === 'keydown' && Math.abs(entry.startTime - at) < 1);
        if (!keydown) return 0;
        return Math.max(...eventEntries.filter((entry) => entry.interactionId === keydown.interactionId).map((entry) => entry.duration));
      });
    },
  });
}
