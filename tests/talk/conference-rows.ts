import type { PlaylistRow } from '../../src/talk/playlist';

/** The conference playlist's id in the unit tests (the e2e fake YouTube has its own). */
export const CONFERENCE_LIST = 'PLkc21NAconfPlaylist01';

/** `count` watchable talks of a conference playlist, in order: kc21talk001, kc21talk002, … */
export function conferenceRows(count: number): PlaylistRow[] {
  return Array.from({ length: count }, (_, i) => ({
    videoId: `kc21talk${String(i + 1).padStart(3, '0')}`,
    position: i + 1,
    title: `Talk ${i + 1} - Jane Doe, Acme`,
    channel: 'CNCF',
    durationSec: 1800,
    unavailable: null,
  }));
}
