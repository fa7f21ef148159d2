import { expect, test } from 'vitest';
import { slideLinks } from '../../src/export/slide-files';
import { renderTalkMarkdown } from '../../src/export/talk-log';
import type { Note, Talk } from '../../src/talk/model';
import type { SlideType } from '../../src/talk/slide';

const talk = {
  id: 't_Pr0meTheus1',
  videoId: 'Pr0meTheus1',
  url: 'https://www.youtube.com/watch?v=Pr0meTheus1',
  title: 'Prometheus',
  speakers: [],
  durationSec: null,
  interest: 0,
} as unknown as Talk;
const slide = (id: string, owner: string, talkId: string, atSec: number, takenAt: string, type: SlideType = 'image/webp') => ({
  id,
  owner,
  talkId,
  atSec,
  takenAt,
  type,
});

test('slides are named for their video and second, in the order taken; a talk not exported has none', () => {
  const links = slideLinks(
    [talk],
    [
      slide('s_b', 'n_1', talk.id, 754.9, '2026-11-20T10:02:00.000Z', 'image/jpeg'),
      slide('s_a', 'n_1', talk.id, 754.2, '2026-11-20T10:01:00.000Z'),
      slide('s_c', 'n_2', talk.id, 3754, '2026-11-20T10:03:00.000Z'),
      slide('s_d', 'n_9', 't_NotExported', 1, '2026-11-20T10:04:00.000Z'),
    ],
  );
  expect(Object.fromEntries(links)).toEqual({
    n_1: [
      { slideId: 's_a', atSec: 754.2, path: 'slides/Pr0meTheus1-754.webp' },
      { slideId: 's_b', atSec: 754.9, path: 'slides/Pr0meTheus1-754.jpg' },
    ],
    n_2: [{ slideId: 's_c', atSec: 3754, path: 'slides/Pr0meTheus1-3754.webp' }],
  });
});

test('a note’s slides are relative image links inside its list item, after its text', () => {
  const note: Note = {
    id: 'n_1',
    talkId: talk.id,
    body: 'agent mode\n\n> quoted',
    atSec: 754,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
  const slides = new Map([['n_1', [{ slideId: 's_a', atSec: 754.2, path: 'slides/Pr0meTheus1-754.webp' }]]]);
  expect(renderTalkMarkdown(talk, [note], { slides })).toBe(
    [
      '### [Prometheus](https://www.youtube.com/watch?v=Pr0meTheus1)',
      '',
      '- [12:34](https://www.youtube.com/watch?v=Pr0meTheus1&t=754s) agent mode',
      '',
      '  > quoted',
      '',
      '  ![Slide at 12:34](slides/Pr0meTheus1-754.webp)',
      '',
    ].join('\n'),
  );
});

test('slides taken in the same millisecond keep their order in the video, whatever their ids', () => {
  const sameMoment = '2026-11-20T10:01:00.000Z';
  const links = slideLinks([talk], [slide('s_z', 'n_1', talk.id, 754.2, sameMoment), slide('s_a', 'n_1', talk.id, 754.9, sameMoment)]);
  expect(links.get('n_1')?.map((link) => link.path)).toEqual(['slides/Pr0meTheus1-754.webp', 'slides/Pr0meTheus1-754-2.webp']);
  expect(links.get('n_1')?.map((link) => link.slideId)).toEqual(['s_z', 's_a']);
});
