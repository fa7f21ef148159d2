import browser from 'webextension-polyfill';
import { saveTalkToWatch } from '../db/watch-later';
import { canonicalVideoUrl, videoIdFromUrl } from '../talk/video-id';
import { clipTab, type ClipEnvironment } from './clip-command';
import { t } from '../i18n/t';

export const CLIP_PAGE_ITEM = 'clip-this-talk';
export const SAVE_LINK_ITEM = 'save-talk-to-watch';

const WATCH_PAGES = ['https://www.youtube.com/watch*', 'https://www.youtube.com/live/*', 'https://www.youtube.com/shorts/*'];
const VIDEO_LINKS = [...WATCH_PAGES, 'https://youtu.be/*', 'https://m.youtube.com/watch*', 'https://youtube.com/watch*'];

/** Menus persist across browser restarts: create them once, on install or update. */
export function createContextMenus(): void {
  browser.contextMenus.removeAll().then(
    () => {
      browser.contextMenus.create({ id: CLIP_PAGE_ITEM, title: t('menuClipThisTalk'), contexts: ['page', 'video'], documentUrlPatterns: WATCH_PAGES });
      browser.contextMenus.create({ id: SAVE_LINK_ITEM, title: t('menuSaveToWatch'), contexts: ['link'], targetUrlPatterns: VIDEO_LINKS });
    },
    () => undefined,
  );
}

/** Firefox gives a link's text with the click; Chrome does not, so it is read from the page (activeTab). */
type MenuClick = browser.Menus.OnClickData & { linkText?: string };

export async function onContextMenuClick(clips: ClipEnvironment, info: MenuClick, tab: browser.Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId === CLIP_PAGE_ITEM && tab?.id !== undefined) {
    await clipTab(clips, tab.id);
    return;
  }
  if (info.menuItemId !== SAVE_LINK_ITEM || !info.linkUrl) return;
  const videoId = videoIdFromUrl(info.linkUrl);
  if (!videoId) return;
  const title = info.linkText?.trim() || (tab?.id !== undefined ? await linkTextInPage(tab.id, info.linkUrl) : null);
  await saveTalkToWatch(clips.db, { videoId, url: canonicalVideoUrl(videoId), title });
}

async function linkTextInPage(tabId: number, linkUrl: string): Promise<string | null> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      // A video card can hold several links to one video (thumbnail, title): the first that names it wins.
      func: (href: string) => {
        for (const link of document.querySelectorAll('a')) {
          if (link.href !== href) continue;
          const named = link.getAttribute('title') || link.querySelector('#video-title')?.textContent || link.getAttribute('aria-label') || link.textContent;
          const text = (named ?? '').replace(/\s+/g, ' ').trim();
          if (text) return text.slice(0, 300);
        }
        return null;
      },
      args: [linkUrl],
    });
    return typeof result?.result === 'string' ? result.result : null;
  } catch {
    return null;
  }
}
