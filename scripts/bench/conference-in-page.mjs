// Code the conference bench runs inside extension pages (passed to page.evaluate): each function is
// sent as source, so it uses nothing from outside its own body.

/** Clears Talklog's talks and notes, and sync's record of them, with the raw IndexedDB API: the next queue starts from nothing. */
export function clearLibrary() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('talklog');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const stores = ['talks', 'talkNotes', 'syncChanges', 'syncDeletions'].filter((name) => db.objectStoreNames.contains(name));
      if (stores.length === 0) {
        // Talklog has not opened its database yet in this profile: this open just made an empty one.
        db.close();
        const deletion = indexedDB.deleteDatabase('talklog');
        deletion.onsuccess = () => resolve(undefined);
        deletion.onerror = () => reject(deletion.error);
        return;
      }
      const tx = db.transaction(stores, 'readwrite');
      for (const name of stores) tx.objectStore(name).clear();
      tx.oncomplete = () => {
        db.close();
        resolve(undefined);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** How many talks Talklog has stored, read with the raw IndexedDB API. */
export function countTalks() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('talklog');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const count = open.result.transaction('talks').objectStore('talks').count();
      count.onsuccess = () => {
        open.result.close();
        resolve(count.result);
      };
      count.onerror = () => reject(count.error);
    };
  });
}

/**
 * In the popup: times a click on `Queue talks` (the click event's own timestamp) to the moment the
 * popup says what was queued, which it does once the background's transaction has committed.
 * `window.__benchQueued(timeoutMs)` resolves with `{ ms, text }`.
 */
export function installQueueProbe() {
  const button = [...document.querySelectorAll('button')].find((element) => element.textContent?.trim() === 'Queue talks');
  if (!button) throw new Error('No "Queue talks" button');
  const state = { clicked: null, done: null, text: null };
  button.addEventListener('click', (event) => (state.clicked = event.timeStamp), { capture: true, once: true });
  const observer = new MutationObserver(() => {
    const said = [...document.querySelectorAll('[role=status], [role=alert]')].map((element) => element.textContent?.trim() ?? '');
    const text = said.find((line) => /^\d+ queued|^Could not queue/.test(line));
    if (state.clicked !== null && text) {
      state.done = performance.now();
      state.text = text;
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  Object.assign(window, {
    __benchQueued(timeoutMs) {
      const began = performance.now();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (state.done !== null) resolve({ ms: state.done - state.clicked, text: state.text });
          else if (performance.now() - began > timeoutMs) reject(new Error('Queueing did not end in time'));
          else setTimeout(check, 20);
        };
        check();
      });
    },
  });
}

/** In the popup: the content script reads the tab's playlist whole, as the queue does first; returns its time and the playlist. */
export async function readWholePlaylist(tabId) {
  const start = performance.now();
  const here = await globalThis.chrome.tabs.sendMessage(tabId, { type: 'talklog/read-whole-playlist' });
  return { ms: performance.now() - start, playlist: here?.playlist ?? null };
}

/**
 * Installs the triage probe. For each armed key press it records the keydown's timestamp, the first
 * frame painted after the focus moved (requestAnimationFrame, then a task), and the frame after the
 * last DOM change the key caused (the rating shown, the status said), waiting for `quietMs` of quiet.
 */
export function installTriageProbe() {
  const afterNextPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });
  const state = { armed: false, keydown: null, focusPaint: null, lastMutation: null, paint: null };
  document.addEventListener(
    'keydown',
    (event) => {
      if (state.armed && state.keydown === null) state.keydown = event.timeStamp;
    },
    true,
  );
  document.addEventListener(
    'focusin',
    () => {
      if (state.armed && state.keydown !== null && state.focusPaint === null) afterNextPaint((at) => (state.focusPaint ??= at));
    },
    true,
  );
  new MutationObserver(() => {
    if (!state.armed || state.keydown === null) return;
    const at = performance.now();
    state.lastMutation = at;
    afterNextPaint((paintedAt) => {
      if (state.lastMutation === at) state.paint = paintedAt;
    });
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  Object.assign(window, {
    __triageArm() {
      Object.assign(state, { armed: true, keydown: null, focusPaint: null, lastMutation: null, paint: null });
    },
    /** Resolves once the screen has been quiet for `quietMs` after the key: `{ focus, settled, focusedText }`. */
    __triageSettled(quietMs = 250, timeoutMs = 5000) {
      const began = performance.now();
      return new Promise((resolve) => {
        const check = () => {
          const now = performance.now();
          const last = state.lastMutation ?? state.focusPaint;
          const painted = state.focusPaint !== null && (state.lastMutation === null || state.paint !== null);
          const quiet = painted && now - last >= quietMs;
          if (quiet || now - began > timeoutMs) {
            state.armed = false;
            const end = state.lastMutation === null ? state.focusPaint : state.paint;
            resolve({
              focus: state.keydown !== null && state.focusPaint !== null ? state.focusPaint - state.keydown : null,
              settled: state.keydown !== null && end !== null ? end - state.keydown : null,
              focusedText: document.activeElement?.textContent ?? null,
              timedOut: now - began > timeoutMs,
            });
          } else setTimeout(check, 20);
        };
        check();
      });
    },
  });
}

/**
 * The triage floor, in a bare page: a list of links where any key moves the focus to the next one.
 * @param {number} links
 */
export function installTriageFloor(links) {
  const list = document.body.appendChild(document.createElement('ul'));
  for (let i = 1; i <= links; i++) {
    const link = list.appendChild(document.createElement('li')).appendChild(document.createElement('a'));
    link.href = `#talk-${i}`;
    link.textContent = `Talk ${i}`;
  }
  list.addEventListener('keydown', (event) => {
    event.preventDefault();
    event.target.closest('li')?.nextElementSibling?.querySelector('a')?.focus();
  });
  list.querySelector('a').focus();
}
