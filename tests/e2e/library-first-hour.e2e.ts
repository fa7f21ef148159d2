import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { sessionForThisFile, waitForAppReady } from './extension';

const session = sessionForThisFile();

const WATCHED = 'Evolving Prometheus for More Use Cases';
const QUEUED = 'Queued for later';

/** A backup as another browser's Talklog would have written it: a watched talk with notes, and one queued to watch. */
function backupFile(): string {
  const at = '2026-11-20T10:00:00.000Z';
  const talk = (videoId: string, title: string, status: string, interest: number) => ({
    id: `t_${videoId}`,
    videoId,
    url: `https://www.youtube.com/watch?v=${videoId}`,
    title,
    youtubeTitle: null,
    channel: 'CNCF [Cloud Native Computing Foundation]',
    speakers: ['Bartłomiej Płotka'],
    durationSec: 1880,
    event: 'KubeCon NA 2021',
    category: 'Observability',
    tags: [],
    interest,
    status,
    createdAt: at,
    updatedAt: at,
  });
  const body =
    '**agent mode** keeps `--enable-feature=agent`\n\n- no local storage\n- remote write only\n\n<img src=x onerror="document.title=\'pwned\'"> [x](javascript:alert(1)) [docs](https://prometheus.io)';
  return JSON.stringify({
    format: 'talklog-backup',
    version: 1,
    exportedAt: at,
    talks: [talk('Pr0meTheus1', WATCHED, 'watched', 4), talk('Qu3u3dTa1k0', QUEUED, 'to-watch', 0)],
    notes: [{ id: 'n_agent', talkId: 't_Pr0meTheus1', body, atSec: 252, createdAt: at, updatedAt: at }],
  });
}

test('a new user is welcomed, brings a backup in, sees notes rendered, bulk-edits with Undo, exports what they watched', async () => {
  const library = await session.openLibrary();

  // The empty library: a welcome, no filters, no export.
  const welcome = library.getByRole('region', { name: 'Welcome to Talklog' });
  await expect.poll(() => welcome.textContent()).toContain('Open a conference talk on YouTube.');
  expect(await library.getByRole('search').count()).toBe(0);
  expect(await library.getByRole('button', { name: 'Export markdown' }).count()).toBe(0);
  await session.screenshot(library, 'library-welcome');
  await library.emulateMedia({ colorScheme: 'dark' });
  await session.screenshot(library, 'library-welcome-dark');
  await library.emulateMedia({ colorScheme: 'light' });

  // Chosen as a user does, in the chooser the button opens: the import's worker starts as it opens, not once the
  // file comes, and is gone once the file is in.
  const importWorkers = () => library.workers().filter((worker) => worker.url().includes('import-worker'));
  const [chooser] = await Promise.all([library.waitForEvent('filechooser'), welcome.getByText('Import backup', { exact: true }).click()]);
  await expect.poll(() => importWorkers().length).toBe(1);
  await chooser.setFiles({ name: 'talklog-backup.json', mimeType: 'application/json', buffer: Buffer.from(backupFile()) });
  await expect.poll(() => library.getByRole('list', { name: 'Talks' }).getByRole('heading', { level: 2 }).allTextContents()).toHaveLength(2);
  expect(await library.getByRole('search', { name: 'Find talks' }).count()).toBe(1);
  await expect.poll(() => importWorkers().length).toBe(0);

  // A note, rendered: markdown as formatting, raw HTML as text, only the http(s) link a link.
  const row = library.getByRole('listitem').filter({ has: library.getByRole('heading', { name: WATCHED, exact: true }) });
  await row.getByRole('button', { name: 'Details' }).click();
  const notes = row.getByRole('list', { name: `Notes on ${WATCHED}` });
  await expect.poll(() => notes.locator('strong').first().textContent()).toBe('agent mode');
  expect(await notes.locator('img').count()).toBe(0);
  expect(await notes.textContent()).toContain('<img src=x onerror=');
  expect(await notes.getByRole('link', { name: 'docs' }).getAttribute('rel')).toBe('noopener noreferrer');
  expect(await notes.getByRole('link', { name: 'x' }).count()).toBe(0);
  expect(await library.title()).not.toBe('pwned');
  await session.screenshot(library, 'library-note-rendered');
  await row.getByRole('button', { name: 'Details' }).click();

  // Bulk: an empty box is refused on the field; clearing is explicit, and undone.
  await library.getByRole('checkbox', { name: 'Select all shown' }).check();
  const bulk = library.getByRole('region', { name: 'Selected talks' });
  await bulk.getByRole('button', { name: 'Set category' }).click();
  await expect.poll(() => bulk.getByRole('alert').textContent()).toBe('Type a category to set, or choose Clear category.');
  await session.screenshot(library, 'library-bulk-empty-refused');
  await bulk.getByRole('button', { name: 'Clear category' }).click();
  await expect.poll(() => library.locator('.library > .announcer').getByRole('status').textContent()).toBe('Category cleared for 2 talks.');
  await library.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => library.locator('.library > .announcer').getByRole('status').textContent()).toBe('Undone: Category cleared for 2 talks.');
  expect((await session.readStore<{ category: string | null }>('talks')).map((talk) => talk.category)).toEqual(['Observability', 'Observability']);
  await bulk.getByRole('button', { name: 'Clear selection' }).click();

  // Export: what was watched or written about, by default, with the count; the preview rendered.
  await library.getByRole('button', { name: 'Export markdown' }).click();
  const dialog = library.getByRole('dialog', { name: 'Export markdown' });
  expect(await dialog.getByRole('radio', { name: 'Watched or with notes' }).isChecked()).toBe(true);
  expect(await dialog.getByText('The file will hold 1 talk.').count()).toBe(1);
  await dialog.getByRole('radio', { name: 'Rendered' }).check();
  await expect.poll(() => dialog.getByRole('region', { name: 'Preview' }).locator('strong').allTextContents()).toContain('agent mode');
  await session.screenshot(library, 'export-dialog-rendered');
  const [download] = await Promise.all([library.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  const markdown = readFileSync((await download.path())!, 'utf8');
  expect(markdown).not.toContain(QUEUED);
  expect(markdown).toContain('\\<img src=x onerror=');
  expect(markdown).toContain('[x\\](javascript:alert(1))');
  await library.keyboard.press('Escape');

  // Settings: a rewind of -3 is refused on its field; a good value is confirmed beside it.
  const rewind = library.getByRole('spinbutton', { name: 'Rewind notes by (seconds)' });
  await rewind.fill('-3');
  await rewind.press('Tab');
  await expect
    .poll(() => library.getByRole('region', { name: 'Settings' }).getByRole('alert').textContent())
    .toBe('Rewind is a whole number of seconds from 0 to 60.');
  expect(await rewind.getAttribute('aria-invalid')).toBe('true');
  await rewind.scrollIntoViewIfNeeded();
  await session.screenshot(library, 'settings-refused');
  await rewind.fill('3');
  await rewind.press('Tab');
  await expect.poll(() => library.getByRole('region', { name: 'Settings' }).getByText('Saved.').count()).toBe(1);
});

test('Import backup’s chooser closed without a file: the import begun as it opened ends', async () => {
  const library = await session.context.newPage();
  // Each worker the page starts, and whether it was ended (headless Chromium closes a chooser at once when no test
  // takes it: the worker ends before the DevTools protocol would report it).
  await library.addInitScript(() => {
    const started: { url: string; ended: boolean }[] = [];
    Object.assign(window, { startedWorkers: started });
    window.Worker = class extends window.Worker {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        const record = { url: String(args[0]), ended: false };
        started.push(record);
        const terminate = this.terminate.bind(this);
        this.terminate = () => {
          record.ended = true;
          terminate();
        };
      }
    };
  });
  await library.goto(session.extensionUrl('src/options/index.html'));
  await waitForAppReady(library);
  const started = () => library.evaluate(() => (window as unknown as { startedWorkers: { url: string; ended: boolean }[] }).startedWorkers);
  await library.getByText('Import backup').click();
  await expect.poll(started).toEqual([{ url: expect.stringContaining('import-worker'), ended: true }]);
  expect((await library.getByRole('status').allTextContents()).join(' ')).not.toMatch(/Reading|Imported/);
});

test('ticking a first talk at the top of the page leaves the rows where they are, under the pointer', async () => {
  for (const videoId of ['OpenMetr1cs', 'H0st1le_T1t']) await session.openPopupFor(await session.openYouTube(`/watch?v=${videoId}`));
  const library = await session.openLibrary();
  const ticks = library.getByRole('list', { name: 'Talks' }).getByRole('checkbox');
  await expect.poll(() => ticks.count()).toBeGreaterThan(2);
  expect(await library.evaluate(() => window.scrollY)).toBe(0);
  const second = await ticks.nth(1).boundingBox();
  // The bulk actions bar comes above the list: the list stays put, the page above it scrolls up.
  await ticks.nth(0).click();
  await expect.poll(() => library.getByRole('region', { name: 'Selected talks' }).count()).toBe(1);
  expect((await ticks.nth(1).boundingBox())?.y).toBeCloseTo(second!.y, 0);
  // So a quick second click meant for the next talk ticks it.
  await library.mouse.click(second!.x + second!.width / 2, second!.y + second!.height / 2);
  await expect.poll(() => library.getByRole('region', { name: 'Selected talks' }).textContent()).toContain('2 talks selected');
  // Cleared, the bar goes and the list stays put again.
  await library.getByRole('button', { name: 'Clear selection' }).click();
  await expect.poll(() => library.getByRole('region', { name: 'Selected talks' }).count()).toBe(0);
  expect((await ticks.nth(1).boundingBox())?.y).toBeCloseTo(second!.y, 0);
  await library.close();
});
