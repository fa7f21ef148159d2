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

/** Firefox gives a link's text with the click; Chrome does not. */
type MenuClick = browser.Menus.OnClickData & { linkText?: string };

/** A link's address written out ("https://youtu.be/…", "youtube.com/watch?v=…") says nothing of its talk. */
const WRITTEN_ADDRESS = /^(?:\w+:\/\/|www\.|[\w-]+(?:\.[\w-]+)+\/)\S*$/i;

export async function onContextMenuClick(clips: ClipEnvironment, info: MenuClick, tab: browser.Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId === CLIP_PAGE_ITEM && tab?.id !== undefined) {
    await clipTab(clips, tab.id);
    return;
  }
  if (info.menuItemId !== SAVE_LINK_ITEM || !info.linkUrl) return;
  const videoId = videoIdFromUrl(info.linkUrl);
  if (!videoId) return;
  // The page is asked first in Firefox too: its text of a thumbnail is the badges on it ("31:20 Now playing"), and of
  // a link with none, the address. A link that names nothing leaves the talk untitled, for its first clip to name.
  const inPage = tab?.id !== undefined ? await linkNamesInPage(tab.id, info.linkUrl) : [];
  const title = [...inPage, info.linkText ?? ''].map((text) => text.replace(/\s+/g, ' ').trim()).find((text) => text && !WRITTEN_ADDRESS.test(text));
  await saveTalkToWatch(clips.db, { videoId, url: canonicalVideoUrl(videoId), title: title ?? null });
}

/** What each of the page's links to this address says of it, in the page's order. */
async function linkNamesInPage(tabId: number, linkUrl: string): Promise<string[]> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      // A video card holds several links to one video: its thumbnail first, whose only text is the overlays on it
      // (its length, "Now playing"), then its title.
      func: (href: string) =>
        [...document.querySelectorAll('a')]
          .filter((link) => link.href === href)
          .map((link) => {
            const named = link.getAttribute('title') || link.querySelector('#video-title')?.textContent || link.getAttribute('aria-label');
            if (named) return named;
            const text = link.cloneNode(true) as HTMLAnchorElement;
            for (const overlay of text.querySelectorAll('#overlays, [class*="overlay"], [class*="badge"]')) overlay.remove();
            return text.textContent ?? '';
          }),
      args: [linkUrl],
    });
    return Array.isArray(result?.result) ? result.result : [];
  } catch {
    return [];
  }
}
