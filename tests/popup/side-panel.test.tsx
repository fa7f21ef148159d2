// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { allNotes } from '../../src/db/notes';
import { afterEach, expect, test } from 'vitest';
import { storageDrafts } from '../../src/popup/drafts';
import { SidePanelApp } from '../../src/popup/SidePanelApp';
import type { FirstLook } from '../../src/popup/page-setup';
import { newTalk, type TalkWithNotes } from '../../src/db/talks';
import type { TabFollower } from '../../src/popup/tab-follower';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import type { TalkHere } from '../../src/talk/model';
import { capturedTalk, freshDb } from '../db/test-db';
import { fakeTab } from './fake-tab';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const watching = (videoId: string, title: string): TalkHere => ({
  kind: 'talk',
  talk: capturedTalk({ videoId, url: `https://www.youtube.com/watch?v=${videoId}`, title }),
});

/**
 * A browser window's tabs: which is active (tab 1 at first), and page loads in them. The browser answers which tab
 * is active at once, or, with `holdAnswers`, when `answer()` is called (with the tab active when it was asked);
 * `answer()` settles once those who asked have heard the answer.
 */
function fakeWindow(pages: Record<number, TalkHere>, { holdAnswers = false } = {}) {
  const tabs = new Map(Object.entries(pages).map(([id, here]) => [Number(id), fakeTab(here)]));
  let active = 1;
  let activate: ((tabId: number) => void) | null = null;
  const held: { answer: () => void; answered: Promise<number | null> }[] = [];
  const loaded = new Map<number, () => void>();
  const follower: TabFollower = {
    activeTabId() {
      const asked = active;
      if (!holdAnswers) return Promise.resolve(asked);
      let answer = () => {};
      const answered = new Promise<number | null>((resolve) => (answer = () => resolve(asked)));
      held.push({ answer, answered });
      return answered;
    },
    onActiveTabChanged(listener) {
      activate = listener;
      return () => (activate = null);
    },
    onTabLoaded(tabId, listener) {
      loaded.set(tabId, listener);
      return () => loaded.delete(tabId);
    },
    connect: (tabId) => (tabId === null ? fakeTab({ kind: 'no-talk', reason: 'not-youtube', videoId: null }) : tabs.get(tabId)!).connector,
  };
  return {
    follower,
    /** The user selects a tab: the panel hears of it only if it listens by then. */
    activate(tabId: number) {
      active = tabId;
      activate?.(tabId);
    },
    /** Then-callbacks run in the order they were added: the asker's, added first, has run when this settles. */
    answer: () =>
      Promise.all(
        held.splice(0).map(({ answer, answered }) => {
          answer();
          return answered;
        }),
      ),
    load(tabId: number, here: TalkHere) {
      tabs.get(tabId)!.state.here = here;
      loaded.get(tabId)?.();
    },
  };
}

/** `initialTabId`: the tab the panel opens on (the pinned one when pinned), asked and read for as the page starts. */
function renderSidePanel(follower: TabFollower, pinnedTabId: number | null, initialTabId: number | null, read?: Promise<TalkWithNotes | null>) {
  const setup = { db: freshDb(), drafts: storageDrafts(localStorage), settings: DEFAULT_SETTINGS };
  const first: FirstLook = { tabId: initialTabId, connector: follower.connect(initialTabId), read: read ?? Promise.resolve(null) };
  render(<SidePanelApp setup={setup} tabs={follower} pinnedTabId={pinnedTabId} first={first} />);
  return setup.db;
}

test('following the tab is not clipping: a talk is clipped when the user writes a note on it or presses Clip', async () => {
  const browserWindow = fakeWindow({ 1: watching('Pr0meTheus1', 'Evolving Prometheus'), 2: watching('OpenMetr1cs', 'OpenMetrics') });
  const db = renderSidePanel(browserWindow.follower, null, 1);
  await screen.findByRole('heading', { name: 'Evolving Prometheus' });
  browserWindow.activate(2);
  await screen.findByRole('heading', { name: 'OpenMetrics' });
  browserWindow.load(2, watching('ThirdTalk01', 'A third talk'));
  await screen.findByRole('heading', { name: 'A third talk' });
  expect(await db.talks.count()).toBe(0);

  const box = await screen.findByRole('textbox', { name: 'Note' });
  fireEvent.input(box, { target: { value: 'worth it' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
  await waitFor(async () => expect((await allNotes(db)).map((note) => [note.talkId, note.body])).toEqual([['t_ThirdTalk01', 'worth it']]));
  expect((await db.talks.toArray()).map((talk) => talk.id)).toEqual(['t_ThirdTalk01']);

  browserWindow.activate(1);
  // Its own panel's Clip: the one before may still show its own, until its watch has read the clip the note made.
  await screen.findByRole('heading', { name: 'Evolving Prometheus' });
  fireEvent.click(screen.getByRole('button', { name: 'Clip' }));
  await screen.findByText(/In your library/);
  expect((await db.talks.toArray()).map((talk) => talk.id).sort()).toEqual(['t_Pr0meTheus1', 't_ThirdTalk01']);
});

test('Clip, gone once the talk is clipped, hands the focus on to the Note box, not to the page', async () => {
  const browserWindow = fakeWindow({ 1: watching('Pr0meTheus1', 'Evolving Prometheus') });
  renderSidePanel(browserWindow.follower, null, 1);
  const clip = await screen.findByRole('button', { name: 'Clip' });
  const noteBox = screen.getByRole('textbox', { name: 'Note' });
  // The Note box takes the focus as the panel opens: the keyboard moves it on from there.
  await waitFor(() => expect(document.activeElement).toBe(noteBox));
  clip.focus();
  fireEvent.click(clip);
  await screen.findByText(/In your library/);
  await waitFor(() => expect(document.activeElement).toBe(noteBox));
});

test('Clip hands the focus to the Note box as it is pressed: moved on before the talk is saved, it stays there', async () => {
  const browserWindow = fakeWindow({ 1: watching('Pr0meTheus1', 'Evolving Prometheus') });
  renderSidePanel(browserWindow.follower, null, 1);
  const clip = await screen.findByRole('button', { name: 'Clip' });
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Note' })));
  clip.focus();
  fireEvent.click(clip);
  // The user goes on (to the Library) while the talk is saved.
  const library = screen.getByRole('button', { name: 'Library' });
  library.focus();
  await screen.findByText(/In your library/);
  expect(document.activeElement).toBe(library);
});

test('follows the active tab of its window, and each page load in it', async () => {
  const browserWindow = fakeWindow({ 1: watching('Pr0meTheus1', 'Evolving Prometheus'), 2: watching('OpenMetr1cs', 'OpenMetrics') });
  renderSidePanel(browserWindow.follower, null, 1);
  await screen.findByRole('heading', { name: 'Evolving Prometheus' });
  browserWindow.activate(2);
  await screen.findByRole('heading', { name: 'OpenMetrics' });
  browserWindow.load(2, watching('ThirdTalk01', 'A third talk'));
  await screen.findByRole('heading', { name: 'A third talk' });
  expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['A third talk']);
});

test('a page loaded in the tab while a note is written leaves the note on its talk until saved; a tab switch does not wait', async () => {
  const browserWindow = fakeWindow({ 1: watching('Pr0meTheus1', 'Evolving Prometheus'), 2: watching('OpenMetr1cs', 'OpenMetrics') });
  const db = renderSidePanel(browserWindow.follower, null, 1);
  await screen.findByRole('heading', { name: 'Evolving Prometheus' });
  fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'the closing slide' } });
  browserWindow.load(1, watching('ThirdTalk01', 'A third talk'));
  await screen.findByRole('button', { name: 'Follow the tab' });
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Evolving Prometheus');
  fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
  await screen.findByRole('heading', { name: 'A third talk' });
  expect((await allNotes(db)).map((note) => [note.talkId, note.body])).toEqual([['t_Pr0meTheus1', 'the closing slide']]);

  // A tab the user selects is shown at once: the note typed on this one waits for them here.
  fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'half a thought' } });
  browserWindow.activate(2);
  await screen.findByRole('heading', { name: 'OpenMetrics' });
  expect(storageDrafts(localStorage).load('t_ThirdTalk01:new')?.body).toBe('half a thought');
});

test('a tab selected while the panel was starting, before it listened, is the one it shows', async () => {
  const browserWindow = fakeWindow({ 1: watching('Pr0meTheus1', 'Evolving Prometheus'), 2: watching('OpenMetr1cs', 'OpenMetrics') });
  // The page asked for the active tab (1) as it started; the user selected tab 2 before it was drawn.
  browserWindow.activate(2);
  renderSidePanel(browserWindow.follower, null, 1);
  await screen.findByRole('heading', { name: 'OpenMetrics' });
  expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['OpenMetrics']);
});

test('a tab selected after the panel asked which is active wins over that answer', async () => {
  const browserWindow = fakeWindow({ 1: watching('Pr0meTheus1', 'Evolving Prometheus'), 2: watching('OpenMetr1cs', 'OpenMetrics') }, { holdAnswers: true });
  renderSidePanel(browserWindow.follower, null, 1);
  await screen.findByRole('heading', { name: 'Evolving Prometheus' });
  browserWindow.activate(2);
  await screen.findByRole('heading', { name: 'OpenMetrics' });
  // The browser's answer, given before the switch (tab 1), arrives after it; any draw it asked for is flushed.
  await act(async () => {
    await browserWindow.answer();
  });
  expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['OpenMetrics']);
});

test('pinned to a tab, it stays there when another tab becomes active', async () => {
  const browserWindow = fakeWindow({ 1: watching('Pr0meTheus1', 'Evolving Prometheus'), 2: watching('OpenMetr1cs', 'OpenMetrics') });
  renderSidePanel(browserWindow.follower, 1, 1);
  await screen.findByRole('heading', { name: 'Evolving Prometheus' });
  browserWindow.activate(2);
  browserWindow.load(1, watching('ThirdTalk01', 'A third talk'));
  await screen.findByRole('heading', { name: 'A third talk' });
  expect(screen.queryByRole('heading', { name: 'OpenMetrics' })).toBeNull();
});

test('opens on the talk and notes read for the tab as the page started, not on a read of its own', async () => {
  const browserWindow = fakeWindow({ 1: watching('Pr0meTheus1', 'Evolving Prometheus'), 2: watching('OpenMetr1cs', 'OpenMetrics') });
  const talk = newTalk(capturedTalk(), new Date('2026-11-29T10:00:00Z'));
  const note = { id: 'n_early', talkId: talk.id, body: 'read as the page started', atSec: 12, createdAt: talk.createdAt, updatedAt: talk.createdAt };
  // The library itself is empty: the note shows only if the panel draws that read, until its live query reads the library.
  let shown = false;
  const watchPage = new MutationObserver(() => (shown ||= document.body.textContent?.includes('read as the page started') ?? false));
  watchPage.observe(document.body, { subtree: true, childList: true, characterData: true });
  renderSidePanel(browserWindow.follower, null, 1, Promise.resolve({ talkId: talk.id, talk, notes: [note] }));
  await screen.findByRole('heading', { name: 'Evolving Prometheus' });
  await waitFor(() => expect(shown).toBe(true));
  // That read is of the first page only: back on the tab later, the panel reads the library afresh.
  await waitFor(() => expect(screen.queryByText('read as the page started')).toBeNull());
  shown = false;
  browserWindow.activate(2);
  await screen.findByRole('heading', { name: 'OpenMetrics' });
  browserWindow.activate(1);
  await screen.findByRole('heading', { name: 'Evolving Prometheus' });
  expect(shown).toBe(false);
  watchPage.disconnect();
});
