import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';
import { openToolbarPopup } from './toolbar-popup';

const session = sessionForThisFile();

/** The pages Chromium shows in its side panel, as DevTools targets (they are not tabs). */
async function sidePanelTargets(): Promise<string[]> {
  const devtools = await session.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await devtools.send('Target.getTargets')) as { targetInfos: { url: string }[] };
  await devtools.detach();
  return targetInfos.map((target) => target.url).filter((url) => url.includes('/src/popup/side-panel.html'));
}

/** Closes every side panel open, as DevTools targets. */
async function closeSidePanels(): Promise<void> {
  const devtools = await session.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await devtools.send('Target.getTargets')) as { targetInfos: { url: string; targetId: string }[] };
  for (const { targetId } of targetInfos.filter((target) => target.url.includes('/src/popup/side-panel.html')))
    await devtools.send('Target.closeTarget', { targetId });
  await devtools.detach();
  await expect.poll(sidePanelTargets).toEqual([]);
}

test('the popup’s `Open side panel` button opens the side panel', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  const popup = await session.openPopupFor(watch);
  expect(await sidePanelTargets()).toEqual([]);
  await popup.getByRole('button', { name: 'Open side panel' }).click();
  await expect.poll(sidePanelTargets).toHaveLength(1);
  expect(await popup.getByRole('alert').textContent()).toBe(''); // says something only when there is an error
});

test('in Chromium’s own toolbar popup, `Open side panel` opens the side panel and the popup makes way for it', async () => {
  await closeSidePanels(); // the first test's, which this window would show again
  const watch = await session.openYouTube('/watch?v=Sl1desT4lk0');
  await watch.bringToFront();
  const popup = await openToolbarPopup(session.context, session.serviceWorker, session.extensionUrl('src/popup/index.html'));
  // The toolbar button clips the talk as the popup opens.
  await expect.poll(async () => (await session.readStore<{ id: string }>('talks')).map((talk) => talk.id)).toContain('t_Sl1desT4lk0');
  await expect.poll(() => popup.evaluate(() => performance.getEntriesByName('app-ready').length)).toBe(1);
  // A click is a user gesture, which the browser asks of an extension opening its side panel.
  await popup.evaluate(() => [...document.querySelectorAll('button')].find((button) => button.textContent === 'Open side panel')!.click());
  await expect.poll(sidePanelTargets).toHaveLength(1);
  await expect.poll(() => popup.isOpen()).toBe(false);
});

test('the side panel shows each video the tab navigates to, and clips none until the user acts', async () => {
  const watch = await session.openYouTube('/watch?v=OpenMetr1cs');
  const panel = await session.openSidePanelFor(watch);
  const heading = panel.getByRole('heading', { level: 1 });
  await expect.poll(() => heading.textContent()).toBe('What You Need to Know About OpenMetrics');
  const clipped = async () => (await session.readStore<{ id: string }>('talks')).map((talk) => talk.id).sort();
  const before = await clipped();

  // A page script fakes 20,000 navigations as fast as it can (Chromium throttles pushState itself,
  // so the URL changes every hundredth), then one real one.
  await watch.evaluate(() => {
    for (let i = 0; i < 20_000; i++) {
      const id = `Fake${String(i).padStart(7, '0')}`;
      if (i % 100 === 0) history.pushState({}, '', `/watch?v=${id}`);
      document.querySelector('ytd-watch-flexy')!.setAttribute('video-id', id);
      document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true, detail: { pageType: 'watch' } }));
    }
    (window as unknown as { navigateInPage: (id: string) => void }).navigateInPage('H0st1le_T1t');
  });
  await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe('Rust [unsafe] & *You*: `#` <tricks> 🚀');
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.fill('typed while the page flooded');
  expect(await box.inputValue()).toBe('typed while the page flooded');
  expect(await clipped()).toEqual(before);

  await panel.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => panel.getByText('In your library', { exact: false }).count()).toBe(1);
  expect(await clipped()).toEqual([...before, 't_H0st1le_T1t'].sort());
});

test('the side panel, left open, clips with the settings changed in the library since it opened', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  const panel = await session.openSidePanelFor(watch);
  await expect.poll(() => panel.getByRole('heading', { level: 1 }).textContent()).toBe('Evolving Prometheus for More Use Cases');

  const library = await session.openLibrary();
  const event = library.getByRole('textbox', { name: 'Event of new clips' });
  await event.fill('KubeCon EU 2022');
  await event.press('Tab');
  await library.close();

  // The next talk plays in the same tab: the panel follows it, and Clip gives it the event set since.
  await watch.evaluate(() => (window as unknown as { navigateInPage: (id: string) => void }).navigateInPage('OpenMetr1cs'));
  await expect.poll(() => panel.getByRole('heading', { level: 1 }).textContent()).not.toBe('Evolving Prometheus for More Use Cases');
  await panel.getByRole('button', { name: 'Clip' }).click();
  await expect
    .poll(async () => (await session.readStore<{ id: string; event: string | null }>('talks')).find((talk) => talk.id === 't_OpenMetr1cs')?.event)
    .toBe('KubeCon EU 2022');
});

test('the next video starting mid-sentence leaves the note on its talk: the panel follows once it is saved', async () => {
  const watch = await session.openYouTube('/watch?v=H0st1le_T1t');
  const panel = await session.openSidePanelFor(watch);
  const heading = panel.getByRole('heading', { level: 1 });
  await expect.poll(() => heading.textContent()).toBe('Rust [unsafe] & *You*: `#` <tricks> 🚀');
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.pressSequentially('the closing slide: ');

  // YouTube plays the next video of the playlist in the same tab.
  await watch.evaluate(() => (window as unknown as { navigateInPage: (id: string) => void }).navigateInPage('Pr0meTheus1'));
  await expect
    .poll(() => panel.getByText('The tab moved on to another video.', { exact: false }).textContent())
    .toBe('The tab moved on to another video. This note stays on “Rust [unsafe] & *You*: `#` <tricks> 🚀” until you save it.');
  await box.pressSequentially('safe wrappers first');
  expect(await heading.textContent()).toBe('Rust [unsafe] & *You*: `#` <tricks> 🚀');
  await session.screenshot(panel, 'side-panel-tab-moved-on');

  await box.press('Control+Enter');
  await expect.poll(() => heading.textContent()).toBe('Evolving Prometheus for More Use Cases');
  const notes = await session.readStore<{ talkId: string; body: string }>('notes');
  expect(notes.filter((note) => note.body.startsWith('the closing slide')).map((note) => [note.talkId, note.body])).toEqual([
    ['t_H0st1le_T1t', 'the closing slide: safe wrappers first'],
  ]);
  expect(await box.inputValue()).toBe('');
});
