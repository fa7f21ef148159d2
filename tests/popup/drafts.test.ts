// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { storageDrafts, type Draft } from '../../src/popup/drafts';

afterEach(() => localStorage.clear());

/** The window's `storage` event, as another page's write to the drafts fires it here. */
function writtenElsewhere(events: EventTarget, key: string, draft: Draft) {
  events.dispatchEvent(
    new StorageEvent('storage', { key: `talklog:draft:${key}`, newValue: JSON.stringify(draft), oldValue: null, storageArea: localStorage }),
  );
}

test('follows other pages from the moment the store is made, with one storage listener for the page however many boxes follow', () => {
  const events = new EventTarget();
  let added = 0;
  const counted = { addEventListener: (...args: Parameters<EventTarget['addEventListener']>) => (added++, events.addEventListener(...args)) };
  const drafts = storageDrafts(localStorage, counted);
  expect(added).toBe(1);

  const seen: string[] = [];
  const draft: Draft = { id: 'n_1', body: 'typed in the side panel', atSec: 12, editing: null };
  const stopNew = drafts.onChangedElsewhere('t_Pr0meTheus1:new', (changed) => seen.push(`new: ${changed?.body}`));
  const stopEdit = drafts.onChangedElsewhere('t_Pr0meTheus1:edit', (changed) => seen.push(`edit: ${changed?.body}`));
  writtenElsewhere(events, 't_Pr0meTheus1:new', draft);
  stopNew();
  writtenElsewhere(events, 't_Pr0meTheus1:new', draft);
  writtenElsewhere(events, 't_Pr0meTheus1:edit', draft);
  stopEdit();
  writtenElsewhere(events, 't_Pr0meTheus1:edit', draft);
  expect(seen).toEqual(['new: typed in the side panel', 'edit: typed in the side panel']);
  expect(added).toBe(1);
});
