import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';

const session = sessionForThisFile();

/** The pages Chromium shows in its side panel, as DevTools targets (they are not tabs). */
async function sidePanelTargets(): Promise<string[]> {
  const devtools = await session.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await devtools.send('Target.getTargets')) as { targetInfos: { url: string }[] };
  await devtools.detach();
  return targetInfos.map((target) => target.url).filter((url) => url.includes('/src/popup/side-panel.html'));
}

test('the popup’s `Open side panel` button opens the side panel', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  const popup = await session.openPopupFor(watch);
  expect(await sidePanelTargets()).toEqual([]);
  await popup.getByRole('button', { name: 'Open side panel' }).click();
  await expect.poll(sidePanelTargets).toHaveLength(1);
  expect(await popup.getByRole('alert').count()).toBe(0); // shown only when it holds an error
});
