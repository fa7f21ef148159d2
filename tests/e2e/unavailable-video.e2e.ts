import { expect, test } from 'vitest';
import { sessionForThisFile, waitForAppReady } from './extension';

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

test('a watch page that could not load (the browser’s error page, offline) offers a note on the video of its URL', async () => {
  const url = 'https://www.youtube.com/watch?v=0ffL1ne0001';
  const tab = await session.context.newPage();
  await tab.route(url, (route) => route.abort('internetdisconnected'));
  await tab.goto(url).catch(() => undefined); // the navigation fails: the tab shows Chromium's error page
  // No script runs in an error page, which is how the popup's tests otherwise find a tab: by its URL, once the tab has it.
  const tabWithUrl = () =>
    session.serviceWorker.evaluate(async (wanted) => {
      const chrome = (globalThis as any).chrome;
      const [found] = await chrome.tabs.query({ url: wanted });
      return found?.id as number | undefined;
    }, url);
  await expect.poll(tabWithUrl).toBeTypeOf('number');
  const tabId = await tabWithUrl();
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(session.extensionUrl(`src/popup/index.html?tab=${tabId}`));
  await waitForAppReady(popup);
  expect((await popup.getByRole('alert').allTextContents()).join('')).toBe('');
  expect(await popup.getByText('YouTube is not playing this video here', { exact: false }).count()).toBe(1);
  await popup.getByRole('button', { name: 'Write a note on it' }).click();
  await popup.getByRole('textbox', { name: 'Note' }).fill('to watch once back online');
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toContain('Note saved');
  const talks = await session.readStore<{ id: string }>('talks');
  expect(talks.map((talk) => talk.id)).toContain('t_0ffL1ne0001');
});
