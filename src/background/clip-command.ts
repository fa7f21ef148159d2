import browser from 'webextension-polyfill';
import type { TalklogDb } from '../db/database';
import { countNotesForTalk } from '../db/notes';
import { clipTalk, lastUsedEvent } from '../db/talks';
import { askWhatTalkIsHere } from '../messages/ask-tab';
import { sendToContent } from '../messages/send';
import { loadSettings } from '../settings/settings-storage';
import type { Talk } from '../talk/model';
import { t } from '../i18n/t';

export const CLIP_COMMAND = 'clip-talk';

/** The keyboard shortcut: clips the talk in the active tab without opening anything. */
export async function clipActiveTab(db: TalklogDb): Promise<Talk | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id === undefined ? null : clipTab(db, tab.id);
}

/** Clips the talk in a tab and confirms inside the page, where the user is looking (fullscreen too). */
export async function clipTab(db: TalklogDb, tabId: number): Promise<Talk | null> {
  const here = await askWhatTalkIsHere(tabId);
  if (here.kind !== 'talk') {
    await flashBadge(tabId, '–', '#6b7280');
    return null;
  }
  const defaultEvent = async () => (await loadSettings()).defaultEvent || lastUsedEvent(db);
  const talk = await clipTalk(db, here.talk, new Date(), { defaultEvent });
  const notes = await countNotesForTalk(db, talk.id);
  const text = notes > 0 ? t('clippedTalkWithNotes', talk.title, notes) : t('clippedTalk', talk.title);
  await sendToContent(tabId, { type: 'talklog/show-confirmation', text: text.slice(0, 200) }).catch(() => undefined);
  await flashBadge(tabId, '✓', '#067647');
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
