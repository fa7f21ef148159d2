import { expect, test } from 'vitest';
import { storedVersionAndStores, UPGRADED, writeFirstTalklogDatabase } from '../e2e/first-talklog';
import { firefoxSessionForThisFile, role, textsOf } from './firefox-session';

const session = firefoxSessionForThisFile();

test('in Firefox: a library the first Talklog wrote opens with every talk and note, upgraded to the current schema', async () => {
  // Each page by a URL of its own: a new tab is found by its URL, and the closing one (or the session's helper,
  // another library page) would otherwise be taken for it.
  const planting = await session.openExtensionPage('src/options/index.html?planting');
  await planting.evaluate(writeFirstTalklogDatabase);
  await planting.close();
  const library = await session.openExtensionPage('src/options/index.html?upgraded');

  const talks = role('list', 'Talks');
  await expect
    .poll(() => textsOf(library, `${talks} ${role('heading')}`))
    .toEqual(['What You Need to Know About OpenMetrics', 'Evolving Prometheus for More Use Cases']);
  await expect.poll(() => textsOf(library, `${talks} ${role('listitem')}`)).toEqual([expect.stringContaining('1 note'), expect.stringContaining('2 notes')]);
  await library.locator(role('searchbox', 'Search')).fill('histograms');
  await expect.poll(() => textsOf(library, `${talks} ${role('listitem')}`)).toEqual([expect.stringContaining('remote write gets native histograms')]);

  expect(await library.evaluate(storedVersionAndStores)).toEqual(UPGRADED.schema);
  expect(await session.readStore('talks')).toEqual(UPGRADED.talks);
  expect(await session.readStore('notes')).toEqual(UPGRADED.notes);
});
