import browser from 'webextension-polyfill';
import { videoIdFromUrl, videoTimeUrl } from '../talk/video-id';
import { sendToContent } from './send';

/**
 * A note's timestamp from a page that is not tied to one tab (the library): seeks the video where
 * it is already open, and brings that tab forward; otherwise opens the video at that second.
 */
export async function seekOrOpenVideo(videoId: string, atSec: number): Promise<'seeked' | 'opened'> {
  const tabs = await browser.tabs.query({ url: 'https://www.youtube.com/*' });
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url || videoIdFromUrl(tab.url) !== videoId) continue;
    const seeked = await sendToContent(tab.id, { type: 'talklog/seek', videoId, atSec }).catch(() => false);
    if (!seeked) continue;
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return 'seeked';
  }
  await browser.tabs.create({ url: videoTimeUrl(videoId, atSec) });
  return 'opened';
}
