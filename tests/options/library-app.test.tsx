// @vitest-environment happy-dom
import { Blob as NodeBlob } from 'node:buffer';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { importBackupFile } from '../../src/db/import-backup';
import { addNote, allNotes, notesForTalk, updateNoteBody } from '../../src/db/notes';
import { updateTalkDetails, updateTalksDetails } from '../../src/db/library';
import { addSlide } from '../../src/db/slides';
import { saveSyncedTalk } from '../../src/db/sync-store';
import { clipTalk, getTalk } from '../../src/db/talks';
import { createBackup, serializeBackup } from '../../src/export/backup';
import { LibraryApp } from '../../src/options/LibraryApp';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { mergeTalk } from '../../src/sync/merge';
import type { Note } from '../../src/talk/model';
import { SORT_STEP } from '../../src/options/sorted-runs';
import { deleteNote, deleteTalks } from '../../src/db/deletion';
import { capturedTalk, freshDb, numberedTalk, writeLibrary } from '../db/test-db';
import { fakeEnvironment, kubeconLibrary, NOW, readyButton, renderLibrary, rowOf, status, titles } from './library-harness';
import { busyButFocusable } from '../ui/busy-control';

afterEach(cleanup);

describe('the library', () => {
  test('lists every talk, newest first, and is marked ready', async () => {
    await renderLibrary(await kubeconLibrary());
    expect(titles()).toEqual(['What You Need to Know About OpenMetrics', 'Evolving Prometheus for More Use Cases']);
    await waitFor(() => expect(performance.getEntriesByName('app-ready', 'mark')).toHaveLength(1));
    const row = rowOf('Evolving Prometheus for More Use Cases');
    expect(row.textContent).toContain('Bartłomiej Płotka, Red Hat');
    expect(row.textContent).toContain('2 notes');
    // The stars are one image for screen readers, named with what they show.
    expect(within(row).getByRole('img', { name: 'Interest: 4 of 5 stars' }).textContent).toBe('★★★★☆');
  });

  test('draws talks that come into a page already up a part a frame: filters, list, rows; a page that opens, at once', async () => {
    // What the library looked like each time the page changed.
    const seen: { filters: boolean; rows: number | null; ready: boolean }[] = [];
    const watch = new MutationObserver(() => {
      const list = document.querySelector('ul[aria-label="Talks"]');
      seen.push({
        filters: document.querySelector('[role=search]') !== null,
        rows: list ? list.querySelectorAll(':scope > li').length : null,
        ready: performance.getEntriesByName('app-ready', 'mark').length > 0,
      });
    });
    watch.observe(document.body, { childList: true, subtree: true });
    const withFilters = () => seen.filter((look) => look.filters);
    try {
      // Opening: the filters and the list come with its rows, and the page is ready once they are painted.
      await renderLibrary(await kubeconLibrary());
      expect(withFilters()[0]).toEqual({ filters: true, rows: 2, ready: false });
      await waitFor(() => expect(performance.getEntriesByName('app-ready', 'mark')).toHaveLength(1));
      cleanup();
      // Talks coming into an empty library whose welcome is up: the filters first, then the list, then its rows
      // three at a time, up to those its window holds.
      seen.length = 0;
      const db = freshDb();
      render(<LibraryApp db={db} env={fakeEnvironment().env} />);
      await screen.findByRole('region', { name: 'Welcome to Talklog' });
      const talks = Array.from({ length: 40 }, (_, i) => numberedTalk(i, new Date(Date.UTC(2026, 0, 1, i))));
      await writeLibrary(db, () => db.talks.bulkAdd(talks));
      await screen.findByText('40 talks');
      // Until the rows stop coming: a part a frame, and a frame can take long on a busy machine.
      let drawn = -1;
      await waitFor(
        () => {
          const before = drawn;
          drawn = titles().length;
          expect(drawn > 3 && drawn === before).toBe(true);
        },
        { interval: 250, timeout: 10_000 },
      );
      const inWindow = titles().length;
      expect(inWindow).toBeLessThan(40);
      const looks = withFilters().map((look) => look.rows);
      expect(looks[0]).toBeNull();
      // Each count of rows the list went through, in turn.
      const threeAtATime = Array.from({ length: Math.ceil(inWindow / 3) }, (_, part) => part * 3);
      expect([...new Set(looks.filter((rows) => rows !== null))]).toEqual([...threeAtATime, inWindow]);
      expect(withFilters()[0].ready).toBe(true);
    } finally {
      watch.disconnect();
    }
  });

  test('a row reads each of its facts with its name, its tags under one label, its interest as one image', async () => {
    const db = await kubeconLibrary();
    await updateTalkDetails(db, 't_Pr0meTheus1', { tags: ['prometheus', 'scraping'] });
    await renderLibrary(db);
    const row = rowOf('Evolving Prometheus for More Use Cases');
    // As read out, and as copied: a space between facts.
    const text = (selector: string) => row.querySelector(selector)!.textContent;
    expect(text('.talk-row__byline')).toMatch(/^Speakers: Bartłomiej Płotka, Red Hat ▶Channel: CNCF \[Cloud Native Computing Foundation\] · \d+:\d\d$/);
    expect(text('.talk-row__facts')).toBe('Watching Event: KubeCon NA 2021 Category: Observability Tags: prometheus scraping ');
    expect(within(row).getByRole('img', { name: 'Interest: 4 of 5 stars' }).textContent).toBe('★★★★☆');
    // "Unrated" stays text that everyone reads.
    await updateTalkDetails(db, 't_Pr0meTheus1', { interest: 0 });
    await waitFor(() => expect(within(rowOf('Evolving Prometheus for More Use Cases')).queryByRole('img')).toBeNull());
    expect(rowOf('Evolving Prometheus for More Use Cases').querySelector('.talk-row__side')!.firstElementChild!.textContent).toBe('Unrated');
  });

  test("a row's note count follows notes added and deleted in another page", async () => {
    const db = await kubeconLibrary();
    await renderLibrary(db);
    const count = () => rowOf('Evolving Prometheus for More Use Cases').textContent;
    expect(count()).toContain('2 notes');
    const note = await addNote(db, 't_Pr0meTheus1', 'a third note', 120);
    await waitFor(() => expect(count()).toContain('3 notes'));
    await deleteNote(db, note);
    await waitFor(() => expect(count()).toContain('2 notes'));
  });

  test('the storage line comes with the first screen, its counts once the whole library is read', async () => {
    const looks: { rows: number; facts: string | null }[] = [];
    const watch = new MutationObserver(() =>
      looks.push({
        rows: document.querySelectorAll('ul[aria-label="Talks"] > li').length,
        facts: document.querySelector('.storage-summary__facts')?.textContent ?? null,
      }),
    );
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    try {
      await renderLibrary(await kubeconLibrary());
      await screen.findByText(/^2 talks · 2 notes/);
    } finally {
      watch.disconnect();
    }
    const withRows = looks.filter((look) => look.rows > 0);
    // Had it come with the counts, it would have pushed the first screen down the page.
    expect(withRows[0].facts).not.toBeNull();
    expect(withRows[0].facts).not.toMatch(/talks/);
  });

  test('says how much is stored, when the last backup was, and reminds gently when there is none', async () => {
    const { env } = fakeEnvironment();
    await renderLibrary(await kubeconLibrary(), env);
    await screen.findByText(/1\.2 MB stored/);
    expect(screen.getByText(/2 talks · 2 notes/).textContent).toContain('no backup yet');
    expect(screen.getByText(/You have notes but no backup yet/)).toBeTruthy();
  });

  test('filtered to one event, it says how far through the event the user is', async () => {
    const db = await kubeconLibrary();
    await renderLibrary(db);
    expect(screen.queryByText(/watched ·/)).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Event' }), { target: { value: 'KubeCon NA 2021' } });
    expect(screen.getByText(/watched ·/).textContent).toBe('0 of 2 watched · 1 h 3 min left of the talks you kept');
    await updateTalkDetails(db, 't_Pr0meTheus1', { status: 'watched' });
    await waitFor(() => expect(screen.getByText(/watched ·/).textContent).toBe('1 of 2 watched · 31 min left of the talks you kept'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Event' }), { target: { value: '' } });
    expect(screen.queryByText(/watched ·/)).toBeNull();
  });

  test('counts the slides kept with notes in the storage line', async () => {
    const db = await kubeconLibrary();
    const [note] = await allNotes(db);
    const image = new Blob(['frame'], { type: 'image/webp' });
    await addSlide(db, note.id, { talkId: note.talkId, atSec: 3, width: 1280, height: 720, type: 'image/webp', image, thumbnail: image });
    await renderLibrary(db);
    expect(await screen.findByText(/2 talks · 2 notes · 1 slide ·/)).toBeTruthy();
  });

  test('a recent backup needs no reminder', async () => {
    await renderLibrary(await kubeconLibrary(), fakeEnvironment(new Date('2026-11-20T10:00:00Z')).env);
    expect(screen.getByText(/last backup/).textContent).not.toContain('no backup');
    expect(screen.queryByText(/no backup yet|more than 30 days/)).toBeNull();
  });

  test('search matches note text and speakers, accents aside, and marks what matched', async () => {
    await renderLibrary(await kubeconLibrary());
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.input(search, { target: { value: 'plotka' } });
    expect(titles()).toEqual(['Evolving Prometheus for More Use Cases']);
    expect([...document.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Płotka']);
    fireEvent.input(search, { target: { value: 'grafana agent' } });
    expect(titles()).toEqual(['Evolving Prometheus for More Use Cases']);
    // Where it matched in a note shows once the row has read its notes.
    await waitFor(() =>
      expect(rowOf('Evolving Prometheus for More Use Cases').querySelector('.talk-row__snippet')?.textContent).toContain(
        'Prometheus Agent, based on Grafana Agent',
      ),
    );
    fireEvent.input(search, { target: { value: 'nothing like this' } });
    expect(titles()).toEqual([]);
    expect(screen.getByText(/No talk matches/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(titles()).toHaveLength(2);
  });

  test('search finds what changes after the page opened: notes added, edited or deleted elsewhere, talks clipped or deleted', async () => {
    const db = await kubeconLibrary();
    await renderLibrary(db);
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.input(search, { target: { value: 'exemplars' } });
    expect(titles()).toEqual([]);

    // As the popup would, in another page: the index follows without reading the whole library again.
    const note = await addNote(db, 't_OpenMetr1cs', 'exemplars link a metric to a trace', 95);
    await waitFor(() => expect(titles()).toEqual(['What You Need to Know About OpenMetrics']));
    await updateNoteBody(db, note, 'exemplars, again');
    await waitFor(() =>
      expect(rowOf('What You Need to Know About OpenMetrics').querySelector('.talk-row__snippet')?.textContent).toContain('exemplars, again'),
    );
    await deleteNote(db, note);
    await waitFor(() => expect(titles()).toEqual([]));

    fireEvent.input(search, { target: { value: 'ebpf' } });
    await clipTalk(db, capturedTalk({ videoId: 'eBPFtalk001', url: 'https://www.youtube.com/watch?v=eBPFtalk001', title: 'eBPF for Everyone', speakers: [] }));
    await waitFor(() => expect(titles()).toEqual(['eBPF for Everyone']));
    await deleteTalks(db, ['t_eBPFtalk001']);
    await waitFor(() => expect(titles()).toEqual([]));
    fireEvent.input(search, { target: { value: '' } });
    expect(screen.getByText('2 talks')).toBeTruthy();
  });

  test('search finds what sync wrote after the page opened, and forgets what it deleted', async () => {
    const db = await kubeconLibrary();
    await renderLibrary(db);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'kprobes' } });
    expect(titles()).toEqual([]);

    // Another device wrote a note about kprobes; sync applies its file here, as its own write.
    const talk = (await getTalk(db, 't_OpenMetr1cs'))!;
    const now = new Date('2026-11-29T12:00:00Z');
    const note: Note = {
      id: 'n_fromOtherDevice',
      talkId: talk.id,
      body: 'kprobes on every node',
      atSec: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const withNote = mergeTalk({ talk, notes: [note], deletions: [], base: null }, null, 'd_other', now).file!;
    await saveSyncedTalk(db, talk.id, { file: withNote, etag: '"1"', markdownPath: null }, (await db.syncChanges.get(talk.id))?.token ?? null);
    await waitFor(() => expect(titles()).toEqual(['What You Need to Know About OpenMetrics']));

    // Then that device deleted it: sync's write removes the note, and search no longer finds the talk.
    const without = mergeTalk({ talk, notes: [], deletions: [], base: null }, null, 'd_other', now).file!;
    await saveSyncedTalk(db, talk.id, { file: without, etag: '"2"', markdownPath: null }, (await db.syncChanges.get(talk.id))?.token ?? null);
    await waitFor(() => expect(titles()).toEqual([]));
    expect((await allNotes(db)).map((stored) => stored.id)).not.toContain(note.id);
  });

  test('a title is shown as text, never as markup', async () => {
    const db = freshDb();
    await clipTalk(db, capturedTalk({ title: '<img src=x onerror=alert(1)> **bold**' }));
    await renderLibrary(db);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'img' } });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('<img src=x onerror=alert(1)> **bold**');
    expect(document.querySelector('.talk-list img')).toBeNull();
  });

  test('a right-to-left title and the excerpt of a note that matched take their direction from their own words', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk({ title: 'مقدمة إلى Kubernetes - أحمد' }));
    await addNote(db, talk.id, 'שלום, עולם!', 60);
    await renderLibrary(db);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'שלום' } });
    expect(screen.getByRole('heading', { level: 2, name: 'مقدمة إلى Kubernetes - أحمد' }).getAttribute('dir')).toBe('auto');
    await waitFor(() => expect(document.querySelector('.talk-row__snippet')?.textContent).toContain('עולם'));
    expect(document.querySelector('.talk-row__snippet')?.getAttribute('dir')).toBe('auto');
    // Its label for screen readers, in the page's language, is left out of that: it has a direction of its own.
    expect(document.querySelector('.talk-row__snippet .visually-hidden')?.getAttribute('dir')).toBe('auto');
  });

  test('filters by event, category, status and interest, and sorts', async () => {
    await renderLibrary(await kubeconLibrary());
    const find = within(screen.getByRole('search', { name: 'Find talks' }));
    fireEvent.change(find.getByRole('combobox', { name: 'Category' }), { target: { value: 'Observability' } });
    expect(titles()).toEqual(['Evolving Prometheus for More Use Cases']);
    expect(screen.getByText('1 of 2 talks')).toBeTruthy();
    fireEvent.change(find.getByRole('combobox', { name: 'Category' }), { target: { value: '' } });
    fireEvent.change(find.getByRole('combobox', { name: 'Status' }), { target: { value: 'to-watch' } });
    expect(titles()).toEqual(['What You Need to Know About OpenMetrics']);
    fireEvent.change(find.getByRole('combobox', { name: 'Status' }), { target: { value: '' } });
    fireEvent.change(find.getByRole('combobox', { name: 'Interest' }), { target: { value: '5' } });
    expect(titles()).toEqual(['What You Need to Know About OpenMetrics']);
    fireEvent.change(find.getByRole('combobox', { name: 'Interest' }), { target: { value: '0' } });
    fireEvent.change(find.getByRole('combobox', { name: 'Tag' }), { target: { value: 'prometheus' } });
    expect(titles()).toEqual(['Evolving Prometheus for More Use Cases']);
    fireEvent.change(find.getByRole('combobox', { name: 'Tag' }), { target: { value: '' } });
    fireEvent.change(find.getByRole('combobox', { name: 'Sort' }), { target: { value: 'oldest' } });
    expect(titles()).toEqual(['Evolving Prometheus for More Use Cases', 'What You Need to Know About OpenMetrics']);
  });

  test('a filter value no talk has any more is dropped: the list is not left filtered by a choice nobody can see', async () => {
    const db = await kubeconLibrary();
    await renderLibrary(db);
    const event = within(screen.getByRole('search', { name: 'Find talks' })).getByRole<HTMLSelectElement>('combobox', { name: 'Event' });
    fireEvent.change(event, { target: { value: 'KubeCon NA 2021' } });
    expect(titles()).toHaveLength(2);
    // The event's name fixed on both talks (a bulk Set event, or another page): the value chosen is gone.
    await updateTalksDetails(db, ['t_Pr0meTheus1', 't_OpenMetr1cs'], { event: 'KubeCon NA 2022' });
    await waitFor(() => expect([...event.options].map((option) => option.value)).toEqual(['', 'KubeCon NA 2022']));
    // A browser shows the first choice, Any event, once the chosen one is gone: the list now says the same.
    await waitFor(() => expect(titles()).toHaveLength(2));
  });

  test('a large library sorted anew says it is busy until the new order is drawn', async () => {
    const db = freshDb();
    const count = SORT_STEP + 100;
    const talks = Array.from({ length: count }, (_, i) => ({ ...numberedTalk(i, new Date(Date.UTC(2026, 0, 1) - i * 60_000)), title: `Talk ${count - i}` }));
    await writeLibrary(db, () => db.talks.bulkAdd(talks));
    await renderLibrary(db);
    const list = screen.getByRole('list', { name: 'Talks' });
    expect(list.getAttribute('aria-busy')).toBe('false');
    const newestFirst = titles();
    const inTitleOrder = (shown: (string | null)[]) =>
      shown.join('\n') === [...shown].sort((a, b) => a!.localeCompare(b!, undefined, { numeric: true })).join('\n');
    expect(inTitleOrder(newestFirst)).toBe(false);
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'title' } });
    // Sorted in steps: the old order stays, marked busy, until the new one is drawn.
    expect(list.getAttribute('aria-busy')).toBe('true');
    expect(titles()).toEqual(newestFirst);
    await waitFor(() => expect(list.getAttribute('aria-busy')).toBe('false'));
    expect(inTitleOrder(titles())).toBe(true);
    // Over a thousand talks drawn in happy-dom: 5 s alone, three times that beside the other test files on 2 cores.
  }, 60_000);

  test('each row’s Details and Copy as markdown, named alike, are told apart by the talk’s title', async () => {
    await renderLibrary(await kubeconLibrary());
    for (const title of titles()) {
      for (const name of ['Details', 'Copy as markdown']) expect(screen.getByRole('button', { name, description: title! })).toBeTruthy();
    }
  });

  test('a talk changed in its open row stays listed under a filter it no longer matches, with the focus, until closed', async () => {
    const db = await kubeconLibrary();
    await renderLibrary(db);
    fireEvent.change(within(screen.getByRole('search', { name: 'Find talks' })).getByRole('combobox', { name: 'Status' }), { target: { value: 'to-watch' } });
    expect(titles()).toEqual(['What You Need to Know About OpenMetrics']);
    const row = rowOf('What You Need to Know About OpenMetrics');
    fireEvent.click(within(row).getByRole('button', { name: 'Details' }));
    const status = await within(row).findByRole('combobox', { name: 'Status' });
    status.focus();
    // The keyboard steps through the statuses: each step saves.
    fireEvent.change(status, { target: { value: 'watching' } });
    await waitFor(async () => expect((await db.talks.get('t_OpenMetr1cs'))?.status).toBe('watching'));
    fireEvent.change(status, { target: { value: 'watched' } });
    await waitFor(async () => expect((await db.talks.get('t_OpenMetr1cs'))?.status).toBe('watched'));
    expect(titles()).toEqual(['What You Need to Know About OpenMetrics']);
    expect(document.activeElement).toBe(status);
    // Closed, it leaves.
    fireEvent.click(within(row).getByRole('button', { name: 'Details' }));
    await waitFor(() => expect(titles()).toEqual([]));
  });

  test('a row kept open under a filter it does not match says so, and is left out of the count, Select all shown and the export', async () => {
    const { env, state } = fakeEnvironment();
    await renderLibrary(await kubeconLibrary(), env);
    const kept = rowOf('Evolving Prometheus for More Use Cases');
    fireEvent.click(within(kept).getByRole('button', { name: 'Details' }));
    await within(kept).findByRole('combobox', { name: 'Status' });
    fireEvent.change(within(screen.getByRole('search', { name: 'Find talks' })).getByRole('combobox', { name: 'Status' }), { target: { value: 'to-watch' } });

    expect(titles()).toContain('Evolving Prometheus for More Use Cases');
    expect(screen.getByText('1 of 2 talks')).toBeTruthy();
    const note = within(kept).getByText('Does not match the filters: kept while open');
    expect(kept.getAttribute('aria-describedby')).toBe(note.id);
    expect(rowOf('What You Need to Know About OpenMetrics').getAttribute('aria-describedby')).toBeNull();
    // Still a row of the list as the keyboard and a screen reader go through it.
    expect([...document.querySelectorAll('.talk-list > li')].map((row) => row.getAttribute('aria-setsize'))).toEqual(['2', '2']);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
    const bulk = within(await screen.findByRole('region', { name: 'Selected talks' }));
    expect(bulk.getByText('1 talk selected')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Select all shown' }) as HTMLInputElement).checked).toBe(true);
    // Its own box is neither ticked by Select all shown nor to be ticked by hand: the bulk actions would pass it over.
    const keptBox = within(kept).getByRole('checkbox', { name: 'Select Evolving Prometheus for More Use Cases' }) as HTMLInputElement;
    expect(keptBox.checked).toBe(false);
    expect(keptBox.disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Export markdown' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Export markdown' }));
    fireEvent.click(await readyButton(dialog, 'Download'));
    expect(state.downloads[0].data).toContain('OpenMetrics');
    expect(state.downloads[0].data).not.toContain('Evolving Prometheus');
  });

  test('a row that leaves the list with the focus in it hands the focus to the row that takes its place', async () => {
    const db = await kubeconLibrary();
    await renderLibrary(db);
    const first = rowOf('What You Need to Know About OpenMetrics');
    fireEvent.click(within(first).getByRole('button', { name: 'Details' }));
    fireEvent.change(await within(first).findByRole('combobox', { name: 'Status' }), { target: { value: 'skipped' } });
    await waitFor(async () => expect((await db.talks.get('t_OpenMetr1cs'))?.status).toBe('skipped'));
    fireEvent.change(within(screen.getByRole('search', { name: 'Find talks' })).getByRole('combobox', { name: 'Status' }), { target: { value: 'watching' } });
    // Still open: still listed.
    expect(titles()).toEqual(['What You Need to Know About OpenMetrics', 'Evolving Prometheus for More Use Cases']);
    const close = within(first).getByRole('button', { name: 'Details' });
    close.focus();
    fireEvent.click(close);
    await waitFor(() => expect(titles()).toEqual(['Evolving Prometheus for More Use Cases']));
    expect(document.activeElement).toBe(
      within(rowOf('Evolving Prometheus for More Use Cases')).getByRole('link', { name: 'Evolving Prometheus for More Use Cases' }),
    );
  });

  test('a talk opens to edit its details and notes in place', async () => {
    const db = await kubeconLibrary();
    await renderLibrary(db);
    const row = rowOf('Evolving Prometheus for More Use Cases');
    const details = within(row).getByRole('button', { name: 'Details' });
    expect(details.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    fireEvent.change(await within(row).findByRole('combobox', { name: 'Category' }), { target: { value: 'Metrics' } });
    await waitFor(async () => expect((await db.talks.get('t_Pr0meTheus1'))?.category).toBe('Metrics'));

    const notes = await within(row).findByRole('list', { name: 'Notes on Evolving Prometheus for More Use Cases' });
    expect(within(notes).getByRole('link', { name: 'Play from 4:12' }).getAttribute('href')).toBe('https://www.youtube.com/watch?v=Pr0meTheus1&t=252s');
    fireEvent.click(within(notes).getAllByRole('button', { name: 'Edit note' })[0]);
    const box = within(notes).getByRole('textbox', { name: 'Note' });
    fireEvent.input(box, { target: { value: 'new scrape limits, per job' } });
    fireEvent.click(within(notes).getByRole('button', { name: 'Save' }));
    await within(notes).findByText('new scrape limits, per job');
    expect(status()).toBe('Note updated.');

    fireEvent.click(within(notes).getAllByRole('button', { name: 'Delete note' })[0]);
    await waitFor(async () => expect(await allNotes(db)).toHaveLength(1));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await within(row).findByText('new scrape limits, per job');
    expect(await allNotes(db)).toHaveLength(2);
  });

  test('several selected talks get a category, event or status at once, or are deleted with undo', async () => {
    const db = await kubeconLibrary();
    await renderLibrary(db);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
    const bulk = within(screen.getByRole('region', { name: 'Selected talks' }));
    expect(bulk.getByText('2 talks selected')).toBeTruthy();
    fireEvent.input(bulk.getByRole('combobox', { name: 'Category' }), { target: { value: 'Observability' } });
    fireEvent.click(bulk.getByRole('button', { name: 'Set category' }));
    await waitFor(() => expect(status()).toBe('Category set to “Observability” for 2 talks.'));
    fireEvent.change(bulk.getByRole('combobox', { name: 'Status' }), { target: { value: 'watched' } });
    fireEvent.click(bulk.getByRole('button', { name: 'Set status' }));
    await waitFor(async () =>
      expect((await db.talks.toArray()).map((talk) => [talk.category, talk.status])).toEqual([
        ['Observability', 'watched'],
        ['Observability', 'watched'],
      ]),
    );

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select What You Need to Know About OpenMetrics' }));
    expect(bulk.getByText('1 talk selected')).toBeTruthy();
    fireEvent.click(bulk.getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(titles()).toEqual(['What You Need to Know About OpenMetrics']));
    expect(status()).toBe('Deleted 1 talk and 2 notes.');
    expect(await allNotes(db)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles()).toHaveLength(2));
    expect(await allNotes(db)).toHaveLength(2);
  });

  test('the focus is never left to the page: Undo hands it to the talk brought back, Clear selection and Clear filters to the list', async () => {
    const db = await kubeconLibrary();
    await renderLibrary(db);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Evolving Prometheus for More Use Cases' }));
    const bulk = within(screen.getByRole('region', { name: 'Selected talks' }));
    fireEvent.click(bulk.getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(titles()).toEqual(['What You Need to Know About OpenMetrics']));
    const undo = screen.getByRole('button', { name: 'Undo' });
    undo.focus();
    fireEvent.click(undo);
    await waitFor(() => expect(titles()).toHaveLength(2));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(rowOf('Evolving Prometheus for More Use Cases')).getByRole('link', { name: 'Evolving Prometheus for More Use Cases' }),
      ),
    );

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select What You Need to Know About OpenMetrics' }));
    const clear = screen.getByRole('button', { name: 'Clear selection' });
    clear.focus();
    fireEvent.click(clear);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Select all shown' })));

    fireEvent.change(within(screen.getByRole('search', { name: 'Find talks' })).getByRole('combobox', { name: 'Status' }), { target: { value: 'to-watch' } });
    const clearFilters = screen.getByRole('button', { name: 'Clear filters' });
    clearFilters.focus();
    fireEvent.click(clearFilters);
    await waitFor(() => expect(titles()).toHaveLength(2));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByRole('link', { name: titles()[0]! })[0]));
  });

  test('Copy as markdown puts one talk’s section on the clipboard', async () => {
    const { env, state } = fakeEnvironment();
    await renderLibrary(await kubeconLibrary(), env);
    fireEvent.click(within(rowOf('Evolving Prometheus for More Use Cases')).getByRole('button', { name: 'Copy as markdown' }));
    await waitFor(() => expect(state.copied).toHaveLength(1));
    expect(state.copied[0]).toBe(
      [
        '### [Evolving Prometheus for More Use Cases](https://www.youtube.com/watch?v=Pr0meTheus1)',
        'Bartłomiej Płotka, Red Hat · 31:20 · ★★★★☆',
        '',
        '- [4:12](https://www.youtube.com/watch?v=Pr0meTheus1&t=252s) new scrape limits: `sample_limit`',
        '- Prometheus Agent, based on Grafana Agent',
        '',
      ].join('\n'),
    );
    expect(status()).toBe('Copied “Evolving Prometheus for More Use Cases” as markdown.');
  });
});

describe('Export markdown', () => {
  test('opens a dialog to set up the talk log, previews it, downloads and copies it', async () => {
    const { env, state } = fakeEnvironment();
    await renderLibrary(await kubeconLibrary(), env);
    const opener = screen.getByRole('button', { name: 'Export markdown' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = within(await screen.findByRole('dialog', { name: 'Export markdown' }));
    const title = dialog.getByRole('textbox', { name: 'Title' }) as HTMLInputElement;
    expect(title.value).toBe('Talk log: KubeCon NA 2021');
    expect(document.activeElement).toBe(title);
    const preview = () => dialog.getByRole('region', { name: 'Preview' }).textContent!;
    await waitFor(() => expect(preview().startsWith('# Talk log: KubeCon NA 2021\n')).toBe(true));

    fireEvent.input(title, { target: { value: 'KubeCon, the good parts' } });
    fireEvent.input(dialog.getByRole('textbox', { name: 'Introduction' }), { target: { value: 'What I took home.' } });
    fireEvent.click(dialog.getByRole('checkbox', { name: 'Stars' }));
    fireEvent.click(dialog.getByRole('checkbox', { name: 'Timestamps' }));
    await waitFor(() => expect(preview()).toContain('# KubeCon, the good parts\n\nWhat I took home.\n\n## Standards'));
    expect(preview()).not.toContain('★');
    expect(preview()).toContain('- new scrape limits');

    const order = () => dialog.getAllByRole('listitem').map((item) => item.textContent!.replace(/[↑↓]/g, ''));
    expect(order()).toEqual(['Standards', 'Observability']);
    expect((dialog.getByRole('button', { name: 'Move Standards up' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(dialog.getByRole('button', { name: 'Move Standards down' }));
    expect(order()).toEqual(['Observability', 'Standards']);
    await waitFor(() => expect(document.activeElement).toBe(dialog.getByRole('button', { name: 'Move Standards up' })));
    await waitFor(() => expect(preview().indexOf('## Observability')).toBeLessThan(preview().indexOf('## Standards')));

    fireEvent.click(await readyButton(dialog, 'Download'));
    expect(state.downloads).toEqual([{ fileName: 'talklog-kubecon-na-2021.md', data: preview(), type: 'text/markdown' }]);
    fireEvent.click(await readyButton(dialog, 'Copy'));
    await waitFor(() => expect(dialog.getByRole('status').textContent).toBe('Copied the talk log (2 talks) to the clipboard.'));
    expect(state.copied).toEqual([preview()]);

    fireEvent.click(dialog.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  test('exports the talks shown, or every talk', async () => {
    const { env, state } = fakeEnvironment();
    await renderLibrary(await kubeconLibrary(), env);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'openmetrics' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export markdown' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Export markdown' }));
    fireEvent.click(await readyButton(dialog, 'Download'));
    expect(state.downloads[0].data).toContain('OpenMetrics');
    expect(state.downloads[0].data).not.toContain('Prometheus');
    fireEvent.click(dialog.getByRole('radio', { name: 'All 2 talks' }));
    fireEvent.click(await readyButton(dialog, 'Download'));
    expect(state.downloads[1].data).toContain('Evolving Prometheus');
  });
});

describe('backup', () => {
  function chooseFile(content: string | Blob, name = 'talklog-backup.json') {
    const input = screen.getByLabelText('Import backup') as HTMLInputElement;
    Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], name, { type: 'application/json' })] });
    fireEvent.change(input);
  }

  const alerts = () =>
    screen
      .getAllByRole('alert')
      .map((alert) => alert.textContent)
      .join('');

  test('Export backup downloads every talk and note and remembers when', async () => {
    const { env, state } = fakeEnvironment();
    await renderLibrary(await kubeconLibrary(), env);
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await waitFor(() => expect(state.downloads).toHaveLength(1));
    const [{ fileName, data, type }] = state.downloads;
    expect([fileName, type]).toEqual(['talklog-backup.json', 'application/json']);
    const backup = JSON.parse(String(data));
    expect([backup.format, backup.exportedAt, backup.talks.length, backup.notes.length]).toEqual(['talklog-backup', NOW.toISOString(), 2, 2]);
    expect(state.lastBackupAt).toEqual(NOW);
    expect(status()).toBe('Backup saved as talklog-backup.json: 2 talks, 2 notes.');
    expect(screen.queryByText(/no backup yet/)).toBeNull();
  });

  test('Export backup, while it makes the file, keeps the focus and ignores another press', async () => {
    const { env, state } = fakeEnvironment();
    let finish = () => {};
    const made = new Promise<void>((resolve) => (finish = resolve));
    const backupFile = env.backupFile;
    env.backupFile = async (db, now) => {
      await made;
      return backupFile(db, now);
    };
    await renderLibrary(await kubeconLibrary(), env);
    const exportBackup = screen.getByRole('button', { name: 'Export backup' });
    fireEvent.click(exportBackup);
    await waitFor(() => expect(busyButFocusable(exportBackup)).toBe(true));
    fireEvent.click(exportBackup);
    finish();
    await waitFor(() => expect(exportBackup.getAttribute('aria-disabled')).toBe('false'));
    expect(state.downloads).toHaveLength(1);
  });

  test('Export backup leaves out a note whose talk is gone and says so: the file still imports', async () => {
    const { env, state } = fakeEnvironment();
    const db = await kubeconLibrary();
    // A note kept without its talk, as an Undo of a note deletion after its talk was removed once left it.
    const orphan: Note = { id: 'n_orphan', talkId: 't_G0neTalk01', body: 'no talk', atSec: null, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
    await writeLibrary(db, () => db.talkNotes.put({ talkId: orphan.talkId, notes: [orphan] }));
    await renderLibrary(db, env);
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await waitFor(() => expect(state.downloads).toHaveLength(1));
    expect(status()).toBe('Backup saved as talklog-backup.json: 2 talks, 2 notes. 1 note without a talk in the library left out.');
    const restored = freshDb();
    await expect(importBackupFile(restored, new NodeBlob([String(state.downloads[0].data)]) as Blob)).resolves.toEqual(
      expect.objectContaining({ talksAdded: 2, notesAdded: 2 }),
    );
  });

  test('Import backup merges the file and says what changed', async () => {
    const source = await kubeconLibrary();
    const text = serializeBackup(createBackup(await source.talks.toArray(), await allNotes(source), NOW));
    const db = freshDb();
    await clipTalk(db, capturedTalk({ videoId: 'H0st1le_T1t', url: 'https://www.youtube.com/watch?v=H0st1le_T1t', title: 'Already here' }));
    await renderLibrary(db);
    chooseFile(text);
    await waitFor(() => expect(status()).toBe('Imported talklog-backup.json: 2 talks added, 2 notes added.'));
    await waitFor(() => expect(titles()).toHaveLength(3));
    chooseFile(text);
    await waitFor(() => expect(status()).toBe('Imported talklog-backup.json: 4 records already up to date.'));

    // A note edited since the backup was made: the file's older words are not imported, and it says so.
    const [note] = await notesForTalk(db, 't_Pr0meTheus1');
    await updateNoteBody(db, note, `${note.body}, edited since`, new Date(Date.now() + 60_000));
    chooseFile(text);
    await waitFor(() =>
      expect(status()).toBe('Imported talklog-backup.json: 3 records already up to date, 1 record not imported: the library holds a version as new or newer.'),
    );
  });

  test('Import backup of a file an older Talklog made, a speaker past the limit in it, imports it and says the talk was cut', async () => {
    const source = await kubeconLibrary();
    const [talk, ...others] = await source.talks.toArray();
    const runOn = { ...talk, speakers: [`Jane Doe, Acme Corp and ${'the maintainers of every project '.repeat(20)}`] };
    const db = freshDb();
    await clipTalk(db, capturedTalk({ videoId: 'H0st1le_T1t', url: 'https://www.youtube.com/watch?v=H0st1le_T1t', title: 'Already here' }));
    await renderLibrary(db);
    chooseFile(serializeBackup(createBackup([runOn, ...others], await allNotes(source), NOW)));
    await waitFor(() =>
      expect(status()).toBe(
        'Imported talklog-backup.json: 2 talks added, 2 notes added. 1 talk had a title, name or tag longer than its limit: cut to fit, ending in “…”.',
      ),
    );
    expect((await getTalk(db, talk.id))?.speakers.map((speaker) => speaker.length)).toEqual([200]);
  });

  test('Import backup says it reads the file, its bar claiming no progress yet, and takes no other file meanwhile', async () => {
    const db = await kubeconLibrary();
    const text = serializeBackup(createBackup(await db.talks.toArray(), await allNotes(db), NOW));
    const { env } = fakeEnvironment();
    // The file is read and checked (seconds for a large one) until the test lets it go on.
    let readAndChecked!: () => void;
    const checked = new Promise<void>((resolve) => (readAndChecked = resolve));
    const backupImporter: typeof env.backupImporter = (...args) => {
      const importer = env.backupImporter(...args);
      return {
        ...importer,
        importFile: async (...file) => {
          await checked;
          return importer.importFile(...file);
        },
      };
    };
    await renderLibrary(db, { ...env, backupImporter });
    chooseFile(text);
    await waitFor(() => expect(status()).toBe('Reading talklog-backup.json…'));
    expect(screen.getByRole('progressbar', { name: 'Import progress' }).hasAttribute('value')).toBe(false);
    const importBackup = screen.getByLabelText('Import backup');
    expect(busyButFocusable(importBackup)).toBe(true);
    // No file chooser for another file: the click is cancelled.
    expect(fireEvent.click(importBackup)).toBe(false);
    readAndChecked();
    await waitFor(() => expect(status()).toBe('Imported talklog-backup.json: 4 records already up to date.'));
    expect(screen.queryByRole('progressbar', { name: 'Import progress' })).toBeNull();
    expect(importBackup.getAttribute('aria-disabled')).toBe('false');
  });

  test('Import backup begins the import as its file chooser opens: the file chosen goes to it, and none chosen ends it', async () => {
    const db = await kubeconLibrary();
    const text = serializeBackup(createBackup(await db.talks.toArray(), await allNotes(db), NOW));
    const { env, state } = fakeEnvironment();
    await renderLibrary(db, env);
    const input = screen.getByLabelText('Import backup');
    fireEvent.click(input);
    expect(state.importers).toEqual([{ file: null, closed: false }]);
    fireEvent(input, new Event('cancel'));
    expect(state.importers).toEqual([{ file: null, closed: true }]);

    fireEvent.click(input);
    chooseFile(text);
    await waitFor(() => expect(status()).toBe('Imported talklog-backup.json: 4 records already up to date.'));
    expect(state.importers).toEqual([
      { file: null, closed: true },
      { file: 'talklog-backup.json', closed: false },
    ]);
    // A file that comes without the chooser opening (as automation gives it) begins an import of its own.
    chooseFile(text, 'dropped.json');
    await waitFor(() => expect(status()).toBe('Imported dropped.json: 4 records already up to date.'));
    expect(state.importers.map((importer) => importer.file)).toEqual([null, 'talklog-backup.json', 'dropped.json']);
  });

  test('an import begun by opening the file chooser ends with the page', async () => {
    const { env, state } = fakeEnvironment();
    await renderLibrary(await kubeconLibrary(), env);
    fireEvent.click(screen.getByLabelText('Import backup'));
    cleanup();
    await waitFor(() => expect(state.importers).toEqual([{ file: null, closed: true }]));
  });

  test('slides more than one backup can hold: Export backup saves every talk and note, and alerts that the slides are left out', async () => {
    const source = await kubeconLibrary();
    const [note] = await allNotes(source);
    const image = new NodeBlob(['RIFF\0\0\0\0WEBPVP8 ', new Uint8Array(33 * 1024 * 1024)], { type: 'image/webp' }) as Blob;
    await addSlide(source, note.id, { talkId: note.talkId, atSec: 3, width: 3840, height: 2160, type: 'image/webp', image, thumbnail: image });
    const { env, state } = fakeEnvironment();
    await renderLibrary(source, env);
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        `Backup saved as talklog-backup.json: 2 talks, 2 notes. 1 slide left out of it: the slide at 3 s of ${note.talkId} is larger than the 32 MiB one image may be in a backup. Export the talk log with its slides to keep a copy of them, or delete some slides.`,
      ),
    );
    expect(state.downloads.map((download) => download.fileName)).toEqual(['talklog-backup.json']);
  });

  test('with slides, Export backup downloads a zip of the JSON and the images, and Import backup brings them back', async () => {
    const source = await kubeconLibrary();
    const [note] = await allNotes(source);
    // Node's Blob, which IndexedDB's structured clone keeps as a browser would; happy-dom's comes back as a plain object.
    const webp = (text: string) => new NodeBlob(['RIFF\0\0\0\0WEBPVP8 ', text], { type: 'image/webp' }) as Blob;
    await addSlide(source, note.id, {
      talkId: note.talkId,
      atSec: 3,
      width: 1280,
      height: 720,
      type: 'image/webp',
      image: webp('frame'),
      thumbnail: webp('small'),
    });
    const { env, state } = fakeEnvironment();
    await renderLibrary(source, env);
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await waitFor(() => expect(status()).toBe('Backup saved as talklog-backup-2026-11-26.zip: 2 talks, 2 notes, 1 slide.'));
    const [{ fileName, data, type }] = state.downloads;
    expect([fileName, type, data instanceof Blob]).toEqual(['talklog-backup-2026-11-26.zip', 'application/zip', true]);
    cleanup();

    const db = freshDb();
    render(<LibraryApp db={db} env={fakeEnvironment().env} />);
    await screen.findByRole('region', { name: 'Welcome to Talklog' });
    chooseFile(data, fileName);
    await waitFor(() => expect(status()).toBe('Imported talklog-backup-2026-11-26.zip: 2 talks added, 2 notes added, 1 slide added.'));
    // The images' bytes are checked where the Blobs are Node's (tests/db/backup-with-slides.test.ts).
    expect((await db.slides.toArray()).map((slide) => slide.owner)).toEqual([note.id]);

    // The same zip with one image damaged: one clear alert, nothing more imported.
    const bytes = new Uint8Array(await (data as Blob).arrayBuffer());
    bytes[Buffer.from(bytes).indexOf('VP8 frame') + 5] = 0x21;
    await db.slides.clear();
    chooseFile(new Blob([bytes]), 'damaged.zip');
    await waitFor(() =>
      expect(alerts()).toMatch(
        /^Nothing was imported from damaged\.zip\. slides\[0\]: "slides\/s_.+\.webp" is damaged \(its SHA-256 checksum is not the one the backup lists\)\.$/,
      ),
    );
    expect(await db.slides.count()).toBe(0);
  });

  test('a bad file is refused with one clear alert, and nothing changes', async () => {
    const db = await kubeconLibrary();
    await renderLibrary(db);
    const before = JSON.stringify([await db.talks.toArray(), await allNotes(db)]);
    chooseFile('{"format":"talklog-backup","version":1,"exportedAt":"2026-11-26T05:00:00.000Z","talks":[{"id":"t_x"}],"notes":[]}', 'edited.json');
    await waitFor(() => expect(alerts()).toMatch(/^Nothing was imported from edited\.json\. talks\[0\]\.videoId: missing/));
    expect(JSON.stringify([await db.talks.toArray(), await allNotes(db)])).toBe(before);
  });
});

describe('settings', () => {
  test('have their section below the talks, each confirmed beside it', async () => {
    const saved: Settings[] = [];
    const settings = { initial: DEFAULT_SETTINGS, save: async (next: Settings) => void saved.push(next), shortcuts: [], openShortcutSettings: () => {} };
    render(<LibraryApp db={await kubeconLibrary()} env={fakeEnvironment().env} settings={settings} />);
    const section = within(await screen.findByRole('region', { name: 'Settings' }));
    fireEvent.change(section.getByRole('combobox', { name: 'Theme' }), { target: { value: 'dark' } });
    await waitFor(() => expect(section.getByText('Saved.')).toBeTruthy());
    expect(status()).toBe('');
    expect(saved.at(-1)?.theme).toBe('dark');
  });

  test('shortcuts changed in the browser’s settings show when the page is shown again', async () => {
    const clip = (keys: string) => [{ name: 'clip-talk', description: 'Clip the talk in this tab', keys }];
    let current = clip('Alt+Shift+K');
    const settings = {
      initial: DEFAULT_SETTINGS,
      save: async () => {},
      shortcuts: current,
      openShortcutSettings: () => {},
      readShortcuts: async () => current,
    };
    render(<LibraryApp db={await kubeconLibrary()} env={fakeEnvironment().env} settings={settings} />);
    const section = within(await screen.findByRole('region', { name: 'Settings' }));
    expect(section.getByText('Alt+Shift+K')).toBeTruthy();
    // Changed on chrome://extensions/shortcuts, in another tab; then back to the library.
    current = clip('Ctrl+Shift+1');
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(section.getByText('Ctrl+Shift+1')).toBeTruthy());
  });
});
