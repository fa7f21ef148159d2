// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { chromium } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { Byline } from '../../src/ui/Byline';

afterEach(cleanup);

/** Left edge of each wanted text as Chromium draws the HTML in a left-to-right page (the popup's and library's). */
async function leftEdges(html: string, wanted: string[]): Promise<Record<string, number>> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html lang="en" dir="ltr"><body style="font: 16px sans-serif">${html}</body></html>`);
    return await page.evaluate((texts) => {
      const places: Record<string, number> = {};
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const text of texts) {
          const at = node.textContent!.indexOf(text);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          places[text] = range.getBoundingClientRect().left;
        }
      }
      return places;
    }, wanted);
  } finally {
    await browser.close();
  }
}

test('a Hebrew speaker listed before a Latin one is shown first, on the left, in a left-to-right page', async () => {
  const { container } = render(<Byline speakers={['דנה לוי', 'John Smith']} channel="CNCF" durationSec={1500} />);
  const places = await leftEdges(container.innerHTML, ['דנה', 'John Smith']);
  expect(places['דנה']!).toBeLessThan(places['John Smith']!);
}, 60_000);
