import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { sessionForThisFile, waitForAppReady } from './extension';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const session = sessionForThisFile();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools, so the extension page's CSP does not stop the script.
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe.run().then((result) => result.violations),
  )) as Violation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`popup, side panel and library have no serious accessibility problems (${colorScheme})`, async () => {
    const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
    const popup = await session.openPopupFor(watch);
    await popup.emulateMedia({ colorScheme });
    await popup.getByRole('textbox', { name: 'Note' }).fill('exemplars in OpenMetrics');
    await popup.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => popup.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await seriousViolations(popup)).toEqual([]);
    await session.screenshot(popup, `popup-${colorScheme}`);

    const tabId = await session.tabIdOf(watch);
    const panel = await session.context.newPage();
    await panel.emulateMedia({ colorScheme });
    await panel.setViewportSize({ width: 360, height: 720 });
    await panel.goto(session.extensionUrl(`src/popup/side-panel.html?tab=${tabId}`));
    await waitForAppReady(panel);
    expect(await seriousViolations(panel)).toEqual([]);
    await session.screenshot(panel, `side-panel-${colorScheme}`);

    const home = await session.openYouTube('/');
    const elsewhere = await session.openPopupFor(home);
    await elsewhere.emulateMedia({ colorScheme });
    expect(await seriousViolations(elsewhere)).toEqual([]);

    const library = await session.context.newPage();
    await library.emulateMedia({ colorScheme });
    await library.goto(session.extensionUrl('src/options/index.html'));
    await waitForAppReady(library);
    expect(await seriousViolations(library)).toEqual([]);
    await session.screenshot(library, `library-${colorScheme}`);
    // Marks on the muted channel and on a note's excerpt: the search's highlights keep their contrast.
    await library.getByRole('searchbox', { name: 'Search' }).fill('CNCF exemplars');
    await expect.poll(() => library.locator('mark').count()).toBeGreaterThan(1);
    expect(await seriousViolations(library)).toEqual([]);
    await session.screenshot(library, `library-search-${colorScheme}`);
    for (const page of [popup, panel, elsewhere, library, watch, home]) await page.close();
  });
}

test('the popup works with the keyboard alone, with a visible focus', async () => {
  const watch = await session.openYouTube('/watch?v=OpenMetr1cs');
  const popup = await session.openPopupFor(watch);
  await popup.getByRole('textbox', { name: 'Note' }).focus();
  await popup.keyboard.type('keyboard only');
  await popup.keyboard.press('Control+Enter');
  await expect.poll(() => popup.getByRole('listitem').filter({ hasText: 'keyboard only' }).count()).toBe(1);
  await popup.keyboard.press('Shift+Tab');
  const focused = await popup.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    return { name: element.textContent, outline: getComputedStyle(element).outlineStyle };
  });
  expect(focused.outline).not.toBe('none');
});

test('the status and alert live regions are there before anything is said in them', async () => {
  // Playwright's getByRole leaves out what is not in the accessibility tree, as screen readers do. A region that
  // enters the tree with its words is a new region to most screen readers, not a change to announce.
  const liveRegions = async (page: Page) => ({ status: await page.getByRole('status').count(), alert: await page.getByRole('alert').count() });
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  const popup = await session.openPopupFor(watch);
  await waitForAppReady(popup);
  const library = await session.context.newPage();
  await library.goto(session.extensionUrl('src/options/index.html'));
  await waitForAppReady(library);
  expect({ popup: await liveRegions(popup), library: await liveRegions(library) }).toEqual({
    popup: { status: 1, alert: 1 },
    library: { status: 1, alert: 1 },
  });
  for (const page of [popup, library, watch]) await page.close();
});
