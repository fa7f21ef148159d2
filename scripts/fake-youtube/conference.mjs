// A conference playlist for the stand-in: 200+ recorded talks the way CNCF uploads them, with the
// rows a real playlist has too: a deleted and a private video, a video listed twice, and titles
// that are hostile to markdown. It can grow, as a playlist does when more talks are uploaded.

/** @typedef {import('./videos.mjs').Video} Video */
/** @typedef {{ video: Video } | { video?: undefined, gone: 'Deleted' | 'Private', id: string }} PlaylistRow */
/** @typedef {{ id: string, title: string, rows: PlaylistRow[] }} Playlist */

export const CONFERENCE_PLAYLIST_ID = 'PLkc21NAconfPlaylist01';
export const CONFERENCE_TITLE = 'KubeCon + CloudNativeCon North America 2021';
export const CONFERENCE_CHANNEL = 'CNCF [Cloud Native Computing Foundation]';

const TOPICS = ['Scaling Prometheus', 'eBPF in Production', 'GitOps at Scale', 'Securing the Supply Chain', 'Service Mesh Lessons', 'Cluster API Deep Dive'];
const PEOPLE = ['Jane Doe, Acme', 'Rahul Iyer, Example Corp', 'Mei Chen, Initech', 'Tom Okafor, Globex', 'Ana Souza, Umbrella'];

/**
 * `kc21talk001`: an 11-character video id for the n-th upload (1-based).
 * @param {number} n
 */
export function conferenceVideoId(n) {
  return `kc21talk${String(n).padStart(3, '0')}`;
}

/**
 * @param {number} n
 * @returns {Video}
 */
function talk(n) {
  const hostile = n % 50 === 7 ? ' [unsafe] & *You*: `#` <tricks>' : '';
  return {
    id: conferenceVideoId(n),
    title: `${TOPICS[n % TOPICS.length]} ${n}${hostile} - ${PEOPLE[n % PEOPLE.length]}`,
    channel: CONFERENCE_CHANNEL,
    channelHandle: '@cncf',
    lengthSeconds: 900 + ((n * 137) % 1800),
    chapters: [],
  };
}

/**
 * The playlist's rows: `{video}` for a talk, `{gone: 'Deleted' | 'Private', id}` for a row
 * YouTube shows as `[Deleted video]` / `[Private video]`. `talks` uploads, one deleted and one
 * private row in the first batch, and talk 3 listed again near the end.
 * @param {number} talks
 * @returns {Playlist}
 */
export function conferencePlaylist(talks) {
  /** @type {PlaylistRow[]} */
  const rows = [];
  for (let n = 1; n <= talks; n++) {
    rows.push({ video: talk(n) });
    if (n === 4) rows.push({ gone: 'Deleted', id: 'kc21gone001' });
    if (n === 9) rows.push({ gone: 'Private', id: 'kc21priv001' });
  }
  rows.splice(rows.length - 2, 0, { video: talk(3) });
  return { id: CONFERENCE_PLAYLIST_ID, title: CONFERENCE_TITLE, rows };
}

/**
 * A conference talk's video by id, for its watch page.
 * @param {string} id
 */
export function conferenceVideoById(id) {
  const match = /^kc21talk(\d{3})$/.exec(id);
  return match ? talk(Number(match[1])) : undefined;
}
