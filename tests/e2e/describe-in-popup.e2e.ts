import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';

const session = sessionForThisFile();

test('event, category and interest set from the popup; the next clip gets the same event', async () => {
  const first = await session.openYouTube('/watch?v=Pr0meTheus1');
  const popup = await session.openPopupFor(first);
  await popup.getByText('Details', { exact: true }).click();
  await popup.getByRole('combobox', { name: 'Event' }).fill('KubeCon NA 2021');
  await popup.getByRole('combobox', { name: 'Event' }).press('Enter');
  await popup.getByRole('combobox', { name: 'Category' }).fill('Observability');
  await popup.getByRole('combobox', { name: 'Category' }).press('Tab');
  // Keyboard only: focus the rating and step up four stars with the arrow key.
  await popup.getByRole('radio', { name: 'Unrated' }).focus();
  for (let step = 0; step < 4; step++) await popup.keyboard.press('ArrowRight');
  // The star reached is in view above the note editor, which stays at the bottom of the popup.
  const starAndEditor = await popup.evaluate(() => ({
    star: document.activeElement!.closest('label')!.getBoundingClientRect().bottom,
    editor: document.querySelector('form.note-editor')!.getBoundingClientRect().top,
  }));
  expect(starAndEditor.star).toBeLessThanOrEqual(starAndEditor.editor);
  await expect
    .poll(async () => (await session.readStore<{ id: string; event: string; category: string; interest: number }>('talks'))[0])
    .toMatchObject({ id: 't_Pr0meTheus1', event: 'KubeCon NA 2021', category: 'Observability', interest: 4 });
  await expect.poll(() => popup.locator('summary').textContent()).toBe('Details Watching · Observability · ★★★★');
  expect(await popup.getByText(/In your library/).textContent()).toContain('Event: KubeCon NA 2021');
  await session.screenshot(popup, 'popup-details');

  const second = await session.openYouTube('/watch?v=OpenMetr1cs');
  const next = await session.openPopupFor(second);
  await expect.poll(() => next.getByText(/In your library/).textContent()).toContain('Event: KubeCon NA 2021');
});

test('tags typed in the popup are saved though it goes before they are: the next page saves them', async () => {
  const tab = await session.openYouTube('/watch?v=OpenMetr1cs');
  const popup = await session.openPopupFor(tab);
  await popup.getByText('Details', { exact: true }).click();
  await popup.getByRole('textbox', { name: 'Tags' }).pressSequentially('metrics, openmetrics');
  // A popup closing fires `change` as it goes, and whether that save ends first is a race. Its page crashing stands in
  // for the close that loses it, every time: nothing more runs in it.
  const devtools = await popup.context().newCDPSession(popup);
  const crashed = new Promise((resolve) => popup.once('crash', resolve));
  // The page goes before it can answer: the request fails, which is the point.
  void devtools.send('Page.crash').catch(() => {});
  await crashed;
  await popup.close();
  const tags = async () => (await session.readStore<{ id: string; tags: string[] }>('talks')).find((talk) => talk.id === 't_OpenMetr1cs')?.tags;
  expect(await tags()).toEqual([]);
  const library = await session.openLibrary();
  await expect.poll(tags).toEqual(['metrics', 'openmetrics']);
  const row = library.getByRole('listitem').filter({ hasText: 'OpenMetrics' });
  await expect.poll(() => row.textContent()).toContain('Tags: metrics openmetrics');
  expect(await library.evaluate(() => Object.keys(localStorage))).toEqual([]);
});
