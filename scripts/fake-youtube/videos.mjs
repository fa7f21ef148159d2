// The talks our offline stand-in for www.youtube.com serves, shaped like real conference uploads.
/** @typedef {{ id: string, title: string, channel: string, channelHandle: string, lengthSeconds: number, chapters: { title: string, startSec: number }[], slides?: boolean }} Video */

/** @type {Video[]} */
export const VIDEOS = [
  {
    id: 'Pr0meTheus1',
    title: 'Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat',
    channel: 'CNCF [Cloud Native Computing Foundation]',
    channelHandle: '@cncf',
    lengthSeconds: 1880,
    chapters: [
      { title: 'Intro', startSec: 0 },
      { title: 'Scrape limits', startSec: 190 },
      { title: 'Agent mode', startSec: 900 },
    ],
  },
  {
    id: 'OpenMetr1cs',
    title: 'What You Need to Know About OpenMetrics - Richard Hartmann & Ben Kochie',
    channel: 'CNCF [Cloud Native Computing Foundation]',
    channelHandle: '@cncf',
    lengthSeconds: 1712,
    chapters: [],
  },
  {
    id: 'H0st1le_T1t',
    title: 'Rust [unsafe] & *You*: `#` <tricks> 🚀',
    channel: 'Tom & Jerry’s <Talks>',
    channelHandle: '@tomandjerry',
    lengthSeconds: 3725,
    chapters: [],
  },
];

/**
 * A talk whose player shows real pictures (slides-video.mjs), for slide capture. Kept out of
 * VIDEOS so the other pages' related lists and the bench's dataset stay as they were.
 * @type {Video}
 */
export const SLIDES_TALK = {
  id: 'Sl1desT4lk0',
  title: 'Slides Worth Keeping - Ada Lovelace, Analytical Engines',
  channel: 'Talklog Test Conference',
  channelHandle: '@talklogtest',
  lengthSeconds: 20,
  chapters: [],
  slides: true,
};

/**
 * Talks whose words test the layout: a title and a channel with no place to break them, and a talk
 * in Hebrew. Kept out of VIDEOS for the same reason as SLIDES_TALK.
 * @type {Video[]}
 */
export const EDGE_TALKS = [
  {
    id: 'L0ngW0rds01',
    title: `Observability${'AndTracing'.repeat(12)} - Ada Lovelace`,
    channel: `ConferenceRecordings${'Archive'.repeat(14)}`,
    channelHandle: '@longwords',
    lengthSeconds: 2400,
    chapters: [],
  },
  {
    id: 'Hebr3wT4lk0',
    title: 'ניטור מערכות מבוזרות - דנה לוי, ויקס',
    channel: 'כנס מפתחים 2024',
    channelHandle: '@devconfil',
    lengthSeconds: 1500,
    chapters: [],
  },
];

/** @param {string} id */
export function videoById(id) {
  return [...VIDEOS, SLIDES_TALK, ...EDGE_TALKS].find((video) => video.id === id);
}
