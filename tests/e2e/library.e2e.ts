import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';

const session = sessionForThisFile();

const PROMETHEUS = 'Evolving Prometheus for More Use Cases';
const OPENMETRICS = 'What You Need to Know About OpenMetrics';

async function clipWithNote(videoPath: string, atSec: number, note: string): Promise<void> {
  const watch = await session.openYouTube(videoPath);
  await watch.evaluate((sec) => {
    document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = sec;
  }, atSec);
  const popup = await session.openPopupFor(watch);
  await popup.getByRole('textbox', { name: 'Note' }).fill(note);
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toContain('Note saved');
  await popup.close();
  await watch.close();
}

const row = (library: Page, title: string) => library.getByRole('listitem').filter({ has: library.getByRole('heading', { name: title, exact: true }) });
const shownTitles = (library: Page) => library.getByRole('list', { name: 'Talks' }).getByRole('heading', { level: 2 }).allTextContents();

async function describeTalk(library: Page, title: string, details: { event: string; category: string }): Promise<void> {
  const talk = row(library, title);
  await talk.getByRole('button', { name: 'Details' }).click();
  await talk.getByRole('combobox', { name: 'Event' }).fill(details.event);
  await talk.getByRole('combobox', { name: 'Event' }).press('Enter');
  await talk.getByRole('combobox', { name: 'Category' }).fill(details.category);
  await talk.getByRole('combobox', { name: 'Category' }).press('Tab');
  await expect.poll(() => talk.locator('.chip--category').textContent()).toContain(details.category);
}

test('describe, search, filter and export talks; back them up, lose one, and import it back', async () => {
  await clipWithNote('/watch?v=Pr0meTheus1', 252, 'new scrape limits: `sample_limit`, `label_limit`');
  await clipWithNote('/watch?v=OpenMetr1cs', 95, 'exemplars link a metric to a trace');

  const library = await session.openLibrary();
  await expect.poll(() => shownTitles(library)).toEqual([OPENMETRICS, PROMETHEUS]);

  // Metadata, edited in place; interest with the arrow keys on one talk, the mouse on the other.
  await describeTalk(library, PROMETHEUS, { event: 'KubeCon NA 2021', category: 'Observability' });
  const prometheus = row(library, PROMETHEUS);
  await prometheus.getByRole('radio', { name: 'Unrated' }).focus();
  for (let i = 0; i < 4; i++) await library.keyboard.press('ArrowRight');
  await expect.poll(() => prometheus.getByRole('img', { name: 'Interest: 4 of 5 stars' }).count()).toBe(1);
  await describeTalk(library, OPENMETRICS, { event: 'KubeCon NA 2021', category: 'Standards' });
  const openMetrics = row(library, OPENMETRICS);
  await openMetrics.locator('label', { hasText: '5 stars' }).click();
  await expect.poll(() => openMetrics.getByRole('img', { name: 'Interest: 5 of 5 stars' }).count()).toBe(1);
  await session.screenshot(library, 'library-details');
  await prometheus.getByRole('button', { name: 'Details' }).click();
  await openMetrics.getByRole('button', { name: 'Details' }).click();

  // Search (accents aside, note text too) and filters.
  const search = library.getByRole('searchbox', { name: 'Search' });
  await search.fill('plotka');
  await expect.poll(() => shownTitles(library)).toEqual([PROMETHEUS]);
  expect(await library.locator('mark').allTextContents()).toEqual(['Płotka']);
  await search.fill('exemplars');
  await expect.poll(() => shownTitles(library)).toEqual([OPENMETRICS]);
  await session.screenshot(library, 'library-search');
  await search.fill('');
  const filters = library.getByRole('search', { name: 'Find talks' });
  await filters.getByRole('combobox', { name: 'Interest' }).selectOption({ label: '5 stars' });
  await expect.poll(() => shownTitles(library)).toEqual([OPENMETRICS]);
  await filters.getByRole('combobox', { name: 'Interest' }).selectOption({ label: 'Any interest' });
  await filters.getByRole('combobox', { name: 'Category' }).selectOption('Observability');
  await expect.poll(() => shownTitles(library)).toEqual([PROMETHEUS]);
  await filters.getByRole('combobox', { name: 'Category' }).selectOption('');
  await expect.poll(() => shownTitles(library)).toEqual([OPENMETRICS, PROMETHEUS]);

  // The talk log, set up in the dialog and downloaded.
  await library.getByRole('button', { name: 'Export markdown' }).click();
  const dialog = library.getByRole('dialog', { name: 'Export markdown' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('KubeCon NA 2021: the talks worth it');
  await dialog.getByRole('textbox', { name: 'Introduction' }).fill('Two talks on *metrics*, best first.');
  await expect.poll(() => dialog.locator('pre').textContent()).toContain('Two talks on *metrics*, best first.');
  await session.screenshot(library, 'export-dialog');
  const [markdownDownload] = await Promise.all([library.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect(markdownDownload.suggestedFilename()).toBe('talklog-kubecon-na-2021.md');
  const markdown = readFileSync((await markdownDownload.path())!, 'utf8');
  expect(markdown).toBe(
    [
      '# KubeCon NA 2021: the talks worth it',
      '',
      'Two talks on *metrics*, best first.',
      '',
      '## Standards',
      '',
      `### [${OPENMETRICS}](https://www.youtube.com/watch?v=OpenMetr1cs)`,
      'Richard Hartmann, Ben Kochie · 28:32 · ★★★★★',
      '',
      '- [1:35](https://www.youtube.com/watch?v=OpenMetr1cs&t=95s) exemplars link a metric to a trace',
      '',
      '## Observability',
      '',
      `### [${PROMETHEUS}](https://www.youtube.com/watch?v=Pr0meTheus1)`,
      'Bartłomiej Płotka, Red Hat · 31:20 · ★★★★☆',
      '',
      '- [4:12](https://www.youtube.com/watch?v=Pr0meTheus1&t=252s) new scrape limits: `sample_limit`, `label_limit`',
      '',
    ].join('\n'),
  );
  // A note written in another page while the dialog is open is in the log at once: the export
  // worker reads the library again once it changed.
  await clipWithNote('/watch?v=Pr0meTheus1', 300, 'remote write gets native histograms');
  await expect
    .poll(() => dialog.locator('pre').textContent())
    .toContain('[5:00](https://www.youtube.com/watch?v=Pr0meTheus1&t=300s) remote write gets native histograms');
  await library.bringToFront();
  await library.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await library.evaluate(() => document.activeElement?.textContent)).toBe('Export markdown');

  // A backup, a talk lost, and the backup imported again.
  const [backupDownload] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export backup' }).click()]);
  expect(backupDownload.suggestedFilename()).toBe('talklog-backup.json');
  const backupPath = (await backupDownload.path())!;
  const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
  expect(backup.talks.map((talk: { videoId: string }) => talk.videoId).sort()).toEqual(['OpenMetr1cs', 'Pr0meTheus1']);
  await expect.poll(() => library.getByText('last backup', { exact: false }).count()).toBe(1);

  await openMetrics.getByRole('checkbox', { name: `Select ${OPENMETRICS}` }).check();
  await library.getByRole('region', { name: 'Selected talks' }).getByRole('button', { name: 'Delete selected' }).click();
  await expect.poll(() => shownTitles(library)).toEqual([PROMETHEUS]);
  expect(await library.getByRole('status').textContent()).toBe('Deleted 1 talk and 1 note.');

  await library.getByLabel('Import backup').setInputFiles(backupPath);
  await expect.poll(() => library.getByRole('status').textContent()).toMatch(/^Imported .*: 1 talk added, 1 note added, 3 records already up to date\.$/);
  await expect.poll(() => shownTitles(library)).toEqual([OPENMETRICS, PROMETHEUS]);
  expect(await row(library, OPENMETRICS).getByRole('img', { name: 'Interest: 5 of 5 stars' }).count()).toBe(1);

  await library.getByLabel('Import backup').setInputFiles({
    name: 'edited-by-hand.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...backup, talks: [{ ...backup.talks[0], videoId: 'nope' }] })),
  });
  await expect
    .poll(() => library.getByRole('alert').textContent())
    .toBe('Nothing was imported from edited-by-hand.json. talks[0].videoId: expected an 11-character YouTube video id, found "nope"');
  await expect.poll(() => shownTitles(library)).toEqual([OPENMETRICS, PROMETHEUS]);
  await session.screenshot(library, 'library-import-error');

  await library.emulateMedia({ colorScheme: 'dark' });
  await row(library, PROMETHEUS).getByRole('button', { name: 'Details' }).click();
  await session.screenshot(library, 'library-dark');
  await library.getByRole('button', { name: 'Export markdown' }).click();
  await session.screenshot(library, 'export-dialog-dark');
  await library.keyboard.press('Escape');
  await expect.poll(() => library.getByRole('dialog').count()).toBe(0);

  // A backup an older Talklog made: a speaker saved from a link's text ran on past the limit. It imports, cut, saying so.
  const runOn = `Acme Corp and ${'the maintainers of every project '.repeat(20)}`;
  const older = { ...backup.talks[0], speakers: [runOn], updatedAt: '2030-01-01T00:00:00.000Z' };
  await library.getByLabel('Import backup').setInputFiles({
    name: 'older-talklog.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...backup, talks: [older], notes: [] })),
  });
  await expect
    .poll(() => library.getByRole('status').textContent())
    .toBe('Imported older-talklog.json: 1 talk updated. 1 talk had a title, name or tag longer than its limit: cut to fit, ending in “…”.');
  const stored = await session.readStore<{ id: string; speakers: string[] }>('talks');
  expect(stored.find((talk) => talk.id === older.id)?.speakers).toEqual([`${runOn.slice(0, 199)}…`]);
});
