import browser from 'webextension-polyfill';
import type { TalklogDb } from '../db/database';
import { saveTalkToWatch } from '../db/talks';
import { canonicalVideoUrl, videoIdFromUrl } from '../talk/video-id';
import { clipTab } from './clip-command';

export const CLIP_PAGE_ITEM = 'clip-this-talk';
export const SAVE_LINK_ITEM = 'save-talk-to-watch';

const WATCH_PAGES = ['https://www.youtube.com/watch*', 'https://www.youtube.com/live/*', 'https://www.youtube.com/shorts/*'];
const VIDEO_LINKS = [...WATCH_PAGES, 'https://youtu.be/*', 'https://m.youtube.com/watch*', 'https://youtube.com/watch*'];

/** Menus persist across browser restarts: create them once, on install or update. */
export function createContextMenus(): void {
  browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: CLIP_PAGE_ITEM, title: 'Clip this talk', contexts: ['page', 'video'], documentUrlPatterns: WATCH_PAGES });
    browser.contextMenus.create({ id: SAVE_LINK_ITEM, title: 'Save talk to watch later', contexts: ['link'], targetUrlPatterns: VIDEO_LINKS });
  }, () => undefined);
}

/** Firefox gives a link's text with the click; Chrome does not, so it is read from the page (activeTab). */
type MenuClick = browser.Menus.OnClickData & { linkText?: string };

export async function onContextMenuClick(db: TalklogDb, info: MenuClick, tab: browser.Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId === CLIP_PAGE_ITEM && tab?.id !== undefined) {
    await clipTab(db, tab.id);
    return;
  }
  if (info.menuItemId !== SAVE_LINK_ITEM || !info.linkUrl) return;
  const videoId = videoIdFromUrl(info.linkUrl);
  if (!videoId) return;
  const title = info.linkText?.trim() || (tab?.id !== undefined ? await linkTextInPage(tab.id, info.linkUrl) : null);
  await saveTalkToWatch(db, { videoId, url: canonicalVideoUrl(videoId), title });
}

async function linkTextInPage(tabId: number, linkUrl: string): Promise<string | null> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: (href: string) => {
        const link = [...document.querySelectorAll('a')].find((anchor) => anchor.href === href);
        const text = (link?.getAttribute('title') || link?.textContent || '').replace(/\s+/g, ' ').trim();
        return text.slice(0, 300) || null;
      },
      args: [linkUrl],
    });
    return typeof result?.result === 'string' ? result.result : null;
  } catch {
    return null;
  }
}
