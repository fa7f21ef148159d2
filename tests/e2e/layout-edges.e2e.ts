import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { sessionForThisFile, waitForAppReady } from './extension';

const session = sessionForThisFile();

/** How far the page reaches past its window sideways, in CSS px (0: no sideways scroll). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));

test('the library in a window under 600 px wide (or at 200% zoom) does not scroll sideways, its settings in one column', async () => {
  const library = await session.context.newPage();
  await library.setViewportSize({ width: 420, height: 900 });
  await library.goto(session.extensionUrl('src/options/index.html'));
  await waitForAppReady(library);
  await library.getByRole('heading', { name: 'Sync' }).scrollIntoViewIfNeeded();
  for (const colorScheme of ['light', 'dark'] as const) {
    await library.emulateMedia({ colorScheme });
    expect(await sidewaysOverflow(library)).toBe(0);
    // Every setting's control and text within the window, none cut at its right edge.
    const right = await library.evaluate(() => document.documentElement.clientWidth);
    for (const control of [
      library.getByRole('combobox', { name: 'Theme' }),
      library.getByRole('button', { name: 'Change shortcuts in the browser’s settings' }),
      library.getByRole('textbox', { name: 'Server URL' }),
      library.locator('#sync-url-hint'),
    ]) {
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(right);
    }
    await library.getByRole('heading', { name: 'Settings' }).scrollIntoViewIfNeeded();
    await session.screenshot(library, `library-narrow-settings-${colorScheme}`);
    await library.getByRole('heading', { name: 'Sync' }).scrollIntoViewIfNeeded();
    await session.screenshot(library, `library-narrow-sync-${colorScheme}`);
  }
  await library.close();
});
