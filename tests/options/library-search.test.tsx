// @vitest-environment happy-dom
import { cleanup, fireEvent, renderHook, screen, within } from '@testing-library/preact';
import { options, type VNode } from 'preact';
import { afterEach, expect, test, vi } from 'vitest';
import { libraryTables, type TalklogDb } from '../../src/db/database';
import { putNotes } from '../../src/db/notes';
import { whenIdle } from '../../src/ui/when-idle';
import { libraryEntry } from '../../src/options/library-filter';
import { SearchPostings } from '../../src/options/search-postings';
import { SearchVocabulary } from '../../src/options/search-vocabulary';
import { useListedOnceNotesRead } from '../../src/options/use-talk-notes';
import { makeNote } from '../export/records';
import { freshDb, numberedTalk, writeLibrary } from '../db/test-db';
import { kubeconLibrary, renderLibrary, rowOf, titles } from './library-harness';

afterEach(cleanup);

/**
 * Counts the reads of one talk's notes (what a row reads to show where it matched), from now on: `count`
 * those asked for, `done` those answered.
 */
async function countingTalkNotesReads(db: TalklogDb): Promise<{ count: number; done: number }> {
  const reads = { count: 0, done: 0 };
  // Dexie builds its stack of middlewares when the database opens.
  db.close();
  db.use({
    stack: 'dbcore',
    name: 'CountTalkNotesReads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'talkNotes') return table;
        return {
          ...table,
          get: (request) => {
            reads.count++;
            return table.get(request).then((found) => {
              reads.done++;
              return found;
            });
          },
          getMany: (request) => {
            reads.count += request.keys.length;
            return table.getMany(request).then((found) => {
              reads.done += request.keys.length;
              return found;
            });
          },
        };
      },
    }),
  });
  await db.open();
  return reads;
}

const snippets = () => [...document.querySelectorAll('.talk-row__snippet')].map((snippet) => snippet.textContent);

test('a search that matches in a note draws its rows once, each already showing where it matched', async () => {
  await renderLibrary(await kubeconLibrary());
  const search = screen.getByRole('searchbox', { name: 'Search' });
  fireEvent.input(search, { target: { value: 'openmetrics' } });
  expect(titles()).toEqual(['What You Need to Know About OpenMetrics']);

  // Every state the list goes through from here: never the talk without its excerpt.
  const states: string[] = [];
  const observer = new MutationObserver(() => states.push(`${titles().join()} | ${snippets().join()}`));
  observer.observe(screen.getByRole('list', { name: 'Talks' }), { subtree: true, childList: true, characterData: true });
  fireEvent.input(search, { target: { value: 'grafana agent' } });
  expect(await screen.findByRole('heading', { name: 'Evolving Prometheus for More Use Cases' })).toBeTruthy();
  expect(rowOf('Evolving Prometheus for More Use Cases').querySelector('.talk-row__snippet')?.textContent).toContain(
    'Prometheus Agent, based on Grafana Agent',
  );
  await Promise.resolve();
  observer.disconnect();
  expect(states.filter((state) => state.startsWith('Evolving') && !state.includes('Grafana Agent'))).toEqual([]);
  expect(screen.getByText('1 of 2 talks')).toBeTruthy();

  // The talks whose notes were just read are drawn at once, excerpt and all.
  fireEvent.input(search, { target: { value: 'grafana' } });
  expect(snippets()).toEqual(['In a note: Prometheus Agent, based on Grafana Agent']);
});

test("a keystroke that only moves a row's marks draws its words again, not its checkbox or its side column", async () => {
  await renderLibrary(await kubeconLibrary());
  const search = screen.getByRole('searchbox', { name: 'Search' });
  const row = rowOf('Evolving Prometheus for More Use Cases');
  // Words found in no note: the list is drawn at once, with no read of notes to wait for.
  fireEvent.input(search, { target: { value: 'evol' } });
  expect(row.querySelector('.talk-row__title mark')?.textContent).toBe('Evol');

  // The elements Preact compares in the next keystroke's draw, by class, through its own hook.
  const compared: string[] = [];
  const before = options.diffed;
  options.diffed = (vnode: VNode<{ class?: unknown }>) => {
    if (typeof vnode.type === 'string' && typeof vnode.props.class === 'string') compared.push(vnode.props.class);
    before?.(vnode);
  };
  try {
    fireEvent.input(search, { target: { value: 'evolv' } });
  } finally {
    options.diffed = before;
  }
  expect(row.querySelector('.talk-row__title mark')?.textContent).toBe('Evolv');
  expect(compared).toContain('talk-row__title');
  expect(compared.filter((name) => /^talk-row__(select|side|stars|buttons)/.test(name))).toEqual([]);

  // Still drawn again when what it shows changes: the row opened.
  fireEvent.click(within(row).getByRole('button', { name: 'Details' }));
  expect(within(row).getByRole('button', { name: 'Details' }).getAttribute('aria-expanded')).toBe('true');
});

test('a read of notes that comes back after a later keystroke never draws the earlier search', async () => {
  const db = await kubeconLibrary();
  await renderLibrary(db);
  const search = screen.getByRole('searchbox', { name: 'Search' });
  fireEvent.input(search, { target: { value: 'grafana agent' } });
  fireEvent.input(search, { target: { value: 'openmetrics' } });
  expect(titles()).toEqual(['What You Need to Know About OpenMetrics']);

  // A write over the notes starts only once every read of them begun before it is over: the first
  // keystroke's read is back when it is done.
  await db.transaction('rw', libraryTables(db), () => {});
  await Promise.resolve();
  expect(titles()).toEqual(['What You Need to Know About OpenMetrics']);
  expect(snippets()).toEqual([]);
  expect(screen.getByText('1 of 2 talks')).toBeTruthy();
});

test('once a search is drawn and the page is idle, typing on draws its rows with their excerpts without a read', async () => {
  const db = await kubeconLibrary();
  const reads = await countingTalkNotesReads(db);
  await renderLibrary(db);
  // The first screen read its talks' notes records for their counts; the search's reads count from here.
  reads.count = 0;
  const search = screen.getByRole('searchbox', { name: 'Search' });
  fireEvent.input(search, { target: { value: 'kubecon' } });
  expect(titles()).toHaveLength(2);
  // Neither talk matches in a note, so the search needed no read; the notes of the one with notes are read
  // while the page is idle.
  await vi.waitFor(() => expect(reads.count).toBe(1));
  await db.transaction('rw', libraryTables(db), () => {});
  await Promise.resolve();

  fireEvent.input(search, { target: { value: 'kubecon agent' } });
  expect(titles()).toEqual(['Evolving Prometheus for More Use Cases']);
  expect(snippets()).toEqual(['In a note: Prometheus Agent, based on Grafana Agent']);
  expect(reads.count).toBe(1);
});

test('a page at rest after a search keeps the notes of the rows it draws, not those the search read ahead', async () => {
  // Twelve talks whose notes say "agent", two rows drawn.
  const db = freshDb();
  const talks = Array.from({ length: 12 }, (_, i) => numberedTalk(i, new Date(Date.UTC(2026, 10, 20, i))));
  const notes = talks.map((talk) => makeNote(talk, `an agent for talk ${talk.videoId}`));
  await writeLibrary(db, async () => {
    await db.talks.bulkPut(talks);
    await putNotes(db, notes);
  });
  const reads = await countingTalkNotesReads(db);
  const vocabulary = new SearchVocabulary();
  const entries = talks.map((talk, i) => libraryEntry(talk, [notes[i]], vocabulary));
  const rows = { first: 0, count: 2 };
  const idle = () => new Promise<void>((resolve) => whenIdle(() => resolve()));
  const { rerender } = renderHook(({ words }: { words: string[] }) => useListedOnceNotesRead(db, entries, words, rows), {
    initialProps: { words: ['agent'] },
  });
  // The rows drawn, then every talk the next keystroke may draw (all match in their notes), answered: a
  // read still under way when the page lets go would keep its notes after.
  await vi.waitFor(() => expect(reads).toEqual({ count: 12, done: 12 }));

  // The search cleared, the page at rest: the read ahead wants the rows drawn only, and the page lets go of the rest.
  rerender({ words: [] });
  await idle();
  reads.count = 0;
  // Searched again, the rows drawn need no read before they are drawn; the others are read again, ahead.
  rerender({ words: ['agent'] });
  await vi.waitFor(() => expect(reads.count).toBe(10));
  await idle();
  expect(reads.count).toBe(10);
});

test('once the whole library is read, its search postings are built while the page is idle, before any search', async () => {
  const builder = vi.spyOn(SearchPostings, 'builder');
  try {
    await renderLibrary(await kubeconLibrary());
    // The first keystroke then finds its talks through them, not by looking at every talk's words.
    await vi.waitFor(() => expect(builder).toHaveBeenCalledOnce());
    expect(builder.mock.calls[0][0]).toHaveLength(2);
  } finally {
    builder.mockRestore();
  }
});

test('Find in page goes to the Search box first, and is the browser’s once there', async () => {
  await renderLibrary(await kubeconLibrary());
  const search = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search' });
  fireEvent.input(search, { target: { value: 'prometheus' } });
  rowOf('Evolving Prometheus for More Use Cases').querySelector('a')!.focus();

  const first = new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true, cancelable: true });
  document.activeElement!.dispatchEvent(first);
  expect(first.defaultPrevented).toBe(true);
  expect(document.activeElement).toBe(search);
  expect([search.selectionStart, search.selectionEnd]).toEqual([0, 'prometheus'.length]);

  // In the box already: the browser's own find, untouched.
  const again = new KeyboardEvent('keydown', { key: 'f', metaKey: true, bubbles: true, cancelable: true });
  search.dispatchEvent(again);
  expect(again.defaultPrevented).toBe(false);
  // Other keys with Ctrl are not taken.
  const other = new KeyboardEvent('keydown', { key: 'g', ctrlKey: true, bubbles: true, cancelable: true });
  document.body.dispatchEvent(other);
  expect(other.defaultPrevented).toBe(false);
});
