import type { Interest, Note, Talk } from '../../src/talk/model';
import { canonicalVideoUrl } from '../../src/talk/video-id';

/** A talk for tests; `videoId` must be 11 characters. */
export function makeTalk(videoId: string, fields: Partial<Talk> = {}): Talk {
  return {
    id: `t_${videoId}`,
    videoId,
    url: canonicalVideoUrl(videoId),
    title: `Talk ${videoId}`,
    youtubeTitle: null,
    channel: null,
    speakers: [],
    durationSec: null,
    event: null,
    category: null,
    tags: [],
    interest: 0 as Interest,
    status: 'watched',
    playlist: null,
    createdAt: '2021-10-20T10:00:00.000Z',
    updatedAt: '2021-10-20T10:00:00.000Z',
    ...fields,
  };
}

let noteCount = 0;

export function makeNote(talk: Talk, body: string, fields: Partial<Note> = {}): Note {
  noteCount += 1;
  return {
    id: `n_${String(noteCount).padStart(4, '0')}`,
    talkId: talk.id,
    body,
    atSec: null,
    createdAt: '2021-10-21T10:00:00.000Z',
    updatedAt: '2021-10-21T10:00:00.000Z',
    ...fields,
  };
}
