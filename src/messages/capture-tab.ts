import browser from 'webextension-polyfill';
import type { CaptureTab } from '../slides/capture-slide';
import { sendToContent } from './send';

/** The tab a slide is captured from, through the browser's APIs (popup, side panel, shortcut). */
export function browserCaptureTab(tabId: number, videoId: string): CaptureTab {
  return {
    askFrame: () => sendToContent(tabId, { type: 'talklog/capture-frame', videoId }),
    get: () => browser.tabs.get(tabId),
    screenshot: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
  };
}
