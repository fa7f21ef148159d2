// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { Blob as NodeBlob } from 'node:buffer';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, expect, test } from 'vitest';
import type { TalklogDb } from '../../src/db/database';
import { updateTalkDetails } from '../../src/db/library';
import { addNote, allNotes } from '../../src/db/notes';
import { queuePlaylist } from '../../src/db/queue';
import { addSlide } from '../../src/db/slides';
import { clipTalk } from '../../src/db/talks';
import { capturedTalk } from '../db/test-db';
import { fakeEnvironment, kubeconLibrary, readyButton, renderLibrary } from './library-harness';

afterEach(cleanup);

/** The KubeCon library and a talk queued to watch, with no notes and no rating. */
async function libraryWithAQueuedTalk() {
  const db = await kubeconLibrary();
  const queued = await clipTalk(db, capturedTalk({ videoId: 'Qu3u3dTa1k0', url: 'https://www.youtube.com/watch?v=Qu3u3dTa1k0', title: 'Queued for later' }));
  await updateTalkDetails(db, queued.id, { status: 'to-watch' });
  return db;
}

/** The dialog's code loads on first use. */
async function openExport() {
  fireEvent.click(screen.getByRole('button', { name: 'Export markdown' }));
  return within(await screen.findByRole('dialog', { name: 'Export markdown' }));
}

test('the log holds the talks watched or written about unless asked otherwise, and says how many', async () => {
  const { env, state } = fakeEnvironment();
  await renderLibrary(await libraryWithAQueuedTalk(), env);
  const dialog = await openExport();
  const which = within(dialog.getByRole('group', { name: 'Which talks' }));
  expect((which.getByRole('radio', { name: 'Watched or with notes' }) as HTMLInputElement).checked).toBe(true);
  // OpenMetrics is to watch but rated 5 stars: rated is watched.
  expect(dialog.getByText('The file will hold 2 talks.')).toBeTruthy();
  fireEvent.click(await readyButton(dialog, 'Download'));
  expect(state.downloads[0].data).not.toContain('Queued for later');
  expect(state.downloads[0].data).toContain('Evolving Prometheus');

  fireEvent.click(which.getByRole('radio', { name: 'Every talk' }));
  await waitFor(() => expect(dialog.getByText('The file will hold 3 talks.')).toBeTruthy());
  fireEvent.click(await readyButton(dialog, 'Download'));
  expect(state.downloads[1].data).toContain('Queued for later');

  fireEvent.click(which.getByRole('radio', { name: 'Only with notes' }));
  await waitFor(() => expect(dialog.getByText('The file will hold 1 talk.')).toBeTruthy());
  fireEvent.click(await readyButton(dialog, 'Download'));
  expect(state.downloads[2].data).toContain('Evolving Prometheus');
  expect(state.downloads[2].data).not.toContain('OpenMetrics');
});

test('a note with no text does not count as writing about a talk', async () => {
  const db = await libraryWithAQueuedTalk();
  await addNote(db, 't_Qu3u3dTa1k0', '   ', 12);
  await renderLibrary(db);
  const dialog = await openExport();
  fireEvent.click(dialog.getByRole('radio', { name: 'Only with notes' }));
  await waitFor(() => expect(dialog.getByText('The file will hold 1 talk.')).toBeTruthy());
});

test('a note written in another page while the dialog is open counts at once', async () => {
  const { env, state } = fakeEnvironment();
  const db = await libraryWithAQueuedTalk();
  await renderLibrary(db, env);
  const dialog = await openExport();
  fireEvent.click(dialog.getByRole('radio', { name: 'Only with notes' }));
  await waitFor(() => expect(dialog.getByText('The file will hold 1 talk.')).toBeTruthy());
  await addNote(db, 't_Qu3u3dTa1k0', 'Worth it after all', 12);
  await waitFor(() => expect(dialog.getByText('The file will hold 2 talks.')).toBeTruthy());
  fireEvent.click(await readyButton(dialog, 'Download'));
  expect(state.downloads[0].data).toContain('Worth it after all');
});

test('the choice applies to the talks shown when a search narrows them', async () => {
  await renderLibrary(await libraryWithAQueuedTalk());
  fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'queued' } });
  const dialog = await openExport();
  expect(dialog.getByText('The file will hold 0 talks.')).toBeTruthy();
  // A file of nothing is not offered.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(['Copy', 'Download'].map((name) => dialog.getByRole<HTMLButtonElement>('button', { name }).disabled)).toEqual([true, true]);
  fireEvent.click(dialog.getByRole('radio', { name: 'Every talk' }));
  await waitFor(() => expect(dialog.getByText('The file will hold 1 talk.')).toBeTruthy());
  await readyButton(dialog, 'Download');
  fireEvent.click(dialog.getByRole('radio', { name: 'All 3 talks' }));
  await waitFor(() => expect(dialog.getByText('The file will hold 3 talks.')).toBeTruthy());
});

test('the preview shows the markdown source or the log rendered', async () => {
  const db = await kubeconLibrary();
  await addNote(db, 't_Pr0meTheus1', '**bold** <script>alert(1)</script>', 300);
  await renderLibrary(db);
  const dialog = await openExport();
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await waitFor(() => expect(preview.querySelector('pre')?.textContent).toContain('**bold**'));
  fireEvent.click(dialog.getByRole('radio', { name: 'Rendered' }));
  await waitFor(() => expect(preview.querySelector('pre')).toBeNull());
  expect(preview.querySelector('strong.markdown__heading, .markdown__heading strong')?.textContent).toBe('Talk log: KubeCon NA 2021');
  expect([...preview.querySelectorAll('strong')].map((strong) => strong.textContent)).toContain('bold');
  expect(within(preview).getByRole('link', { name: 'Evolving Prometheus for More Use Cases' }).getAttribute('href')).toBe(
    'https://www.youtube.com/watch?v=Pr0meTheus1',
  );
  expect(preview.querySelector('script')).toBeNull();
  expect(preview.textContent).toContain('<script>alert(1)</script>');
  fireEvent.click(dialog.getByRole('radio', { name: 'Markdown' }));
  expect(preview.querySelector('pre')?.textContent).toContain('\\<script>alert(1)\\</script>');
});

test('the title follows the talks chosen until the user types one, which no choice then replaces', async () => {
  const db = await libraryWithAQueuedTalk();
  await updateTalkDetails(db, 't_Qu3u3dTa1k0', { event: 'PromCon 2022', status: 'watched' });
  await renderLibrary(db);
  fireEvent.change(within(screen.getByRole('search', { name: 'Find talks' })).getByRole('combobox', { name: 'Event' }), {
    target: { value: 'KubeCon NA 2021' },
  });
  const dialog = await openExport();
  const title = dialog.getByRole('textbox', { name: 'Title' }) as HTMLInputElement;
  expect(title.value).toBe('Talk log: KubeCon NA 2021');
  fireEvent.click(dialog.getByRole('radio', { name: /^All \d+ talks/ }));
  await waitFor(() => expect(title.value).toBe('Talk log'));
  fireEvent.input(title, { target: { value: 'My conference season' } });
  fireEvent.change(dialog.getByRole('combobox', { name: 'Talks of the event' }), { target: { value: 'KubeCon NA 2021' } });
  expect(title.value).toBe('My conference season');
});

/** DevConf 2026's playlist of `size` talks queued, `t_devconf0001` onwards, each by Jane Doe, ten minutes long. */
async function queueDevConf(db: TalklogDb, size: number) {
  const rows = Array.from({ length: size }, (_, i) => ({
    videoId: `devconf000${i + 1}`,
    position: i + 1,
    title: `Talk ${i + 1} - Jane Doe, Acme`,
    channel: 'DevConf',
    durationSec: 600,
    unavailable: null,
  }));
  await queuePlaylist(db, { id: 'PLdevconf2026', title: 'DevConf 2026', size, rows, complete: true }, 'DevConf 2026');
}

test('one event exported alone, ending with its talks not watched yet, best first; skipped and triaged talks are not in the log', async () => {
  const { env, state } = fakeEnvironment();
  const db = await libraryWithAQueuedTalk();
  await queueDevConf(db, 4);
  await updateTalkDetails(db, 't_devconf0001', { status: 'watched', interest: 2 });
  await updateTalkDetails(db, 't_devconf0002', { status: 'skipped' });
  await updateTalkDetails(db, 't_devconf0004', { interest: 5 });
  await renderLibrary(db, env);
  const dialog = await openExport();

  fireEvent.change(dialog.getByRole('combobox', { name: 'Talks of the event' }), { target: { value: 'DevConf 2026' } });
  expect((dialog.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Talk log: DevConf 2026');
  await waitFor(() => expect(dialog.getByText('The file will hold 1 talk.')).toBeTruthy());
  const withQueue = dialog.getByRole('checkbox', { name: 'Add “Not watched yet”: 2 talks still to watch, best first' }) as HTMLInputElement;
  expect(withQueue.checked).toBe(true);
  fireEvent.click(await readyButton(dialog, 'Download'));
  expect(state.downloads[0].fileName).toBe('talklog-devconf-2026.md');
  const [log, queue] = String(state.downloads[0].data).split('## Not watched yet\n');
  expect(log).toContain('### [Talk 1](https://www.youtube.com/watch?v=devconf0001)');
  expect(log).not.toMatch(/Talk [234]|Evolving Prometheus/);
  expect(queue).toBe(
    [
      '',
      '- [Talk 4](https://www.youtube.com/watch?v=devconf0004) · Jane Doe, Acme · 10:00 · ★★★★★',
      '- [Talk 3](https://www.youtube.com/watch?v=devconf0003) · Jane Doe, Acme · 10:00',
      '',
    ].join('\n'),
  );

  fireEvent.click(withQueue);
  fireEvent.click(await readyButton(dialog, 'Download'));
  expect(state.downloads[1].data).not.toContain('Not watched yet');
});

test("an event's log of talks not watched yet, none watched, is downloaded under the event's name, as its title says", async () => {
  const { env, state } = fakeEnvironment();
  const db = await libraryWithAQueuedTalk();
  await queueDevConf(db, 2);
  await renderLibrary(db, env);
  const dialog = await openExport();
  fireEvent.change(dialog.getByRole('combobox', { name: 'Talks of the event' }), { target: { value: 'DevConf 2026' } });
  expect((dialog.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Talk log: DevConf 2026');
  fireEvent.click(await readyButton(dialog, 'Download'));
  expect(String(state.downloads[0].data)).toContain('## Not watched yet');
  expect(state.downloads[0].fileName).toBe('talklog-devconf-2026.md');
});

test('categories come in the order of the talks exported, best first, and as the user moved them once they did', async () => {
  const db = await kubeconLibrary();
  // At another event, a 5-star talk ties Observability with Standards across the library, where it comes first by name.
  const elsewhere = await clipTalk(
    db,
    capturedTalk({ videoId: 'Ebpf2022eu0', url: 'https://www.youtube.com/watch?v=Ebpf2022eu0', title: 'eBPF in production' }),
  );
  await updateTalkDetails(db, elsewhere.id, { event: 'KubeCon EU 2022', category: 'Observability', interest: 5, status: 'watched' });
  await renderLibrary(db);
  const dialog = await openExport();
  const event = dialog.getByRole('combobox', { name: 'Talks of the event' });
  const order = () => dialog.getAllByRole('listitem').map((item) => item.textContent!.replace(/[↑↓]/g, ''));
  const headings = () => dialog.getByRole('region', { name: 'Preview' }).textContent!.match(/^## .*$/gm);

  fireEvent.change(event, { target: { value: 'KubeCon NA 2021' } });
  await waitFor(() => expect(headings()).toEqual(['## Standards', '## Observability']));
  expect(order()).toEqual(['Standards', 'Observability']);

  fireEvent.click(dialog.getByRole('button', { name: 'Move Observability up' }));
  fireEvent.change(event, { target: { value: 'KubeCon EU 2022' } });
  await waitFor(() => expect(order()).toEqual(['Observability']));
  fireEvent.change(event, { target: { value: 'KubeCon NA 2021' } });
  await waitFor(() => expect(headings()).toEqual(['## Observability', '## Standards']));
  expect(order()).toEqual(['Observability', 'Standards']);
});

test('Include slides downloads a zip of the log and its slides, each linked under its note', async () => {
  const db = await libraryWithAQueuedTalk();
  const note = (await allNotes(db)).find((stored) => stored.atSec === 252)!;
  // Node's Blob, which IndexedDB's structured clone keeps as a browser would; happy-dom's comes back as a plain object.
  const bytes = (text: string) => new NodeBlob([text], { type: 'image/webp' }) as Blob;
  for (const [atSec, text] of [
    [254.6, 'first frame'],
    [254.9, 'same second'],
  ] as const) {
    await addSlide(db, note.id, { talkId: note.talkId, atSec, width: 1280, height: 720, type: 'image/webp', image: bytes(text), thumbnail: bytes('thumb') });
  }
  const { env, state } = fakeEnvironment();
  await renderLibrary(db, env);
  const dialog = await openExport();
  fireEvent.click(dialog.getByRole('checkbox', { name: 'Include slides' }));
  await waitFor(() => expect(dialog.getByText('Downloads a .zip: the talk log and a slides folder with 2 slides.')).toBeTruthy());
  fireEvent.click(await readyButton(dialog, 'Download'));
  await waitFor(() => expect(state.downloads).toHaveLength(1));
  const [{ fileName, data, type }] = state.downloads;
  expect([fileName, type]).toEqual(['talklog-kubecon-na-2021.zip', 'application/zip']);
  const files = unzipSync(new Uint8Array(await (data as Blob).arrayBuffer()));
  expect(Object.keys(files).sort()).toEqual(['slides/Pr0meTheus1-254-2.webp', 'slides/Pr0meTheus1-254.webp', 'talklog-kubecon-na-2021.md']);
  expect(strFromU8(files['slides/Pr0meTheus1-254.webp'])).toBe('first frame');
  expect(strFromU8(files['slides/Pr0meTheus1-254-2.webp'])).toBe('same second');
  expect(strFromU8(files['talklog-kubecon-na-2021.md'])).toContain(
    [
      '- [4:12](https://www.youtube.com/watch?v=Pr0meTheus1&t=252s) new scrape limits: `sample_limit`',
      '',
      '  ![Slide at 4:14](slides/Pr0meTheus1-254.webp)',
      '',
      '  ![Slide at 4:14](slides/Pr0meTheus1-254-2.webp)',
    ].join('\n'),
  );
  expect(screen.getAllByRole('status').map((region) => region.textContent)).toContain('Downloaded talklog-kubecon-na-2021.zip with 2 talks and 2 slides.');
});

test('a slide deleted while the dialog is open (Remove slide in an edit) is left out of the zip, and so is its link', async () => {
  const db = await libraryWithAQueuedTalk();
  const note = (await allNotes(db)).find((stored) => stored.atSec === 252)!;
  const bytes = (text: string) => new NodeBlob([text], { type: 'image/webp' }) as Blob;
  const slideAt = (atSec: number, text: string) =>
    addSlide(db, note.id, { talkId: note.talkId, atSec, width: 1280, height: 720, type: 'image/webp', image: bytes(text), thumbnail: bytes('thumb') });
  const gone = await slideAt(260, 'the frame removed');
  await slideAt(270, 'the frame kept');
  const { env, state } = fakeEnvironment();
  await renderLibrary(db, env);
  const dialog = await openExport();
  fireEvent.click(dialog.getByRole('checkbox', { name: 'Include slides' }));
  await waitFor(() => expect(dialog.getByText(/with 2 slides\./)).toBeTruthy());
  await db.slides.delete(gone.id);
  fireEvent.click(await readyButton(dialog, 'Download'));
  await waitFor(() => expect(state.downloads).toHaveLength(1));
  const files = unzipSync(new Uint8Array(await (state.downloads[0].data as Blob).arrayBuffer()));
  expect(Object.keys(files).sort()).toEqual(['slides/Pr0meTheus1-270.webp', 'talklog-kubecon-na-2021.md']);
  const log = strFromU8(files['talklog-kubecon-na-2021.md']);
  expect(log).toContain('![Slide at 4:30](slides/Pr0meTheus1-270.webp)');
  expect(log).not.toContain('Pr0meTheus1-260');
  expect(screen.getAllByRole('status').map((region) => region.textContent)).toContain('Downloaded talklog-kubecon-na-2021.zip with 2 talks and 1 slide.');
  await waitFor(() => expect(dialog.getByText(/with 1 slide\./)).toBeTruthy());
});

test('Copy and Download act on the log made for the options as they are, once it is made', async () => {
  const { env, state } = fakeEnvironment();
  await renderLibrary(await kubeconLibrary(), env);
  const dialog = await openExport();
  const download = dialog.getByRole<HTMLButtonElement>('button', { name: 'Download' });
  expect([download.disabled, dialog.getByRole<HTMLButtonElement>('button', { name: 'Copy' }).disabled]).toEqual([true, true]);
  expect(dialog.getByRole('region', { name: 'Preview' }).getAttribute('aria-busy')).toBe('true');
  fireEvent.click(await readyButton(dialog, 'Download'));
  expect(String(state.downloads[0].data).startsWith('# Talk log: KubeCon NA 2021\n')).toBe(true);

  fireEvent.input(dialog.getByRole('textbox', { name: 'Title' }), { target: { value: 'Changed' } });
  // What was made is for the old title: nothing to act on until the new log is made.
  expect(download.disabled).toBe(true);
  fireEvent.click(await readyButton(dialog, 'Download'));
  expect(String(state.downloads[1].data).startsWith('# Changed\n')).toBe(true);
});

test('the log’s worker starts once the dialog is shown, not while it is drawn', async () => {
  const { env } = fakeEnvironment();
  const started: { dialogShown: boolean }[] = [];
  const talkLogRenderer = env.talkLogRenderer;
  env.talkLogRenderer = (db) => {
    started.push({ dialogShown: document.querySelector('dialog[open]') !== null });
    return talkLogRenderer(db);
  };
  await renderLibrary(await kubeconLibrary(), env);
  const dialog = await openExport();
  await readyButton(dialog, 'Download');
  expect(started).toEqual([{ dialogShown: true }]);
});
