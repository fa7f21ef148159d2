import { t, type MessageKey } from '../i18n/t';
import type { NoTalkReason } from '../talk/model';

const EXPLANATIONS: Record<NoTalkReason, MessageKey> = {
  'not-youtube': 'noTalkNotYouTube',
  'not-a-watch-page': 'noTalkNotWatchPage',
  unavailable: 'noTalkUnavailable',
  live: 'noTalkLive',
  loading: 'noTalkLoading',
};

/** Why the tab holds no talk to clip, for the popup and for the shortcuts' word in the page. */
export function explainNoTalk(reason: NoTalkReason): string {
  return t(EXPLANATIONS[reason]);
}
