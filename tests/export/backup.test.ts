import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  createBackup,
  danglingNoteTalkIds,
  misplacedSlide,
  mergeByUpdatedAt,
  parseBackup,
  serializeBackup,
  type Backup,
  type BackupSlide,
} from '../../src/export/backup';
import { TALK_STATUSES, type Interest } from '../../src/talk/model';
import { makeNote, makeTalk } from './records';

const NOW = new Date('2026-11-26T05:00:00.000Z');

function sampleBackup(): Backup {
  const talk = makeTalk('XXXXXXXXXX1', {
    title: 'Evolving Prometheus for More Use Cases',
    channel: 'CNCF [Cloud Native Computing Foundation]',
    speakers: ['Bartłomiej Płotka'],
    durationSec: 1880,
    event: 'KubeCon NA 2021',
    category: 'Observability',
    tags: ['prometheus'],
    interest: 4,
  });
  const other = makeTalk('XXXXXXXXXX2');
  return createBackup([talk, other], [makeNote(talk, 'new scrape limits', { id: 'n_1', atSec: 252 }), makeNote(other, 'later', { id: 'n_2' })], NOW);
}

/** The sample backup as parsed JSON, to break in one place. */
function sampleJson(): any {
  return JSON.parse(serializeBackup(sampleBackup()));
}

function errorOf(text: string): string {
  const result = parseBackup(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

function errorAfter(change: (json: any) => void): string {
  const json = sampleJson();
  change(json);
  return errorOf(JSON.stringify(json));
}

describe('createBackup and serializeBackup', () => {
  test('write the documented format, keys in the documented order, 2-space JSON ending in a newline', () => {
    const text = serializeBackup(sampleBackup());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": "talklog-backup",\n  "version": 3,\n  "exportedAt": "2026-11-26T05:00:00.000Z",\n');
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['format', 'version', 'exportedAt', 'talks', 'notes', 'slides']);
    expect(Object.keys(json.talks[0])).toEqual([
      'id',
      'videoId',
      'url',
      'title',
      'youtubeTitle',
      'channel',
      'speakers',
      'durationSec',
      'event',
      'category',
      'tags',
      'interest',
      'status',
      'playlist',
      'createdAt',
      'updatedAt',
    ]);
    expect(Object.keys(json.notes[0])).toEqual(['id', 'talkId', 'body', 'atSec', 'createdAt', 'updatedAt']);
  });

  test('copy only the known fields of the records', () => {
    const talk = { ...makeTalk('XXXXXXXXXXX'), extra: 'not exported' };
    const backup = createBackup([talk], [], NOW);
    expect(backup.talks[0]).not.toHaveProperty('extra');
    expect(backup.talks[0].speakers).not.toBe(talk.speakers);
  });
});

describe('parseBackup', () => {
  const unicode = fc.string({
    unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('\u0000', '\u001f', '\u2028', '\ud800', '\udfff')),
    maxLength: 20,
  });
  const isoTime = fc
    .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString());
  const seconds = fc.option(fc.oneof(fc.nat({ max: 86_400 }), fc.double({ min: 0, max: 86_400, noNaN: true, noDefaultInfinity: true })));
  const talks = fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{11}$/), { maxLength: 4 }).chain((videoIds) =>
    fc.tuple(
      ...videoIds.map((videoId) =>
        fc
          .record({
            title: unicode.filter((title) => title.trim() !== ''),
            youtubeTitle: fc.option(unicode),
            channel: fc.option(unicode),
            speakers: fc.array(unicode, { maxLength: 3 }),
            durationSec: seconds,
            event: fc.option(unicode),
            category: fc.option(unicode),
            tags: fc.array(unicode, { maxLength: 3 }),
            interest: fc.integer({ min: 0, max: 5 }).map((n) => n as Interest),
            status: fc.constantFrom(...TALK_STATUSES),
            createdAt: isoTime,
            updatedAt: isoTime,
          })
          .map((fields) => makeTalk(videoId, fields)),
      ),
    ),
  );
  const notes = fc.uniqueArray(
    fc.record({
      id: unicode.map((suffix) => `n_${suffix}x`),
      talkId: unicode,
      body: unicode,
      atSec: seconds,
      createdAt: isoTime,
      updatedAt: isoTime,
    }),
    { selector: (note) => note.id, maxLength: 5 },
  );

  test('reads back exactly what was written, whatever the text', () => {
    fc.assert(
      fc.property(talks, notes, isoTime, (talkList, noteList, exportedAt) => {
        const backup = createBackup(talkList, noteList, new Date(exportedAt));
        expect(parseBackup(serializeBackup(backup))).toEqual({ ok: true, backup, talksCut: 0 });
      }),
      { numRuns: 200 },
    );
  });

  test('accepts unknown keys but keeps only the known fields, in fresh plain objects', () => {
    const json = sampleJson();
    json.comment = { nested: ['anything'] };
    json.talks[0].color = 'red';
    json.notes[0].pinned = true;
    const result = parseBackup(JSON.stringify(json));
    expect(result).toEqual({ ok: true, backup: sampleBackup(), talksCut: 0 });
    if (!result.ok) return;
    expect(result.backup).not.toHaveProperty('comment');
    expect(result.backup.talks[0]).not.toHaveProperty('color');
    expect(Object.getPrototypeOf(result.backup.talks[0])).toBe(Object.prototype);
  });

  test('a talk without youtubeTitle (an older file) reads as null; a mistyped one is refused', () => {
    const json = sampleJson();
    delete json.talks[0].youtubeTitle;
    const older = parseBackup(JSON.stringify(json));
    expect(older.ok && older.backup.talks[0].youtubeTitle).toBeNull();
    json.talks[0].youtubeTitle = 42;
    expect(parseBackup(JSON.stringify(json))).toEqual({ ok: false, error: 'talks[0].youtubeTitle: expected a string or null, found 42' });
  });

  test('a version 1 file (before playlists) imports: its talks were queued from no playlist', () => {
    const json = sampleJson();
    json.version = 1;
    for (const talk of json.talks) delete talk.playlist;
    const older = parseBackup(JSON.stringify(json));
    expect(older.ok && older.backup.talks.map((talk) => talk.playlist)).toEqual([null, null]);
  });

  test('a queued talk keeps its playlist place and skipped status; a malformed place is refused', () => {
    const json = sampleJson();
    json.talks[0].playlist = { id: 'PLkc21NAconfPlaylist01', position: 7 };
    json.talks[0].status = 'skipped';
    const parsed = parseBackup(JSON.stringify(json));
    expect(parsed.ok && parsed.backup.talks[0]).toMatchObject({ playlist: { id: 'PLkc21NAconfPlaylist01', position: 7 }, status: 'skipped' });
    json.talks[0].playlist = { id: 'PLkc21NAconfPlaylist01', position: 0 };
    expect(parseBackup(JSON.stringify(json))).toEqual({
      ok: false,
      error: 'talks[0].playlist.position: expected a place in the playlist (1 or more), found 0',
    });
    json.talks[0].playlist = { id: 'x'.repeat(5000), position: 1 };
    expect(parseBackup(JSON.stringify(json))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^talks\[0\]\.playlist\.id: expected a YouTube playlist id/),
    });
  });

  test('accepts a byte order mark and the smallest backup', () => {
    expect(parseBackup(`\uFEFF${serializeBackup(createBackup([], [], NOW))}`).ok).toBe(true);
    expect(parseBackup('{"format":"talklog-backup","version":1,"exportedAt":"2026-11-26T05:00:00Z","talks":[],"notes":[]}').ok).toBe(true);
  });

  test('never throws, whatever the file holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (text) => {
        expect(parseBackup(text).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test.each([
    ['', 'The file is empty: choose the talklog-backup.json file that "Export backup" saved.'],
    [' \n\t', 'The file is empty: choose the talklog-backup.json file that "Export backup" saved.'],
    ['# Talk log\n', 'The file is not JSON, so it is not a Talklog backup: choose the talklog-backup.json file that "Export backup" saved.'],
    ['[1, 2]', 'The file holds an array, not a Talklog backup (a JSON object).'],
    ['"talklog-backup"', 'The file holds "talklog-backup", not a Talklog backup (a JSON object).'],
    ['null', 'The file holds null, not a Talklog backup (a JSON object).'],
  ])('rejects %j', (text, error) => {
    expect(errorOf(text)).toBe(error);
  });

  test('says when the file was cut short, and when it is broken JSON', () => {
    const text = serializeBackup(sampleBackup());
    for (const length of [1, 20, text.indexOf('"title"') + 12, text.length - 3]) {
      expect(errorOf(text.slice(0, length))).toBe('The file ends in the middle of the backup: it was cut short. Export the backup again.');
    }
    expect(errorOf('{"format": "talklog-backup",}')).toMatch(/^The file is not valid JSON \(.+\); was it edited by hand\?$/);
  });

  test.each<[string, (json: any) => void, string]>([
    ['no format', (json) => delete json.format, 'format: missing: this is not a Talklog backup'],
    ['another format', (json) => (json.format = 'other-app'), 'format: expected "talklog-backup", found "other-app": this is not a Talklog backup'],
    ['a newer version', (json) => (json.version = 4), 'version: this backup was made by a newer Talklog (backup version 4); update Talklog to import it'],
    ['a version as text', (json) => (json.version = '1'), 'version: expected 1, 2 or 3, found "1"'],
    ['version 0', (json) => (json.version = 0), 'version: expected 1, 2 or 3, found 0'],
    ['no version', (json) => delete json.version, 'version: expected 1, 2 or 3, found nothing'],
    [
      'a bad export time',
      (json) => (json.exportedAt = 'yesterday'),
      'exportedAt: expected an ISO 8601 time such as "2021-10-14T17:05:00.000Z", found "yesterday"',
    ],
    ['no talks', (json) => delete json.talks, 'talks: missing (expected a list of talks)'],
    ['talks as an object', (json) => (json.talks = {}), 'talks: expected a list of talks, found an object'],
    ['a talk that is no object', (json) => (json.talks[1] = 'talk'), 'talks[1]: expected a talk (an object), found "talk"'],
    ['a short video id', (json) => (json.talks[1].videoId = 'abc'), 'talks[1].videoId: expected an 11-character YouTube video id, found "abc"'],
    [
      'a video id with a slash',
      (json) => (json.talks[0].videoId = 'XXXXXXXX/X1'),
      'talks[0].videoId: expected an 11-character YouTube video id, found "XXXXXXXX/X1"',
    ],
    ['no video id', (json) => delete json.talks[0].videoId, 'talks[0].videoId: missing (expected an 11-character YouTube video id)'],
    [
      'a talk id not made from the video id',
      (json) => (json.talks[0].id = 't_XXXXXXXXXX2'),
      'talks[0].id: expected "t_XXXXXXXXXX1" (t_ and the video id), found "t_XXXXXXXXXX2"',
    ],
    ['a talk id as a number', (json) => (json.talks[0].id = 7), 'talks[0].id: expected a string, found 7'],
    [
      'a URL of another form',
      (json) => (json.talks[0].url = 'https://youtu.be/XXXXXXXXXX1'),
      'talks[0].url: expected the video\'s URL "https://www.youtube.com/watch?v=XXXXXXXXXX1", found "https://youtu.be/XXXXXXXXXX1"',
    ],
    ['no title', (json) => delete json.talks[1].title, 'talks[1].title: missing (expected a string)'],
    ['a null title', (json) => (json.talks[1].title = null), 'talks[1].title: expected a string, found null'],
    ['a channel as a number', (json) => (json.talks[0].channel = 5), 'talks[0].channel: expected a string or null, found 5'],
    ['no channel', (json) => delete json.talks[0].channel, 'talks[0].channel: missing (expected a string or null)'],
    [
      'speakers as a string',
      (json) => (json.talks[0].speakers = 'Bartłomiej Płotka'),
      'talks[0].speakers: expected a list of strings, found "Bartłomiej Płotka"',
    ],
    ['a speaker as an object', (json) => (json.talks[0].speakers = ['a', {}]), 'talks[0].speakers[1]: expected a string, found an object'],
    [
      'a negative duration',
      (json) => (json.talks[0].durationSec = -1),
      'talks[0].durationSec: expected a number of seconds from 0 to 86400 (a day) or null, found -1',
    ],
    [
      'a duration as text',
      (json) => (json.talks[0].durationSec = '31:20'),
      'talks[0].durationSec: expected a number of seconds from 0 to 86400 (a day) or null, found "31:20"',
    ],
    ['an event as a list', (json) => (json.talks[0].event = []), 'talks[0].event: expected a string or null, found an array'],
    ['a category as true', (json) => (json.talks[0].category = true), 'talks[0].category: expected a string or null, found true'],
    ['a tag as a number', (json) => (json.talks[0].tags = [1]), 'talks[0].tags[0]: expected a string, found 1'],
    ['interest 6', (json) => (json.talks[0].interest = 6), 'talks[0].interest: expected a whole number from 0 to 5, found 6'],
    ['interest 2.5', (json) => (json.talks[0].interest = 2.5), 'talks[0].interest: expected a whole number from 0 to 5, found 2.5'],
    [
      'an unknown status',
      (json) => (json.talks[0].status = 'done'),
      'talks[0].status: expected one of "to-watch", "watching", "watched", "skipped", found "done"',
    ],
    [
      'a date that does not parse',
      (json) => (json.talks[0].createdAt = '2021-13-45T99:00:00Z'),
      'talks[0].createdAt: expected an ISO 8601 time such as "2021-10-14T17:05:00.000Z", found "2021-13-45T99:00:00Z"',
    ],
    [
      'a date in another format',
      (json) => (json.talks[0].updatedAt = 'Thu, 14 Oct 2021 17:05:00 GMT'),
      'talks[0].updatedAt: expected an ISO 8601 time such as "2021-10-14T17:05:00.000Z", found "Thu, 14 Oct 2021 17:05:00 GMT"',
    ],
    [
      'a time as a number',
      (json) => (json.talks[0].updatedAt = 1634231100000),
      'talks[0].updatedAt: expected an ISO 8601 time such as "2021-10-14T17:05:00.000Z", found 1634231100000',
    ],
    ['the same video twice', (json) => json.talks.push(json.talks[0]), 'talks[2].id: "t_XXXXXXXXXX1" is already used by talks[0]'],
    ['no notes', (json) => delete json.notes, 'notes: missing (expected a list of notes)'],
    ['a note id without n_', (json) => (json.notes[1].id = 'note-1'), 'notes[1].id: expected a note id starting with "n_", found "note-1"'],
    ['a note id that is only n_', (json) => (json.notes[1].id = 'n_'), 'notes[1].id: expected a note id starting with "n_", found "n_"'],
    ['no talk id in a note', (json) => delete json.notes[0].talkId, 'notes[0].talkId: missing (expected a string)'],
    ['a body as a list', (json) => (json.notes[0].body = ['a']), 'notes[0].body: expected a string, found an array'],
    ['a time as text', (json) => (json.notes[0].atSec = '4:12'), 'notes[0].atSec: expected a number of seconds from 0 to 86400 (a day) or null, found "4:12"'],
    ['a negative time', (json) => (json.notes[0].atSec = -3), 'notes[0].atSec: expected a number of seconds from 0 to 86400 (a day) or null, found -3'],
    ['no time', (json) => delete json.notes[0].atSec, 'notes[0].atSec: missing (expected a number of seconds from 0 to 86400 (a day) or null)'],
    ['the same note twice', (json) => json.notes.push(json.notes[1]), 'notes[2].id: "n_2" is already used by notes[1]'],
  ])('rejects %s', (_, change, error) => {
    expect(errorAfter(change)).toBe(error);
  });

  test('rejects a number too large to read', () => {
    const text = serializeBackup(sampleBackup()).replace('"durationSec": 1880', '"durationSec": 1e999');
    expect(errorOf(text)).toBe('talks[0].durationSec: expected a number of seconds from 0 to 86400 (a day) or null, found Infinity');
  });

  test('names the first bad place when there are several', () => {
    expect(
      errorAfter((json) => {
        json.talks[1].interest = 9;
        json.talks[0].status = 'nope';
        json.notes[0].body = null;
      }),
    ).toBe('talks[0].status: expected one of "to-watch", "watching", "watched", "skipped", found "nope"');
    expect(
      errorAfter((json) => {
        json.talks.push(json.talks[0], { broken: true });
        json.notes[0].body = null;
      }),
    ).toBe('talks[2].id: "t_XXXXXXXXXX1" is already used by talks[0]');
  });

  test.each([
    ['{"__proto__": {"polluted": true}, "format": "talklog-backup"}', '__proto__: a key named "__proto__" is not allowed'],
    ['{"constructor": {"prototype": {}}}', 'constructor: a key named "constructor" is not allowed'],
  ])('rejects prototype keys at the top: %s', (text, error) => {
    expect(errorOf(text)).toBe(error);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each<[string, (json: any) => void, string]>([
    [
      'in a talk',
      (json) => (json.talks[1] = JSON.parse(`{"__proto__": 1, ${JSON.stringify(json.talks[1]).slice(1)}`)),
      'talks[1].__proto__: a key named "__proto__" is not allowed',
    ],
    ['in a note', (json) => (json.notes[0].constructor = { x: 1 }), 'notes[0].constructor: a key named "constructor" is not allowed'],
    [
      'under an unknown key',
      (json) => (json['my notes'] = [{ deep: { prototype: null } }]),
      '["my notes"][0].deep.prototype: a key named "prototype" is not allowed',
    ],
  ])('rejects prototype keys anywhere: %s', (_, change, error) => {
    expect(errorAfter(change)).toBe(error);
  });

  test('rejects a string longer than 1,000,000 characters, naming its place', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    expect(errorAfter((json) => (json.notes[1].body = huge))).toBe('notes[1].body: longer than 1,000,000 characters');
    expect(errorAfter((json) => (json.extra = { [huge]: 1 }))).toBe('extra: has a key longer than 1,000,000 characters');
    const longest = sampleJson();
    longest.notes[0].body = 'y'.repeat(1_000_000);
    expect(parseBackup(JSON.stringify(longest)).ok).toBe(true);
  });

  test.each<[string, (json: any) => void, string]>([
    ['an empty title', (json) => (json.talks[1].title = ''), 'talks[1].title: empty (a talk needs a title)'],
    ['a blank title', (json) => (json.talks[1].title = ' \n\t'), 'talks[1].title: empty (a talk needs a title)'],
    [
      'a position of 1e308 seconds',
      (json) => (json.notes[0].atSec = 1e308),
      'notes[0].atSec: expected a number of seconds from 0 to 86400 (a day) or null, found 1e+308',
    ],
    [
      'a length over a day',
      (json) => (json.talks[0].durationSec = 86_401),
      'talks[0].durationSec: expected a number of seconds from 0 to 86400 (a day) or null, found 86401',
    ],
    ['the 30th of February', (json) => (json.talks[0].createdAt = '2021-02-30T10:00:00.000Z'), 'talks[0].createdAt: no such time: "2021-02-30T10:00:00.000Z"'],
    ['hour 24', (json) => (json.notes[0].updatedAt = '2021-03-01T24:00:00Z'), 'notes[0].updatedAt: no such time: "2021-03-01T24:00:00Z"'],
    ['year 275760', (json) => (json.talks[0].updatedAt = '+275760-09-13T00:00:00.000Z'), 'talks[0].updatedAt: no such time: "+275760-09-13T00:00:00.000Z"'],
    ['year 0', (json) => (json.talks[0].updatedAt = '0000-01-01T00:00:00.000Z'), 'talks[0].updatedAt: no such time: "0000-01-01T00:00:00.000Z"'],
    // The same checks on times already in toISOString()'s form, which are read without a Date.
    ['the 31st of April', (json) => (json.notes[0].createdAt = '2021-04-31T10:00:00.000Z'), 'notes[0].createdAt: no such time: "2021-04-31T10:00:00.000Z"'],
    [
      'the 29th of February 2023',
      (json) => (json.notes[0].createdAt = '2023-02-29T10:00:00.000Z'),
      'notes[0].createdAt: no such time: "2023-02-29T10:00:00.000Z"',
    ],
    ['hour 24, canonical', (json) => (json.notes[0].updatedAt = '2021-03-01T24:00:00.000Z'), 'notes[0].updatedAt: no such time: "2021-03-01T24:00:00.000Z"'],
    [
      'minute 60',
      (json) => (json.talks[0].updatedAt = '2021-03-01T10:60:00.000Z'),
      'talks[0].updatedAt: expected an ISO 8601 time such as "2021-10-14T17:05:00.000Z", found "2021-03-01T10:60:00.000Z"',
    ],
  ])('refuses what cannot be real: %s', (_, change, error) => {
    expect(errorAfter(change)).toBe(error);
  });

  test('reads every time in one canonical UTC form, so that times sort as text', () => {
    const json = sampleJson();
    json.exportedAt = '2026-11-26T10:00+05:00';
    json.talks[0].createdAt = '2021-10-14T19:05:00+02:00';
    json.talks[0].updatedAt = '2021-10-14T17:05:00.123456Z';
    json.notes[0].createdAt = '2021-10-14T12:05:00.5-05:00';
    const result = parseBackup(JSON.stringify(json));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.exportedAt).toBe('2026-11-26T05:00:00.000Z');
    expect([result.backup.talks[0].createdAt, result.backup.talks[0].updatedAt]).toEqual(['2021-10-14T17:05:00.000Z', '2021-10-14T17:05:00.123Z']);
    expect(result.backup.notes[0].createdAt).toBe('2021-10-14T17:05:00.500Z');
    json.talks[0].createdAt = '2024-02-29T23:59:59.999Z';
    const leapDay = parseBackup(JSON.stringify(json));
    expect(leapDay.ok && leapDay.backup.talks[0].createdAt).toBe('2024-02-29T23:59:59.999Z');
  });

  test('keeps the longest values Talklog writes, and a whole day of seconds', () => {
    const json = sampleJson();
    Object.assign(json.talks[0], {
      title: 't'.repeat(1000),
      youtubeTitle: 'y'.repeat(1000),
      channel: 'c'.repeat(200),
      event: 'e'.repeat(200),
      durationSec: 86_400,
    });
    json.notes[0].atSec = 86_400;
    expect(parseBackup(JSON.stringify(json)).ok).toBe(true);
  });

  test('cuts a speaker or an event past 200 characters, as older Talklogs stored and backed them up, and counts the talks cut', () => {
    const json = sampleJson();
    json.talks[0].speakers = ['Jane Doe', `Acme Corp and ${'the maintainers of every project '.repeat(20)}`];
    json.talks[1].event = 'KubeCon '.repeat(30);
    const result = parseBackup(JSON.stringify(json));
    expect(result.ok && result.talksCut).toBe(2);
    if (!result.ok) return;
    const [first, second] = result.backup.talks;
    expect(first.speakers).toEqual(['Jane Doe', `${json.talks[0].speakers[1].slice(0, 199)}…`]);
    expect(second.event).toBe(`${'KubeCon '.repeat(24)}KubeCon…`);
    expect({ ...first, speakers: json.talks[0].speakers }).toEqual(json.talks[0]);
    expect(parseBackup(serializeBackup(sampleBackup()))).toMatchObject({ ok: true, talksCut: 0 });
    // Still a list of strings: what is not one is refused, naming its place.
    expect(errorAfter((json) => (json.talks[0].speakers = ['a', 7]))).toBe('talks[0].speakers[1]: expected a string, found 7');
  });

  test('cuts a title, a YouTube title, a channel, a category or a tag past its limit, as Talklogs before a0c9b76 stored them', () => {
    const json = sampleJson();
    Object.assign(json.talks[0], {
      title: 't'.repeat(1001),
      youtubeTitle: 'y'.repeat(1001),
      channel: 'c'.repeat(201),
      category: 'k'.repeat(201),
      tags: ['g'.repeat(201)],
    });
    const result = parseBackup(JSON.stringify(json));
    expect(result.ok && result.talksCut).toBe(1);
    expect(result.ok && result.backup.talks[0]).toEqual({
      ...json.talks[0],
      title: `${'t'.repeat(999)}…`,
      youtubeTitle: `${'y'.repeat(999)}…`,
      channel: `${'c'.repeat(199)}…`,
      category: `${'k'.repeat(199)}…`,
      tags: [`${'g'.repeat(199)}…`],
    });
  });

  test('survives nesting deeper than the call stack', () => {
    const depth = 200_000;
    const text = `{"format":"talklog-backup","deep":${'['.repeat(depth)}{"__proto__":1}${']'.repeat(depth)}}`;
    expect(errorOf(text)).toMatch(/^deep\[0\](\[0\])+\.__proto__: a key named "__proto__" is not allowed$/);
  });
});

const SHA = 'ab'.repeat(32);

function sampleSlide(overrides: Partial<BackupSlide> = {}): BackupSlide {
  return {
    id: 's_4f1c2a9e-0b7d-4c3e-9a51-2d6e8f0a1b3c',
    noteId: 'n_1',
    talkId: 't_XXXXXXXXXX1',
    atSec: 754.25,
    takenAt: '2026-11-20T10:04:12.000Z',
    width: 1280,
    height: 720,
    type: 'image/webp',
    file: 'slides/s_4f1c2a9e-0b7d-4c3e-9a51-2d6e8f0a1b3c.webp',
    sha256: SHA,
    thumbnailFile: 'slides/thumbnails/s_4f1c2a9e-0b7d-4c3e-9a51-2d6e8f0a1b3c.webp',
    thumbnailSha256: SHA,
    ...overrides,
  };
}

function jsonWithSlide(): any {
  const backup = sampleBackup();
  return JSON.parse(serializeBackup(createBackup(backup.talks, backup.notes, NOW, [sampleSlide()])));
}

function slideErrorAfter(change: (slide: any, json: any) => void): string {
  const json = jsonWithSlide();
  change(json.slides[0], json);
  return errorOf(JSON.stringify(json));
}

describe('slides (backup version 3)', () => {
  test('are listed in the documented order and read back as written', () => {
    const json = jsonWithSlide();
    expect(Object.keys(json.slides[0])).toEqual([
      'id',
      'noteId',
      'talkId',
      'atSec',
      'takenAt',
      'width',
      'height',
      'type',
      'file',
      'sha256',
      'thumbnailFile',
      'thumbnailSha256',
    ]);
    const parsed = parseBackup(JSON.stringify(json));
    expect(parsed.ok && parsed.backup.slides).toEqual([sampleSlide()]);
  });

  test('a version 1 or 2 file has no slides, and reads as none', () => {
    for (const version of [1, 2]) {
      const json = sampleJson();
      json.version = version;
      delete json.slides;
      const older = parseBackup(JSON.stringify(json));
      expect(older.ok && older.backup.slides).toEqual([]);
    }
  });

  test.each<[string, (slide: any, json: any) => void, string]>([
    ['no list in version 3', (_slide, json) => delete json.slides, 'slides: missing (expected a list of slides)'],
    [
      'an id that could be a path',
      (slide) => (slide.id = 's_../../evil'),
      'slides[0].id: expected a slide id: "s_" and up to 100 letters, digits or "-", found "s_../../evil"',
    ],
    [
      'a file named otherwise',
      (slide) => (slide.file = '../slides/x.webp'),
      'slides[0].file: expected "slides/s_4f1c2a9e-0b7d-4c3e-9a51-2d6e8f0a1b3c.webp" (named for its id and type), found "../slides/x.webp"',
    ],
    [
      'a file of another type',
      (slide) => (slide.type = 'image/jpeg'),
      'slides[0].file: expected "slides/s_4f1c2a9e-0b7d-4c3e-9a51-2d6e8f0a1b3c.jpg" (named for its id and type), found "slides/s_4f1c2a9e-0b7d-4c3e-9a51-2d6e8…',
    ],
    [
      'a thumbnail elsewhere',
      (slide) => (slide.thumbnailFile = 'thumbs/x.webp'),
      'slides[0].thumbnailFile: expected "slides/thumbnails/s_4f1c2a9e-0b7d-4c3e-9a51-2d6e8f0a1b3c.webp" or "slides/thumbnails/s_4f1c2a9e-0b7d-4c3e-9a51-2d6e8f0a1b3c.jpg", found "thumbs/x.webp"',
    ],
    ['a PNG', (slide) => (slide.type = 'image/png'), 'slides[0].type: expected one of "image/webp", "image/jpeg", found "image/png"'],
    ['no checksum', (slide) => delete slide.sha256, 'slides[0].sha256: missing (expected a SHA-256 checksum: 64 lowercase hex digits)'],
    [
      'a short checksum',
      (slide) => (slide.thumbnailSha256 = 'abc'),
      'slides[0].thumbnailSha256: expected a SHA-256 checksum: 64 lowercase hex digits, found "abc"',
    ],
    ['no width', (slide) => (slide.width = 0), 'slides[0].width: expected a whole number of pixels from 1 to 16384, found 0'],
    ['a second past a day', (slide) => (slide.atSec = 86_401), 'slides[0].atSec: expected a number of seconds from 0 to 86400 (a day), found 86401'],
    [
      'a note id that is not one',
      (slide) => (slide.noteId = 'draft:t_XXXXXXXXXX1:new'),
      'slides[0].noteId: expected a note id starting with "n_", found "draft:t_XXXXXXXXXX1:new"',
    ],
    [
      'a slide twice',
      (_slide, json) => json.slides.push(json.slides[0]),
      'slides[1].id: "s_4f1c2a9e-0b7d-4c3e-9a51-2d6e8f0a1b3c" is already used by slides[0]',
    ],
  ])('rejects %s', (_name, change, message) => {
    expect(slideErrorAfter(change)).toBe(message);
  });
});

describe('queued talks the user deleted', () => {
  const DELETED = [
    { talkId: 't_XXXXXXXXXX3', deletedAt: '2026-11-20T10:00:00.000Z' },
    { talkId: 't_XXXXXXXXXX4', deletedAt: '2026-11-21T10:00:00.000Z' },
  ];

  test('are listed last, read back as written; a library with none writes no list, as before it', () => {
    const json = JSON.parse(serializeBackup(createBackup([], [], NOW, [], DELETED)));
    expect(Object.keys(json)).toEqual(['format', 'version', 'exportedAt', 'talks', 'notes', 'slides', 'deletedFromQueue']);
    const parsed = parseBackup(JSON.stringify(json));
    expect(parsed.ok && parsed.backup.deletedFromQueue).toEqual(DELETED);
    expect(Object.keys(sampleJson())).not.toContain('deletedFromQueue');
    const none = parseBackup(JSON.stringify(sampleJson()));
    expect(none.ok && Object.keys(none.backup)).not.toContain('deletedFromQueue');
  });

  test('are read in a version 1 file too: the list is optional in every version', () => {
    const json = sampleJson();
    json.version = 1;
    delete json.slides;
    json.deletedFromQueue = DELETED;
    const parsed = parseBackup(JSON.stringify(json));
    expect(parsed.ok && parsed.backup.deletedFromQueue).toEqual(DELETED);
  });

  test.each<[string, (json: any) => void, string]>([
    ['not a list', (json) => (json.deletedFromQueue = {}), 'deletedFromQueue: expected a list of deleted talks, found an object'],
    [
      'a talk id of no video',
      (json) => (json.deletedFromQueue[0].talkId = 't_short'),
      'deletedFromQueue[0].talkId: expected a talk id: "t_" and an 11-character YouTube video id, found "t_short"',
    ],
    [
      'no time',
      (json) => delete json.deletedFromQueue[1].deletedAt,
      'deletedFromQueue[1].deletedAt: missing (expected an ISO 8601 time such as "2021-10-14T17:05:00.000Z")',
    ],
    [
      'a talk twice',
      (json) => json.deletedFromQueue.push(json.deletedFromQueue[0]),
      'deletedFromQueue[2].talkId: "t_XXXXXXXXXX3" is already used by deletedFromQueue[0]',
    ],
  ])('rejects %s', (_name, change, message) => {
    expect(
      errorAfter((json) => {
        json.deletedFromQueue = structuredClone(DELETED);
        change(json);
      }),
    ).toBe(message);
  });
});

describe('misplacedSlide', () => {
  test("names the first slide whose note is nowhere, or is another talk's", () => {
    const backup = sampleBackup();
    const withSlides = (slides: BackupSlide[]) => createBackup(backup.talks, backup.notes, NOW, slides);
    expect(misplacedSlide(withSlides([sampleSlide()]), new Map())).toBeNull();
    expect(misplacedSlide(withSlides([sampleSlide({ noteId: 'n_stored' })]), new Map([['n_stored', 't_XXXXXXXXXX1']]))).toBeNull();
    expect(misplacedSlide(withSlides([sampleSlide(), sampleSlide({ noteId: 'n_gone' })]), new Map())).toBe(
      'slides[1].noteId: no note "n_gone" in this file or in Talklog',
    );
    expect(misplacedSlide(withSlides([sampleSlide({ noteId: 'n_2' })]), new Map())).toBe(
      'slides[0].talkId: expected "t_XXXXXXXXXX2", the talk of its note, found "t_XXXXXXXXXX1"',
    );
  });
});

describe('danglingNoteTalkIds', () => {
  test('names the first note whose talk is neither in the file nor known', () => {
    const talk = makeTalk('XXXXXXXXXX1');
    const stored = makeTalk('XXXXXXXXXX2');
    const gone = makeTalk('XXXXXXXXXX3');
    const backup = createBackup([talk], [makeNote(talk, 'a'), makeNote(stored, 'b'), makeNote(gone, 'c'), makeNote(gone, 'd')], NOW);
    expect(danglingNoteTalkIds(backup, new Set([stored.id]))).toBe('notes[2].talkId: no talk "t_XXXXXXXXXX3" in this file or in Talklog');
    expect(danglingNoteTalkIds(backup, new Set([stored.id, gone.id]))).toBeNull();
  });
});

describe('mergeByUpdatedAt', () => {
  const record = (updatedAt: string) => ({ id: 'n_1', updatedAt });

  test('another version, no newer than the one stored, is told from the same one written again', () => {
    const note = (body: string, updatedAt: string) => ({ id: 'n_1', body, updatedAt });
    expect(mergeByUpdatedAt(note('library', '2021-01-02T00:00:00.000Z'), note('backup', '2021-01-01T00:00:00.000Z'))).toBe('older');
    expect(mergeByUpdatedAt(note('library', '2021-01-02T00:00:00.000Z'), note('backup', '2021-01-02T00:00:00.000Z'))).toBe('older');
    expect(mergeByUpdatedAt(note('same', '2021-01-02T00:00:00.000Z'), note('same', '2021-01-01T00:00:00.000Z'))).toBe('same');
  });

  test('inserts what is new, updates with what is newer, skips the rest', () => {
    expect(mergeByUpdatedAt(undefined, record('2021-01-01T00:00:00.000Z'))).toBe('insert');
    expect(mergeByUpdatedAt(record('2021-01-01T00:00:00.000Z'), record('2021-01-01T00:00:00.001Z'))).toBe('update');
    expect(mergeByUpdatedAt(record('2021-01-01T00:00:00.001Z'), record('2021-01-01T00:00:00.000Z'))).toBe('same');
    expect(mergeByUpdatedAt(record('2021-01-01T00:00:00.000Z'), record('2021-01-01T00:00:00.000Z'))).toBe('same');
  });

  test('compares times, not their spelling', () => {
    expect(mergeByUpdatedAt(record('2021-01-01T01:00:00.000+01:00'), record('2021-01-01T00:00:00Z'))).toBe('same');
    expect(mergeByUpdatedAt(record('2021-01-01T00:30:00.000+01:00'), record('2021-01-01T00:00:00Z'))).toBe('update');
  });
});
