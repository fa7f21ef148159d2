import type { CapturedTalk, NoTalkReason, TalkHere } from '../talk/model';
import { splitSpeakers } from '../talk/speakers';
import { canonicalVideoUrl } from '../talk/video-id';

/** The answers a page reader gives: a talk, built the same way from any part of the page, or none. */
export function talkHere(videoId: string, youtubeTitle: string, read: Pick<CapturedTalk, 'channel' | 'durationSec' | 'currentSec' | 'chapters'>): TalkHere {
  const { title, speakers } = splitSpeakers(youtubeTitle);
  return { kind: 'talk', talk: { videoId, url: canonicalVideoUrl(videoId), title, youtubeTitle, speakers, ...read } };
}

export function noTalk(reason: NoTalkReason, videoId: string | null): TalkHere {
  return { kind: 'no-talk', reason, videoId };
}
