import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { sessionForThisFile, waitForAppReady } from './extension';

const session = sessionForThisFile();

test('clip a talk, write a note from the popup, find it after a reload, and export the talk log', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1&list=PLj6h78yzYM2&index=3');
  await watch.evaluate(() => {
    document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = 754.6;
  });

  const popup = await session.openPopupFor(watch);
  await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toBe('Evolving Prometheus for More Use Cases');
  await expect.poll(() => popup.getByText('CNCF [Cloud Native Computing Foundation]').count()).toBe(1);

  // Opening the popup clipped the talk: it says so, and offers no Clip that would do nothing.
  await expect.poll(() => popup.getByText('In your library', { exact: false }).count()).toBe(1);
  expect(await popup.getByRole('button', { name: 'Clip' }).count()).toBe(0);

  const note = popup.getByRole('textbox', { name: 'Note' });
  await note.fill('new scrape limits: `sample_limit`, `label_limit`');
  await expect.poll(() => popup.getByText('At 12:34', { exact: false }).count()).toBe(1);
  await watch.evaluate(() => {
    document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = 800;
  });
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toBe('Note saved at 12:34.');
  expect(await note.inputValue()).toBe('');

  // A quoted command whose fence is left open: the log closes it inside the quote.
  await note.fill('Prometheus Agent, based on Grafana Agent\n> ```\n> prometheus --enable-feature=agent');
  await expect.poll(() => popup.getByText('At 13:20', { exact: false }).count()).toBe(1);
  await note.press('Control+Enter');
  await expect.poll(() => popup.getByRole('listitem').count()).toBe(2);
  await session.screenshot(popup, 'popup');

  await popup.reload();
  await waitForAppReady(popup);
  await expect.poll(() => popup.getByRole('listitem').count()).toBe(2);
  const timeLink = popup.getByRole('link', { name: 'Play from 12:34' });
  expect(await timeLink.getAttribute('href')).toBe('https://www.youtube.com/watch?v=Pr0meTheus1&t=754s');

  // Clipping the same video again, from another tab and URL form, opens the same talk.
  const again = await session.openYouTube('/watch?v=Pr0meTheus1&t=42s');
  const secondPopup = await session.openPopupFor(again);
  await expect.poll(() => secondPopup.getByRole('listitem').count()).toBe(2);

  const library = await session.openLibrary();
  const talks = library.getByRole('list', { name: 'Talks' });
  await expect.poll(() => talks.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Evolving Prometheus for More Use Cases']);
  expect(await talks.getByText('2 notes', { exact: false }).count()).toBe(1);
  await session.screenshot(library, 'library');

  await library.getByRole('button', { name: 'Export markdown' }).click();
  const [download] = await Promise.all([
    library.waitForEvent('download'),
    library.getByRole('dialog', { name: 'Export markdown' }).getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^talklog-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = readFileSync((await download.path())!, 'utf8');
  expect(markdown).toContain('## Uncategorized');
  expect(markdown).toContain('### [Evolving Prometheus for More Use Cases](https://www.youtube.com/watch?v=Pr0meTheus1)');
  expect(markdown).toContain('- [12:34](https://www.youtube.com/watch?v=Pr0meTheus1&t=754s) new scrape limits: `sample_limit`, `label_limit`');
  expect(markdown).toContain(
    [
      '- [13:20](https://www.youtube.com/watch?v=Pr0meTheus1&t=800s) Prometheus Agent, based on Grafana Agent',
      '  > ```',
      '  > prometheus --enable-feature=agent',
      '  > ```',
      '',
    ].join('\n'),
  );
});

test('a page that is not a watch page says so and lists the recent talks', async () => {
  // A talk of its own to list: the popup clips the talk it opens on.
  await (await session.openPopupFor(await session.openYouTube('/watch?v=Pr0meTheus1'))).close();
  const home = await session.openYouTube('/');
  const popup = await session.openPopupFor(home);
  await expect.poll(() => popup.getByText('This YouTube page is not a video.', { exact: false }).count()).toBe(1);
  await expect.poll(() => popup.getByRole('link', { name: 'Evolving Prometheus for More Use Cases' }).count()).toBe(1);
  await session.screenshot(popup, 'popup-not-a-watch-page');
});

test('a note deleted and a talk removed from the popup come back with Undo', async () => {
  const popup = await session.openPopupFor(await session.openYouTube('/watch?v=Pr0meTheus1'));
  const note = popup.getByRole('textbox', { name: 'Note' });
  await note.fill('remote write 2.0 halves the bytes');
  await popup.getByRole('button', { name: 'Save note' }).click();
  const notes = popup.getByRole('listitem').filter({ hasText: 'remote write 2.0' });
  await expect.poll(() => notes.count()).toBe(1);

  // Deleting loads its code on demand: both the delete and its Undo run from the built extension.
  await notes.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toContain('Note deleted');
  await expect.poll(() => notes.count()).toBe(0);
  await popup.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => notes.count()).toBe(1);

  await popup.getByRole('button', { name: 'Remove from library' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toContain('Removed from your library, with its notes.');
  await expect.poll(() => notes.count()).toBe(0);
  await popup.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toContain('Back in your library.');
  await expect.poll(() => notes.count()).toBe(1);
});
