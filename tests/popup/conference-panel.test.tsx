// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { TalklogDb } from '../../src/db/database';
import { deleteTalks } from '../../src/db/deletion';
import { updateTalksDetails } from '../../src/db/library';
import { queuePlaylist } from '../../src/db/queue';
import type { ConferenceConnector } from '../../src/popup/conference-connector';
import { ConferencePanel } from '../../src/popup/ConferencePanel';
import type { TalkHere } from '../../src/talk/model';
import type { PlaylistHere, PlaylistRow, PlaylistSeen } from '../../src/talk/playlist';
import { Announcer, type Announcement } from '../../src/ui/Announcer';
import { useLiveQuery } from '../../src/ui/use-live-query';
import { capturedTalk, freshDb } from '../db/test-db';
import { holdFramesAndIdle } from '../ui/held-clock';
import { busyButFocusable } from '../ui/busy-control';
import { CONFERENCE_LIST, conferenceRows } from '../talk/conference-rows';

afterEach(cleanup);

const LIST = CONFERENCE_LIST;

function rows(count: number): PlaylistRow[] {
  return [
    ...conferenceRows(count),
    { videoId: 'kc21gone001', position: count + 1, title: '[Deleted video]', channel: null, durationSec: null, unavailable: 'deleted' },
  ];
}

function playlist(rowsRead: PlaylistRow[], size: number, complete: boolean): PlaylistSeen {
  return { id: LIST, title: 'KubeCon NA 2021', size, rows: rowsRead, complete };
}

/**
 * Stands in for the tab and the background (e2e drives the real ones): queueing reads `whole` and
 * queues it with the real queuePlaylist once the test calls `finishReading`; meanwhile the tab
 * shows `playlistHere`.
 */
function fakeTab(db: TalklogDb, talkHere: TalkHere, playlistHere: PlaylistHere, whole: PlaylistHere = playlistHere) {
  const state = { opened: [] as string[], playlistHere, finishReading: () => {} };
  const tab = { whatTalkIsHere: async () => talkHere, onPageChanged: () => () => {} };
  const connector: ConferenceConnector = {
    whatPlaylistIsHere: async () => state.playlistHere,
    async queuePlaylist(playlistId, event) {
      await new Promise<void>((resolve) => (state.finishReading = resolve));
      if (whole.kind !== 'playlist' || whole.playlist.id !== playlistId) throw new Error('The tab no longer shows this playlist.');
      const { rows, size, complete } = whole.playlist;
      return { ...(await queuePlaylist(db, whole.playlist, event)), read: rows.length, size, complete };
    },
    openHere: (url) => state.opened.push(url),
  };
  return { state, tab, connector };
}

function Page({ db, tab, connector }: { db: TalklogDb } & Pick<ReturnType<typeof fakeTab>, 'tab' | 'connector'>) {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  return (
    <>
      <ConferencePanel db={db} tab={tab} connector={connector} useLiveQuery={useLiveQuery} announce={setAnnouncement} />
      <Announcer announcement={announcement} />
    </>
  );
}

const noTalk: TalkHere = { kind: 'no-talk', reason: 'not-a-watch-page', videoId: null };

/** The panel on a tab showing `seen`: Queue talks pressed, the tab's reading let end, then the status is `says`. */
async function expectQueueingToSay(db: TalklogDb, seen: PlaylistSeen, says: string) {
  const fake = fakeTab(db, noTalk, { kind: 'playlist', playlist: seen });
  render(<Page db={db} {...fake} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Queue talks' }));
  fake.state.finishReading();
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe(says));
}

describe('on a playlist page', () => {
  test('shows its title and size; Queue talks reads it whole and says what was queued', async () => {
    const db = freshDb();
    const first = playlist(rows(100), 121, false);
    const fake = fakeTab(db, noTalk, { kind: 'playlist', playlist: first }, { kind: 'playlist', playlist: playlist(rows(120), 121, true) });
    render(<Page db={db} {...fake} />);
    expect(await screen.findByText('KubeCon NA 2021')).toBeTruthy();
    expect(screen.getByText('121 videos')).toBeTruthy();
    const event = screen.getByRole('textbox', { name: 'Event' }) as HTMLInputElement;
    expect(event.value).toBe('KubeCon NA 2021');
    fireEvent.input(event, { target: { value: 'KubeCon + CloudNativeCon NA 2021' } });
    const queueTalks = screen.getByRole('button', { name: 'Queue talks' });
    fireEvent.click(queueTalks);
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(busyButFocusable(queueTalks)).toBe(true);
    fake.state.playlistHere = { kind: 'playlist', playlist: playlist(rows(110), 121, false) };
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Reading the playlist: 111 of 121 videos…'));
    fake.state.finishReading();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('120 queued · 0 already in the library · 1 skipped (deleted, private or listed twice)'),
    );
    expect(await db.talks.where('event').equals('KubeCon + CloudNativeCon NA 2021').count()).toBe(120);
    // Queued: the playlist's queue is up next, in playlist order while nothing is rated.
    expect(await screen.findByRole('heading', { name: 'Up next in KubeCon + CloudNativeCon NA 2021' })).toBeTruthy();
    expect(screen.getByText('0 of 120 watched · 60 h 0 min left of the talks you kept')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Play next' }));
    expect(fake.state.opened).toEqual(['https://www.youtube.com/watch?v=kc21talk001']);
  });

  test('queued, its own event is up next, though its first video was queued before from another playlist', async () => {
    const db = freshDb();
    const keynotes = { ...playlist(rows(2), 3, true), id: 'PLkeynotes2024playlist', title: 'Keynotes 2024' };
    await queuePlaylist(db, keynotes, 'Keynotes 2024');
    const conf = { ...playlist([rows(1)[0], { ...rows(1)[0], videoId: 'conftalk001', position: 2 }], 2, true), title: 'Conf 2024' };
    const fake = fakeTab(db, noTalk, { kind: 'playlist', playlist: conf });
    render(<Page db={db} {...fake} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Queue talks' }));
    fake.state.finishReading();
    expect(await screen.findByRole('heading', { name: 'Up next in Conf 2024' })).toBeTruthy();
    expect(screen.getByText('0 of 1 watched · 30 min left of the talks you kept')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Talk 1' }).getAttribute('href')).toBe('https://www.youtube.com/watch?v=conftalk001');
  });

  test('queued again after new uploads: the Event box offers the event it was queued under, and the new talks go there', async () => {
    const db = freshDb();
    // Queued under the event's usual name, not the playlist's title.
    await queuePlaylist(db, playlist(rows(3), 4, true), 'KubeCon NA');
    const grown = playlist(rows(5), 6, true);
    const fake = fakeTab(db, noTalk, { kind: 'playlist', playlist: grown });
    render(<Page db={db} {...fake} />);
    expect(await screen.findByText('6 videos')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Event' }) as HTMLInputElement).value).toBe('KubeCon NA');
    fireEvent.click(screen.getByRole('button', { name: 'Queue talks' }));
    fake.state.finishReading();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('2 queued · 3 already in the library · 1 skipped (deleted, private or listed twice)'),
    );
    expect(new Set((await db.talks.toArray()).map((talk) => talk.event))).toEqual(new Set(['KubeCon NA']));
  });

  test('queued again after talks of it were deleted: they stay out, and the status says how to have one back', async () => {
    const db = freshDb();
    await queuePlaylist(db, playlist(rows(3), 4, true), 'KubeCon NA');
    await deleteTalks(db, ['t_kc21talk002', 't_kc21talk003']);
    await expectQueueingToSay(
      db,
      playlist(rows(3), 4, true),
      '0 queued · 1 already in the library · 1 skipped (deleted, private or listed twice) Left out: 2 you deleted before (clip one from its page to have it back).',
    );
    expect(await db.talks.count()).toBe(1);
  });

  test('a playlist YouTube stopped loading: what was read is queued, and the user is told', async () => {
    const db = freshDb();
    await expectQueueingToSay(
      db,
      playlist(rows(100), 121, false),
      '100 queued · 0 already in the library · 1 skipped (deleted, private or listed twice) YouTube loaded only 101 of 121 videos; those were queued. Queue again to add the rest.',
    );
  });

  test('an event typed past its limit is refused, as in the talk details, before the playlist is read', async () => {
    const db = freshDb();
    // YouTube's title for the playlist fills the box, cut to an event's limit as a page's text is.
    const long = { ...playlist(rows(3), 4, true), title: `KubeCon ${'+ CloudNativeCon '.repeat(20)}` };
    const fake = fakeTab(db, noTalk, { kind: 'playlist', playlist: long });
    const asked = vi.spyOn(fake.connector, 'queuePlaylist');
    render(<Page db={db} {...fake} />);
    const event = (await screen.findByRole('textbox', { name: 'Event' })) as HTMLInputElement;
    expect(event.value).toBe(`${long.title.slice(0, 199)}…`);
    fireEvent.input(event, { target: { value: `${event.value} 2021 and more` } });
    fireEvent.click(screen.getByRole('button', { name: 'Queue talks' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Could not queue the playlist: An event is at most 200 characters; this one has 214.'),
    );
    expect(asked).not.toHaveBeenCalled();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(await db.talks.count()).toBe(0);
  });

  test('the tab left the playlist meanwhile: an alert, nothing queued', async () => {
    const db = freshDb();
    const fake = fakeTab(db, noTalk, { kind: 'playlist', playlist: playlist(rows(3), 4, true) }, { kind: 'no-playlist' });
    render(<Page db={db} {...fake} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Queue talks' }));
    fake.state.finishReading();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not queue the playlist: The tab no longer shows this playlist.'));
    expect(await db.talks.count()).toBe(0);
  });
});

test('a queue cut off by the worker stopping says it goes on, never in the browser’s message-channel words', async () => {
  const db = freshDb();
  const fake = fakeTab(db, noTalk, { kind: 'playlist', playlist: playlist(rows(3), 4, true) });
  fake.connector.queuePlaylist = async () => {
    throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
  };
  render(<Page db={db} {...fake} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Queue talks' }));
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Talklog restarted while queueing the playlist/));
  expect(screen.getByRole('alert').textContent).not.toContain('message channel');
});

test('on a page with no talk the panel is drawn as the popup is: it waits for no frame or idle time', async () => {
  const clock = holdFramesAndIdle();
  try {
    // A fresh copy of the slot: the panel's code not loaded yet, as when a popup opens.
    vi.resetModules();
    const { ConferenceSlot } = await import('../../src/popup/ConferenceSlot');
    const db = freshDb();
    const fake = fakeTab(db, noTalk, { kind: 'playlist', playlist: playlist(rows(3), 3, true) });
    render(<ConferenceSlot db={db} tab={fake.tab} connector={fake.connector} announce={() => {}} main />);
    expect(await screen.findByText('KubeCon NA 2021')).toBeTruthy();
  } finally {
    clock.restore();
  }
});

describe('on a talk of a queued event', () => {
  async function queued(db: TalklogDb) {
    await queuePlaylist(db, playlist(rows(5), 6, true), 'KubeCon NA 2021');
    await updateTalksDetails(db, ['t_kc21talk004'], { interest: 5 });
    await updateTalksDetails(db, ['t_kc21talk002'], { interest: 5 });
    await updateTalksDetails(db, ['t_kc21talk003'], { status: 'skipped', interest: 5 });
  }
  const watching = (currentSec: number): TalkHere => ({
    kind: 'talk',
    talk: capturedTalk({ videoId: 'kc21talk001', url: 'https://www.youtube.com/watch?v=kc21talk001', durationSec: 1800, currentSec }),
  });

  test('Play next opens the highest rated talk still to watch, in playlist order, in the same tab', async () => {
    const db = freshDb();
    await queued(db);
    const fake = fakeTab(db, watching(60), { kind: 'no-playlist' });
    render(<Page db={db} {...fake} />);
    expect(await screen.findByRole('link', { name: 'Talk 2' })).toBeTruthy();
    expect(screen.getByText('0 of 5 watched · 2 h 0 min left of the talks you kept')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Play next' }));
    expect(fake.state.opened).toEqual(['https://www.youtube.com/watch?v=kc21talk002']);
    expect((await db.talks.get('t_kc21talk001'))?.status).toBe('to-watch');
  });

  test('a talk seen at 90 % or more when the popup opens becomes watched, once', async () => {
    const db = freshDb();
    await queued(db);
    render(<Page db={db} {...fakeTab(db, watching(1650), { kind: 'no-playlist' })} />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('“Talk 1” is watched: the player was at 90 % of it or more.'));
    expect((await db.talks.get('t_kc21talk001'))?.status).toBe('watched');
    expect(await screen.findByText('1 of 5 watched · 1 h 30 min left of the talks you kept')).toBeTruthy();
  });

  test('on the last talk left to watch, it says so, not that every talk is watched or skipped', async () => {
    const db = freshDb();
    await queued(db);
    await updateTalksDetails(db, ['t_kc21talk002', 't_kc21talk004', 't_kc21talk005'], { status: 'watched' });
    // Talk 1, the last one left, is playing in the tab: ten minutes into it.
    render(<Page db={db} {...fakeTab(db, watching(600), { kind: 'no-playlist' })} />);
    expect(await screen.findByText('3 of 5 watched · 30 min left of the talks you kept')).toBeTruthy();
    expect(screen.getByText('This is the last talk left to watch here.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Play next' })).toBeNull();
  });

  test('once the last talk is watched, nothing is left', async () => {
    const db = freshDb();
    await queued(db);
    await updateTalksDetails(db, ['t_kc21talk001', 't_kc21talk002', 't_kc21talk004', 't_kc21talk005'], { status: 'watched' });
    render(<Page db={db} {...fakeTab(db, watching(600), { kind: 'no-playlist' })} />);
    expect(await screen.findByText('Nothing left to watch here: every talk is watched or skipped.')).toBeTruthy();
  });
});
