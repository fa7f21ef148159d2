// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { storageDrafts } from '../../src/popup/drafts';
import { SidePanelApp } from '../../src/popup/SidePanelApp';
import type { TabFollower } from '../../src/popup/tab-connector';
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

/** A browser window's tabs: which is active, and page loads in them. */
function fakeWindow(pages: Record<number, TalkHere>) {
  const tabs = new Map(Object.entries(pages).map(([id, here]) => [Number(id), fakeTab(here)]));
  let activate: ((tabId: number) => void) | null = null;
  const loaded = new Map<number, () => void>();
  const follower: TabFollower = {
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
    activate: (tabId: number) => activate?.(tabId),
    load(tabId: number, here: TalkHere) {
      tabs.get(tabId)!.state.here = here;
      loaded.get(tabId)?.();
    },
  };
}

function renderSidePanel(follower: TabFollower, pinnedTabId: number | null, initialTabId: number | null) {
  const setup = { db: freshDb(), drafts: storageDrafts(localStorage), settings: DEFAULT_SETTINGS };
  render(<SidePanelApp setup={setup} tabs={follower} pinnedTabId={pinnedTabId} initialTabId={initialTabId} />);
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
  await waitFor(async () => expect((await db.notes.toArray()).map((note) => [note.talkId, note.body])).toEqual([['t_ThirdTalk01', 'worth it']]));
  expect((await db.talks.toArray()).map((talk) => talk.id)).toEqual(['t_ThirdTalk01']);

  browserWindow.activate(1);
  fireEvent.click(await screen.findByRole('button', { name: 'Clip' }));
  await screen.findByText(/In your library/);
  expect((await db.talks.toArray()).map((talk) => talk.id).sort()).toEqual(['t_Pr0meTheus1', 't_ThirdTalk01']);
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

test('pinned to a tab, it stays there when another tab becomes active', async () => {
  const browserWindow = fakeWindow({ 1: watching('Pr0meTheus1', 'Evolving Prometheus'), 2: watching('OpenMetr1cs', 'OpenMetrics') });
  renderSidePanel(browserWindow.follower, 1, 2);
  await screen.findByRole('heading', { name: 'Evolving Prometheus' });
  browserWindow.activate(2);
  browserWindow.load(1, watching('ThirdTalk01', 'A third talk'));
  await screen.findByRole('heading', { name: 'A third talk' });
  expect(screen.queryByRole('heading', { name: 'OpenMetrics' })).toBeNull();
});
