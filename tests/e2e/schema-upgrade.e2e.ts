import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';
import { storedVersionAndStores, UPGRADED, writeFirstTalklogDatabase } from './first-talklog';

const session = sessionForThisFile();

test('a library the first Talklog wrote opens in Chromium with every talk and note, upgraded to the current schema', async () => {
  await session.serviceWorker.evaluate(writeFirstTalklogDatabase);

  const library = await session.openLibrary();
  const talks = library.getByRole('list', { name: 'Talks' });
  await expect
    .poll(() => talks.getByRole('heading', { level: 2 }).allTextContents())
    .toEqual(['What You Need to Know About OpenMetrics', 'Evolving Prometheus for More Use Cases']);
  await expect.poll(() => talks.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('1 note'), expect.stringContaining('2 notes')]);
  // The notes moved into their talks' records are searched: a word of one finds its talk, with the note shown.
  await library.getByRole('searchbox', { name: 'Search' }).fill('histograms');
  await expect.poll(() => talks.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('remote write gets native histograms')]);

  expect(await session.serviceWorker.evaluate(storedVersionAndStores)).toEqual(UPGRADED.schema);
  expect(await session.readStore('talks')).toEqual(UPGRADED.talks);
  expect(await session.readStore('notes')).toEqual(UPGRADED.notes);
  await library.close();
});
