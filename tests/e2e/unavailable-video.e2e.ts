import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';

const session = sessionForThisFile();

test('an unavailable video says so after a short wait, and a note can still be written on it', async () => {
  const gone = await session.openYouTube('/watch?v=Gone0000001'); // the stand-in answers "Video unavailable"
  const popup = await session.openPopupFor(gone);
  await expect.poll(() => popup.getByText('YouTube is not playing this video here', { exact: false }).count()).toBe(1);
  expect(await popup.getByText('still loading', { exact: false }).count()).toBe(0);
  await session.screenshot(popup, 'popup-unavailable');

  await popup.getByRole('button', { name: 'Write a note on it' }).click();
  const box = popup.getByRole('textbox', { name: 'Note' });
  await expect.poll(() => popup.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await box.fill('the talk was taken down; the slides are on the speaker’s site');
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toContain('Note saved');
  const talks = await session.readStore<{ id: string; title: string }>('talks');
  expect(talks.map((talk) => [talk.id, talk.title])).toEqual([['t_Gone0000001', 'YouTube video Gone0000001']]);
});
