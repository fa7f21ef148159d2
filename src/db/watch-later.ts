import type { Talk } from '../talk/model';
import { talkIdFor } from '../talk/model';
import { boundedPageTalk, clipText } from '../talk/bounded-text';
import { TITLE_MAX_CHARS } from '../talk/limits';
import { splitSpeakers } from '../talk/speakers';
import { libraryTables, type TalklogDb } from './database';
import { newTalk, untitledTalk } from './talks';

/**
 * Saves a talk seen as a link (a playlist, a schedule page) as `to-watch`, without opening it.
 * Clipping it later fills in what a link cannot tell; a talk already saved is left as it is.
 */
export async function saveTalkToWatch(db: TalklogDb, link: { videoId: string; url: string; title: string | null }, now = new Date()): Promise<Talk> {
  // A link's text comes from a page: cut to the limits, as the content script cuts a watch page's (each speaker too:
  // one the title's last part ran on into was longer than a backup takes back).
  const { title, speakers } = splitSpeakers(clipText(link.title ?? '', TITLE_MAX_CHARS));
  const seen = boundedPageTalk({
    videoId: link.videoId,
    title: title || untitledTalk(link.videoId),
    youtubeTitle: null,
    channel: null,
    speakers,
    durationSec: null,
  });
  return db.transaction('rw', libraryTables(db), async () => {
    const existing = await db.talks.get(talkIdFor(link.videoId));
    if (existing) return existing;
    const talk: Talk = {
      ...newTalk(seen, now),
      status: 'to-watch',
    };
    await db.talks.add(talk);
    return talk;
  });
}
