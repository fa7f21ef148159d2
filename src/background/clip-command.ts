import browser from 'webextension-polyfill';
import type { TalklogDb } from '../db/database';
import { clipTalk } from '../db/talks';
import { askWhatTalkIsHere } from '../messages/ask-tab';
import type { Talk } from '../talk/model';

export const CLIP_COMMAND = 'clip-talk';

/** The keyboard shortcut: clips the talk in the active tab without opening anything. */
export async function clipActiveTab(db: TalklogDb): Promise<Talk | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return null;
  const here = await askWhatTalkIsHere(tab.id);
  if (here.kind !== 'talk') {
    await flashBadge(tab.id, '–', '#6b7280');
    return null;
  }
  const talk = await clipTalk(db, here.talk);
  await flashBadge(tab.id, '✓', '#067647');
  return talk;
}

/** A short sign on the toolbar button; the note count comes back after it. */
async function flashBadge(tabId: number, text: string, color: string): Promise<void> {
  const before = await browser.action.getBadgeText({ tabId });
  await browser.action.setBadgeBackgroundColor({ tabId, color });
  await browser.action.setBadgeText({ tabId, text });
  setTimeout(() => {
    void browser.action.setBadgeText({ tabId, text: before }).catch(() => undefined);
    void browser.action.setBadgeBackgroundColor({ tabId, color: '#4f46e5' }).catch(() => undefined);
  }, 1500);
}
