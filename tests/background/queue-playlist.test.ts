import { expect, test } from 'vitest';
import { finishUnfinishedQueues, queuePlaylistInTab, type QueueEnvironment } from '../../src/background/queue-playlist';
import type { PageToBackgroundRequest } from '../../src/messages/messages';
import type { PlaylistHere } from '../../src/talk/playlist';
import { freshDb } from '../db/test-db';
import { CONFERENCE_LIST, conferenceRows } from '../talk/conference-rows';

const TAB = 12;
const LIST = CONFERENCE_LIST;
const REQUEST: PageToBackgroundRequest = { type: 'talklog/queue-playlist', tabId: TAB, playlistId: LIST, event: 'KubeCon NA 2021' };

const wholePlaylist = (count: number): PlaylistHere => ({
  kind: 'playlist',
  playlist: { id: LIST, title: 'KubeCon NA 2021', size: count, rows: conferenceRows(count), complete: true },
});

/** A worker's surroundings: the real database, a journal in memory (session storage outlives the worker), the tab as `here`. */
function worker(here: () => Promise<PlaylistHere>, journal = new Map<string, PageToBackgroundRequest>()) {
  const seen = { journalWhileReading: [] as PageToBackgroundRequest[][] };
  const env: QueueEnvironment = {
    db: freshDb(),
    journal: {
      add: async (request) => void journal.set(`${request.tabId} ${request.playlistId}`, request),
      remove: async (request) => void journal.delete(`${request.tabId} ${request.playlistId}`),
      all: async () => [...journal.values()],
    },
    readWholePlaylist: async (tabId) => {
      expect(tabId).toBe(TAB);
      seen.journalWhileReading.push([...journal.values()]);
      return here();
    },
  };
  return { env, journal, seen };
}

test('the request is in the journal while the tab reads the playlist, and leaves it once queued', async () => {
  const { env, journal, seen } = worker(async () => wholePlaylist(5));
  expect(await queuePlaylistInTab(env, REQUEST)).toMatchObject({ queued: 5, read: 5, complete: true });
  expect(seen.journalWhileReading).toEqual([[REQUEST]]);
  expect(journal.size).toBe(0);
});

test('a queue the stopped worker left in the journal is queued when the worker starts again, and leaves it', async () => {
  // The last worker wrote the request down and stopped while the tab was reading the playlist.
  const journal = new Map([[`${TAB} ${LIST}`, REQUEST]]);
  const { env } = worker(async () => wholePlaylist(208), journal);
  expect(await finishUnfinishedQueues(env, await env.journal.all())).toEqual([expect.objectContaining({ queued: 208 })]);
  expect(await env.db.talks.where('event').equals('KubeCon NA 2021').count()).toBe(208);
  expect(journal.size).toBe(0);
});

test('a queue resumed after part of it was stored adds only what is new', async () => {
  const { env } = worker(async () => wholePlaylist(208));
  await queuePlaylistInTab(env, REQUEST);
  expect(await finishUnfinishedQueues(env, [REQUEST])).toEqual([expect.objectContaining({ queued: 0, alreadyInLibrary: 208 })]);
  expect(await env.db.talks.count()).toBe(208);
});

test('a resumed queue whose tab left the playlist queues nothing and leaves the journal', async () => {
  const journal = new Map([[`${TAB} ${LIST}`, REQUEST]]);
  const { env } = worker(async () => ({ kind: 'no-playlist' }), journal);
  expect(await finishUnfinishedQueues(env, await env.journal.all())).toEqual([null]);
  expect(await env.db.talks.count()).toBe(0);
  expect(journal.size).toBe(0);
});
