// Code the bench runs inside the library page (passed to page.evaluate): the app has no measurement
// hooks besides `app-ready`, so these watch it from outside, through the DOM and the event loop.

/**
 * One full markdown export as a user does it: `Export markdown`, the dialog painted, the log made
 * (in a worker; `Download` enabled), then `Download`. Times are from the click on `Export markdown`.
 */
export async function exportOnce() {
  const afterNextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  const buttonNamed = (root, name) => [...root.querySelectorAll('button')].find((button) => button.textContent.trim() === name);
  const openButton = buttonNamed(document, 'Export markdown');
  if (!openButton) throw new Error('No "Export markdown" button');
  const findDownload = () => {
    const dialog = document.querySelector('dialog[open]');
    return dialog ? buttonNamed(dialog, 'Download') : undefined;
  };
  const dialogShown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const button = findDownload();
      if (button) {
        observer.disconnect();
        resolve({ button, at: performance.now() });
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const start = performance.now();
  openButton.click();
  const shown = await dialogShown;
  const painted = await afterNextPaint();
  // The log is made off the page; Download is enabled once it is.
  const ready = await new Promise((resolve) => {
    const check = () => (shown.button.disabled ? requestAnimationFrame(check) : resolve(performance.now()));
    check();
  });
  const downloadStart = performance.now();
  shown.button.click();
  const downloadEnd = performance.now();
  return {
    dialogOpen: shown.at - start,
    dialogPainted: painted - start,
    ready: ready - start,
    downloadHandler: downloadEnd - downloadStart,
    total: ready - start + (downloadEnd - downloadStart),
  };
}

/** Closes the export dialog and waits until it is gone. */
export async function closeExportDialog() {
  document.querySelector('dialog[open]')?.close();
  const deadline = performance.now() + 5000;
  while (document.querySelector('dialog') && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** JSON.stringify of every talk and note, read with the raw IndexedDB API in this page: the export's floor. */
export async function stringifyFloor(runs) {
  const readAll = (name) =>
    new Promise((resolve, reject) => {
      const open = indexedDB.open('talklog');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const read = open.result.transaction(name).objectStore(name).getAll();
        read.onsuccess = () => {
          open.result.close();
          resolve(read.result);
        };
        read.onerror = () => reject(read.error);
      };
    });
  const talks = await readAll('talks');
  const notes = (await readAll('talkNotes')).flatMap((record) => record.notes);
  const times = [];
  let chars = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    chars = JSON.stringify({ talks, notes }).length;
    times.push(performance.now() - start);
  }
  return { talks: talks.length, notes: notes.length, times, chars };
}

/** Starts collecting the page's long tasks (over 50 ms, the browser's own Long Tasks API). */
export function installLongTaskProbe() {
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
}

/** The longest task since the probe was installed or last read (0: none over 50 ms); starts afresh. */
export function takeLongestTask() {
  const longest = Math.max(0, ...window.__benchLongTasks);
  window.__benchLongTasks = [];
  return longest;
}

/**
 * Times an import's phases as the library page shows them: from the file chosen (the input's `change`)
 * to its progress bar first showing progress (the worker has read and checked the file and starts writing;
 * until then the bar shows none), to the bar gone (the import's transaction is done), and to the frame
 * that paints the page saying what it imported, or that nothing was (`message`; requestAnimationFrame,
 * then a task).
 */
export function installImportProbe() {
  const phases = { chosen: null, writing: null, written: null, message: null, said: null };
  document.addEventListener('change', (event) => (phases.chosen ??= event.timeStamp), true);
  new MutationObserver(() => {
    const bar = document.querySelector('progress[aria-label="Import progress"]');
    if (bar?.hasAttribute('value') && phases.writing === null) phases.writing = performance.now();
    if (!bar && phases.writing !== null) phases.written ??= performance.now();
    if (phases.message !== null) return;
    const texts = [...document.querySelectorAll('[role=status], [role=alert]')].map((region) => region.textContent.trim());
    phases.message = texts.find((text) => /^(Imported |Nothing was imported)/.test(text)) ?? null;
    if (phases.message !== null) requestAnimationFrame(() => setTimeout(() => (phases.said = performance.now())));
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  window.__benchImportPhases = phases;
}

/** The library's talk list as drawn now (its rows and their places), for `installRowsFloor`. */
export function talkListHtml() {
  return document.querySelector('ul.talk-list').outerHTML;
}

/**
 * The floor for a search keystroke: the library's own rows with none of Talklog's code. The library page, once it has
 * read everything, is frozen (its body replaced by a copy, which no listener of the app's hears); each value the
 * `Search` box takes then puts the list the library drew for it (`lists`, from `talkListHtml`) in place with the
 * fewest changes: rows kept by the talk they name, and in a kept row only the attributes and text that differ.
 * @param {Record<string, string>} lists
 */
export function installRowsFloor(lists) {
  document.body.replaceWith(document.body.cloneNode(true));
  const box = document.querySelector('input[type="search"][aria-label="Search"]');
  const template = document.createElement('template');
  const morphChildren = (have, wanted) => {
    const from = [...have.childNodes];
    const to = [...wanted.childNodes];
    to.forEach((node, i) => {
      const old = from[i];
      if (!old) return have.appendChild(node);
      if (old.nodeName !== node.nodeName) return have.replaceChild(node, old);
      if (old.nodeType === Node.TEXT_NODE) {
        if (old.data !== node.data) old.data = node.data;
        return;
      }
      if (old.nodeType !== Node.ELEMENT_NODE) return;
      morphAttributes(old, node);
      morphChildren(old, node);
    });
    for (const extra of from.slice(to.length)) extra.remove();
  };
  const morphAttributes = (old, node) => {
    for (const name of node.getAttributeNames()) if (old.getAttribute(name) !== node.getAttribute(name)) old.setAttribute(name, node.getAttribute(name));
    for (const name of old.getAttributeNames()) if (!node.hasAttribute(name)) old.removeAttribute(name);
  };
  const show = (html) => {
    template.innerHTML = html;
    const next = template.content.firstElementChild;
    const list = document.querySelector('ul.talk-list');
    morphAttributes(list, next);
    const rows = new Map([...list.children].map((row) => [row.getAttribute('aria-labelledby'), row]));
    let previous = null;
    // Each row is taken out of the new list as it is placed.
    for (let row = next.firstElementChild; row; row = next.firstElementChild) {
      row.remove();
      const key = row.getAttribute('aria-labelledby');
      const kept = rows.get(key);
      rows.delete(key);
      if (kept) {
        morphAttributes(kept, row);
        morphChildren(kept, row);
      }
      const node = kept ?? row;
      const place = previous ? previous.nextSibling : list.firstChild;
      if (place !== node) list.insertBefore(node, place);
      previous = node;
    }
    for (const gone of rows.values()) gone.remove();
  };
  box.addEventListener('input', () => {
    if (box.value in lists) show(lists[box.value]);
  });
}

/**
 * What each part of the library's rows costs the browser to draw: the library page, once it has read everything, is
 * frozen as for `installRowsFloor`; then, in a frame of its own, each list of `lists` replaces the rows drawn (as a
 * keystroke that brings new talks does), and the time from that change to the task after the frame is taken. Each
 * round draws every list once under each of `parts` (a stylesheet that takes a part of each row away), in an order
 * that alternates. Returns the times by part.
 * @param {{ lists: string[], parts: Record<string, string>, rounds: number }} args
 */
export async function rowPartsFrames({ lists, parts, rounds }) {
  document.body.replaceWith(document.body.cloneNode(true));
  const list = document.querySelector('ul.talk-list');
  const template = document.createElement('template');
  const style = document.head.appendChild(document.createElement('style'));
  const frame = (html) =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        template.innerHTML = html;
        list.replaceChildren(...template.content.firstElementChild.children);
        const changed = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - changed);
        channel.port2.postMessage(null);
      }),
    );
  const names = Object.keys(parts);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      style.textContent = parts[name];
      for (const html of lists) times[name].push(await frame(html));
    }
  }
  return times;
}
