import { describe, expect, test } from 'vitest';
import type { PlaylistRow } from '../../src/talk/playlist';
import { eventProgress, formatHoursMinutes, planQueue, upNext } from '../../src/talk/queue';
import { makeTalk } from '../export/records';

const row = (position: number, videoId: string | null, unavailable: PlaylistRow['unavailable'] = null): PlaylistRow => ({
  videoId,
  position,
  title: unavailable ? '[Deleted video]' : `Talk ${position} - Jane Doe, Acme`,
  channel: null,
  durationSec: null,
  unavailable,
});

describe('planQueue', () => {
  test('one row per video at its first place; deleted, private and repeated rows are skipped', () => {
    const plan = planQueue([
      row(1, 'AAAAAAAAAAA'),
      row(2, 'gone0000001', 'deleted'),
      row(3, 'BBBBBBBBBBB'),
      row(4, 'priv0000001', 'private'),
      row(5, 'AAAAAAAAAAA'),
      row(6, null, 'deleted'),
    ]);
    expect(plan.rows.map((r) => [r.position, r.videoId])).toEqual([
      [1, 'AAAAAAAAAAA'],
      [3, 'BBBBBBBBBBB'],
    ]);
    expect(plan.skipped).toBe(4);
  });
});

describe('upNext', () => {
  const place = (position: number) => ({ id: 'PL1', position });
  const talks = [
    makeTalk('AAAAAAAAAAA', { status: 'to-watch', interest: 3, playlist: place(1) }),
    makeTalk('BBBBBBBBBBB', { status: 'to-watch', interest: 5, playlist: place(9) }),
    makeTalk('CCCCCCCCCCC', { status: 'to-watch', interest: 5, playlist: place(4) }),
    makeTalk('DDDDDDDDDDD', { status: 'watched', interest: 5, playlist: place(2) }),
    makeTalk('EEEEEEEEEEE', { status: 'skipped', interest: 5, playlist: place(3) }),
    makeTalk('FFFFFFFFFFF', { status: 'to-watch', interest: 0, playlist: place(5) }),
  ];

  test('highest interest, not watched or skipped, then playlist order', () => {
    expect(upNext(talks, null)?.videoId).toBe('CCCCCCCCCCC');
  });

  test('the talk in the tab is not its own next', () => {
    expect(upNext(talks, 't_CCCCCCCCCCC')?.videoId).toBe('BBBBBBBBBBB');
  });

  test("an event queued from two playlists follows one playlist's order, then the other's", () => {
    const day = (id: string, position: number) => ({ id, position });
    const days = [
      makeTalk('day2talk001', { status: 'to-watch', playlist: day('PLday2', 1) }),
      makeTalk('day1talk002', { status: 'to-watch', playlist: day('PLday1', 2) }),
      makeTalk('day2talk002', { status: 'to-watch', playlist: day('PLday2', 2) }),
      makeTalk('alone000001', { status: 'to-watch', playlist: null }),
      makeTalk('day1talk001', { status: 'to-watch', playlist: day('PLday1', 1) }),
    ];
    const order: string[] = [];
    for (
      let next = upNext(days, null);
      next;
      next = upNext(
        days.filter((talk) => !order.includes(talk.videoId)),
        next.id,
      )
    )
      order.push(next.videoId);
    expect(order).toEqual(['day1talk001', 'day1talk002', 'day2talk001', 'day2talk002', 'alone000001']);
  });

  test('unrated talks come after rated ones; nothing left is null', () => {
    expect(
      upNext(
        talks.filter((t) => t.interest === 0 || t.status !== 'to-watch'),
        null,
      )?.videoId,
    ).toBe('FFFFFFFFFFF');
    expect(upNext(talks.slice(3, 5), null)).toBeNull();
  });
});

describe('eventProgress', () => {
  test('watched of all; time left counts only the talks still kept', () => {
    const talks = [
      makeTalk('AAAAAAAAAAA', { status: 'watched', durationSec: 1800 }),
      makeTalk('BBBBBBBBBBB', { status: 'to-watch', durationSec: 2400 }),
      makeTalk('CCCCCCCCCCC', { status: 'watching', durationSec: 1200 }),
      makeTalk('DDDDDDDDDDD', { status: 'skipped', durationSec: 3000 }),
      makeTalk('EEEEEEEEEEE', { status: 'to-watch', durationSec: null }),
    ];
    expect(eventProgress(talks)).toEqual({ watched: 1, total: 5, secondsLeft: 3600 });
  });
});

test.each([
  [34_800, '9 h 40 min'],
  [2400, '40 min'],
  [3600, '1 h 0 min'],
  [29, '0 min'],
])('formatHoursMinutes(%i) is %s', (seconds, text) => {
  expect(formatHoursMinutes(seconds)).toBe(text);
});
