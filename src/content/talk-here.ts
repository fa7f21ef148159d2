import type { CapturedTalk, NoTalkReason, TalkHere } from '../talk/model';
import { boundedPageTalk, realSeconds } from '../talk/bounded-text';
import { splitSpeakers } from '../talk/speakers';
import { canonicalVideoUrl } from '../talk/video-id';

/**
 * The answers a page reader gives: a talk, built the same way from any part of the page, or none.
 * The page's text is cut to the limits Talklog stores, and a time that cannot be real dropped.
 */
export function talkHere(videoId: string, youtubeTitle: string, read: Pick<CapturedTalk, 'channel' | 'durationSec' | 'currentSec' | 'chapters'>): TalkHere {
  const { title, speakers } = splitSpeakers(youtubeTitle);
  const talk = { videoId, url: canonicalVideoUrl(videoId), title, youtubeTitle, speakers, ...read, currentSec: realSeconds(read.currentSec) };
  return { kind: 'talk', talk: boundedPageTalk(talk) };
}

export function noTalk(reason: NoTalkReason, videoId: string | null): TalkHere {
  return { kind: 'no-talk', reason, videoId };
}
