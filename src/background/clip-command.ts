import browser from 'webextension-polyfill';
import type { TalklogDb } from '../db/database';
import { countNotesForTalk } from '../db/notes';
import { clipTalk } from '../db/talks';
import { askWhatTalkIsHere } from '../messages/ask-tab';
import type { ToolbarBadge } from './badge';
import { sendToContent } from '../messages/send';
import { loadSettings } from '../settings/settings-storage';
import type { Talk } from '../talk/model';
import { t } from '../i18n/t';

export const CLIP_COMMAND = 'clip-talk';

/** The keyboard shortcut: clips the talk in the active tab without opening anything. */
export async function clipActiveTab(db: TalklogDb, badge: ToolbarBadge): Promise<Talk | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id === undefined ? null : clipTab(db, badge, tab.id);
}

/** Clips the talk in a tab and confirms inside the page, where the user is looking (fullscreen too). */
export async function clipTab(db: TalklogDb, badge: ToolbarBadge, tabId: number): Promise<Talk | null> {
  const here = await askWhatTalkIsHere(tabId);
  if (here.kind !== 'talk') {
    await badge.flash(tabId, 'no-talk');
    return null;
  }
  const talk = await clipTalk(db, here.talk, new Date(), { settingsEvent: async () => (await loadSettings()).defaultEvent });
  const notes = await countNotesForTalk(db, talk.id);
  const text = notes > 0 ? t('clippedTalkWithNotes', talk.title, notes) : t('clippedTalk', talk.title);
  await sendToContent(tabId, { type: 'talklog/show-confirmation', text: text.slice(0, 200) }).catch(() => undefined);
  await badge.flash(tabId, 'clipped');
  return talk;
}
