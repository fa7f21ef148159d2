import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';

const session = sessionForThisFile();

type ChromeBadge = { chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string> } } };

/** Calls, in the service worker, the handler the browser calls for a command or a menu click. */
function invokeHandler(name: 'onCommand' | 'onMenuClick', ...args: unknown[]) {
  return session.serviceWorker.evaluate(
    ([handler, handlerArgs]) =>
      (globalThis as unknown as { talklogHandlers: Record<string, (...a: unknown[]) => Promise<void>> }).talklogHandlers[handler](
        ...(handlerArgs as unknown[]),
      ),
    [name, args] as const,
  );
}

test('the clip shortcut saves the talk in the active tab, confirms in the page and counts notes on the badge', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  await watch.bringToFront();
  await invokeHandler('onCommand', 'clip-talk');

  const confirmation = watch.locator('talklog-confirmation');
  await expect.poll(() => confirmation.count()).toBe(1);
  expect(await confirmation.evaluate((host) => host.shadowRoot)).toBeNull(); // closed: the page cannot read it
  expect((await session.readStore<{ id: string; status: string }>('talks')).map((talk) => talk.id)).toEqual(['t_Pr0meTheus1']);
  await session.screenshot(watch, 'clip-shortcut-confirmation');

  const popup = await session.openPopupFor(watch);
  await popup.getByRole('textbox', { name: 'Note' }).fill('badge me');
  await popup.getByRole('button', { name: 'Save note' }).click();
  await watch.bringToFront();
  const tabId = await session.tabIdOf(watch);
  await expect
    .poll(() => session.serviceWorker.evaluate((id) => (globalThis as unknown as ChromeBadge).chrome.action.getBadgeText({ tabId: id! }), tabId), {
      timeout: 5000,
    })
    .toBe('1');
  await popup.close();
});

test('the side panel page takes notes and follows in-page navigation', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  const panel = await session.openSidePanelFor(watch);
  const heading = panel.getByRole('heading', { level: 1 });
  await expect.poll(() => heading.textContent()).toBe('Evolving Prometheus for More Use Cases');
  await watch.evaluate(() => (window as unknown as { navigateInPage: (id: string) => void }).navigateInPage('H0st1le_T1t'));
  await expect.poll(() => heading.textContent()).toBe('Rust [unsafe] & *You*: `#` <tricks> 🚀');
  await session.screenshot(panel, 'side-panel');
});

test('“Save talk to watch later” on a link saves it as to-watch without opening it', async () => {
  const home = await session.openYouTube('/');
  const tabId = await session.tabIdOf(home);
  const pagesBefore = session.context.pages().length;
  await invokeHandler(
    'onMenuClick',
    { menuItemId: 'save-talk-to-watch', linkUrl: 'https://www.youtube.com/watch?v=OpenMetr1cs', editable: false },
    { id: tabId, windowId: 1, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
  );
  const talks = await session.readStore<{ id: string; status: string; title: string; speakers: string[] }>('talks');
  expect(talks.find((talk) => talk.id === 't_OpenMetr1cs')).toMatchObject({
    status: 'to-watch',
    title: 'What You Need to Know About OpenMetrics',
    speakers: ['Richard Hartmann', 'Ben Kochie'],
  });
  expect(session.context.pages().length).toBe(pagesBefore);
});

test('a timestamp seeks the open video; Quote inserts the caption on screen', async () => {
  const watch = await session.openYouTube('/watch?v=H0st1le_T1t');
  const popup = await session.openPopupFor(watch);
  const box = popup.getByRole('textbox', { name: 'Note' });

  await popup.getByRole('button', { name: 'Quote' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toContain('Captions are off');

  await watch.evaluate(() => {
    const container = document.createElement('div');
    container.className = 'ytp-caption-window-container';
    const line = document.createElement('span');
    line.className = 'caption-visual-line';
    line.textContent = 'unsafe is a promise you make to the compiler';
    container.append(line);
    document.querySelector('#movie_player')!.append(container);
    document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = 1234;
  });
  await popup.getByRole('button', { name: 'Quote' }).click();
  await expect.poll(() => box.inputValue()).toBe('> unsafe is a promise you make to the compiler\n\n');
  await popup.getByRole('button', { name: 'Save note' }).click();

  await watch.evaluate(() => {
    document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = 10;
  });
  await popup.getByRole('link', { name: 'Play from 20:34' }).click();
  await expect.poll(() => watch.evaluate(() => Math.floor(document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime))).toBe(1234);
  expect(session.context.pages().filter((page) => page.url().includes('&t=')).length).toBe(0);
});

test('a timestamp in the library seeks the tab showing that talk, or opens the talk at that second', async () => {
  const watch = await session.openYouTube('/watch?v=OpenMetr1cs');
  const video = () => watch.evaluate(() => Math.floor(document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime));
  await watch.evaluate(() => {
    document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = 252;
  });
  const popup = await session.openPopupFor(watch);
  await popup.getByRole('textbox', { name: 'Note' }).fill('counters need _total');
  await expect.poll(() => popup.getByText('At 4:12', { exact: false }).count()).toBe(1);
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toBe('Note saved at 4:12.');
  await popup.close();
  await watch.evaluate(() => {
    document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = 5;
  });

  const library = await session.openLibrary();
  const talk = library.getByRole('listitem').filter({ has: library.getByRole('heading', { name: 'What You Need to Know About OpenMetrics' }) });
  await talk.getByRole('button', { name: 'Details' }).click();
  await talk.getByRole('link', { name: 'Play from 4:12' }).click();
  await expect.poll(video).toBe(252);

  await watch.close();
  const opened = session.context.waitForEvent('page');
  await talk.getByRole('link', { name: 'Play from 4:12' }).click();
  const newTab = await opened;
  await newTab.waitForLoadState();
  expect(newTab.url()).toBe('https://www.youtube.com/watch?v=OpenMetr1cs&t=252s');
});
