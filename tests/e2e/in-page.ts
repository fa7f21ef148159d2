/**
 * Functions the end-to-end tests run inside a page, shared by both harnesses: Chromium through
 * Playwright and Firefox through WebDriver BiDi (Puppeteer). Each is sent to the page as source, so
 * it uses nothing from outside its own body.
 */

/** The page's app has rendered (it marks `app-ready`). */
export function appIsReady(): boolean {
  return performance.getEntriesByName('app-ready', 'mark').length > 0;
}

/** The stand-in's player has loaded the talk (or the page has no player), as a user would wait for. */
export function playerHasLoaded(): boolean {
  const video = document.querySelector<HTMLVideoElement>('#movie_player video');
  return !video || video.readyState >= HTMLMediaElement.HAVE_METADATA;
}

/** Moves the stand-in's player to a second of the talk. */
export function seekPlayer(seconds: number): void {
  document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = seconds;
}

/**
 * Every talk, or every note, Talklog holds, read with the raw IndexedDB API (in an extension page or
 * worker). Notes are kept a talk's in one record, in the `talkNotes` store.
 */
export function readAllRecords(records: 'talks' | 'notes'): Promise<unknown[]> {
  const store = records === 'notes' ? 'talkNotes' : records;
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('talklog');
    // No database yet (nothing saved): read nothing, and do not create an empty one.
    open.onupgradeneeded = () => {
      open.transaction!.abort();
      resolve([]);
    };
    open.onerror = () => (open.error?.name === 'AbortError' ? undefined : reject(open.error));
    open.onsuccess = () => {
      const read = open.result.transaction(store).objectStore(store).getAll();
      read.onsuccess = () => {
        open.result.close();
        resolve(records === 'notes' ? read.result.flatMap((record: { notes: unknown[] }) => record.notes) : read.result);
      };
      read.onerror = () => reject(read.error);
    };
  });
}
