import type { Page } from 'playwright-core';

/** Whether the whole element is inside the page's viewport (no scrolling of the page needed). */
export async function inView(page: Page, name: Readonly<Parameters<Page['getByRole']>>): Promise<boolean> {
  const box = await page.getByRole(...name).boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
}
