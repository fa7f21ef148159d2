import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { ARTIFACTS, sessionForThisFile, waitForAppReady } from './extension';

const session = sessionForThisFile();

/**
 * How far the page, or a part of it that scrolls (the popup's main part), reaches past its box sideways, in CSS
 * px (0: nothing scrolls sideways).
 */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() =>
    Math.max(
      0,
      ...[document.documentElement, ...document.querySelectorAll('*')]
        .filter((element) => element === document.documentElement || ['auto', 'scroll'].includes(getComputedStyle(element).overflowX))
        .map((element) => element.scrollWidth - element.clientWidth),
    ),
  );

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

/** Where each of the given texts of an element is drawn: its left and right edge, by the text nodes holding it. */
const placesOf = (page: Page, selector: string, texts: string[]) =>
  page
    .locator(selector)
    .first()
    .evaluate((element, wanted) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const places: Record<string, { left: number; right: number }> = {};
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = wanted.find((w) => node!.textContent!.includes(w));
        if (!text) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const { left, right } = range.getBoundingClientRect();
        places[text] = { left, right };
      }
      return places;
    }, texts);

test('a byline in Hebrew keeps its order: speakers, then the channel, then the length after it', async () => {
  const watch = await session.openYouTube('/watch?v=Hebr3wT4lk0');
  const popup = await session.openPopupFor(watch);
  // In the popup the channel and the length share a line of their own.
  const inPopup = await placesOf(popup, '.talk-card__meta .byline__channel', ['כנס מפתחים 2024', '25:00']);
  expect(inPopup['25:00']!.left).toBeGreaterThan(inPopup['כנס מפתחים 2024']!.right);
  await popup.getByRole('textbox', { name: 'Note' }).fill('הערה');
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('list', { name: 'Notes' }).locator(':scope > li').count()).toBe(1);
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await session.screenshot(popup, `popup-hebrew-byline-${colorScheme}`);
  }

  // In the library they share one line.
  const library = await session.openLibrary();
  await library.getByRole('heading', { name: 'ניטור מערכות מבוזרות' }).waitFor();
  const inLibrary = await placesOf(library, '.talk-row__byline', ['דנה לוי, ויקס', 'כנס מפתחים 2024', '25:00']);
  expect(inLibrary['כנס מפתחים 2024']!.left).toBeGreaterThan(inLibrary['דנה לוי, ויקס']!.right);
  expect(inLibrary['25:00']!.left).toBeGreaterThan(inLibrary['כנס מפתחים 2024']!.right);
  for (const colorScheme of ['light', 'dark'] as const) {
    await library.emulateMedia({ colorScheme });
    await session.screenshot(library, `library-hebrew-byline-${colorScheme}`);
  }
  await Promise.all([library.close(), popup.close(), watch.close()]);
});

test('a title, channel or category with no place to break scrolls neither the popup, nor the side panel, nor the recent talks sideways', async () => {
  const watch = await session.openYouTube('/watch?v=L0ngW0rds01');
  const popup = await session.openPopupFor(watch);
  expect(await sidewaysOverflow(popup)).toBe(0);
  const category = `Observability${'Pipelines'.repeat(10)}`;
  await popup.getByText('Details', { exact: true }).click();
  await popup.getByRole('combobox', { name: 'Category' }).fill(category);
  await popup.getByRole('combobox', { name: 'Category' }).press('Tab');
  await expect.poll(() => popup.locator('summary').textContent()).toContain(category);
  await popup.getByText('Details', { exact: true }).click();
  expect(await sidewaysOverflow(popup)).toBe(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await session.screenshot(popup, `popup-long-words-${colorScheme}`);
  }

  const panel = await session.openSidePanelFor(watch);
  expect(await sidewaysOverflow(panel)).toBe(0);
  await session.screenshot(panel, 'side-panel-long-words');

  const home = await session.openYouTube('/');
  const recent = await session.openPopupFor(home);
  await recent.getByRole('link', { name: /^ObservabilityAndTracing/ }).waitFor();
  expect(await sidewaysOverflow(recent)).toBe(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await recent.emulateMedia({ colorScheme });
    await session.screenshot(recent, `popup-recent-long-words-${colorScheme}`);
  }
  await Promise.all([recent.close(), home.close(), panel.close(), popup.close(), watch.close()]);
});

test('the confirmation in the page wraps a title with no place to break inside its box', async () => {
  const watch = await session.openYouTube('/watch?v=L0ngW0rds01');
  await watch.bringToFront();
  await session.serviceWorker.evaluate(() =>
    (globalThis as unknown as { talklogHandlers: { onCommand: (command: string) => Promise<void> } }).talklogHandlers.onCommand('clip-talk'),
  );
  await expect.poll(() => watch.locator('talklog-confirmation').count()).toBe(1);
  await session.screenshot(watch, 'page-confirmation-long-title');

  // The box lives in a closed shadow root, out of the page's reach: measured through the DevTools protocol.
  const cdp = await watch.context().newCDPSession(watch);
  type DomNode = { nodeId: number; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const find = (node: DomNode): DomNode | undefined =>
    node.attributes?.some((value, i) => i % 2 === 1 && value.split(' ').includes('confirmation'))
      ? node
      : [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(find).find(Boolean);
  const box = find(root)!;
  const { object } = await cdp.send('DOM.resolveNode', { nodeId: box.nodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    functionDeclaration: `function () {
      const { left, right } = this.getBoundingClientRect();
      return { overflow: this.scrollWidth - this.clientWidth, left, right, width: innerWidth, text: this.textContent };
    }`,
    returnByValue: true,
  });
  const measured = result.value as { overflow: number; left: number; right: number; width: number; text: string };
  expect(measured.text).toContain('ObservabilityAndTracingAndTracing');
  expect(measured.overflow).toBe(0);
  expect(measured.left).toBeGreaterThanOrEqual(0);
  expect(measured.right).toBeLessThanOrEqual(measured.width);
  await cdp.detach();
  await watch.close();
});

test('on a selected library row the event and category chips stand out from the row, light and dark', async () => {
  const watch = await session.openYouTube('/watch?v=OpenMetr1cs');
  const popup = await session.openPopupFor(watch);
  await popup.getByText('Details', { exact: true }).click();
  await popup.getByRole('combobox', { name: 'Event' }).fill('PromCon 2022');
  await popup.getByRole('combobox', { name: 'Event' }).press('Enter');
  await popup.getByRole('combobox', { name: 'Category' }).fill('Metrics');
  await popup.getByRole('combobox', { name: 'Category' }).press('Tab');
  await expect.poll(() => popup.locator('summary').textContent()).toContain('Metrics');
  await Promise.all([popup.close(), watch.close()]);

  const library = await session.openLibrary();
  await library.getByRole('checkbox', { name: /What You Need to Know About OpenMetrics/ }).check();
  const row = library.locator('.talk-row--selected');
  for (const colorScheme of ['light', 'dark'] as const) {
    await library.emulateMedia({ colorScheme });
    const backgrounds = await row.evaluate((element) => ({
      row: getComputedStyle(element).backgroundColor,
      chips: [...element.querySelectorAll('.chip--event, .chip--category')].map((chip) => getComputedStyle(chip).backgroundColor),
    }));
    expect(backgrounds.chips).toHaveLength(2);
    for (const chip of backgrounds.chips) expect(chip).not.toBe(backgrounds.row);
    await row.screenshot({ path: `${ARTIFACTS}/library-selected-row-chips-${colorScheme}.png` });
  }
  await library.close();
});
