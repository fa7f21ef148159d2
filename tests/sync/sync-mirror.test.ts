import { existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { updateTalkDetails } from '../../src/db/library';
import { addNote, notesForTalk } from '../../src/db/notes';
import { queuePlaylist } from '../../src/db/queue';
import { clipTalk, getTalk } from '../../src/db/talks';
import { talkMarkdownPath } from '../../src/sync/markdown-mirror';
import { canonicalVideoUrl } from '../../src/talk/video-id';
import { capturedTalk } from '../db/test-db';
import { server, TALK, connectedPair, pairSyncingANote, bodies, MIRROR, MIRROR_BESIDE, MARK, onDisk } from './sync-devices';

describe('the markdown mirror, synced through a real Apache WebDAV folder', { timeout: 60_000 }, () => {
  test('the markdown mirror: one file a talk with front matter, and the talk log', async () => {
    const { a } = await connectedPair('mirror');
    await clipTalk(a.db, capturedTalk());
    await updateTalkDetails(a.db, TALK, { event: 'KubeCon NA 2021', category: 'Observability', tags: ['prometheus'], interest: 4 });
    await addNote(a.db, TALK, 'new scrape limits', 252);
    await a.sync();
    const folder = join(server.current.dataDir, 'mirror');
    const talkFile = join(folder, 'markdown/kubecon-na-2021/evolving-prometheus-for-more-use-cases-Pr0meTheus1.md');
    const written = readFileSync(talkFile, 'utf8');
    expect(written).toMatch(MARK);
    expect(written.replace(MARK, '')).toBe(
      [
        '---',
        'title: "Evolving Prometheus for More Use Cases"',
        'speakers: ["Bartłomiej Płotka, Red Hat"]',
        'channel: "CNCF [Cloud Native Computing Foundation]"',
        'url: "https://www.youtube.com/watch?v=Pr0meTheus1"',
        'event: "KubeCon NA 2021"',
        'category: "Observability"',
        'tags: ["prometheus"]',
        'status: "watching"',
        'interest: 4',
        '---',
        '',
        '### [Evolving Prometheus for More Use Cases](https://www.youtube.com/watch?v=Pr0meTheus1)',
        'Bartłomiej Płotka, Red Hat · 31:20 · ★★★★☆',
        '',
        '- [4:12](https://www.youtube.com/watch?v=Pr0meTheus1&t=252s) new scrape limits',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(folder, 'markdown/talk-log.md'), 'utf8')).toContain('## Observability');
    // The event changes: the mirror moves, the old file goes.
    await updateTalkDetails(a.db, TALK, { event: 'KubeCon EU 2022' });
    await a.sync();
    expect(existsSync(talkFile)).toBe(false);
    expect(readdirSync(join(folder, 'markdown'))).toEqual(expect.arrayContaining(['kubecon-eu-2022', 'talk-log.md']));
  });

  test("the mirrored talk log holds what was watched or noted, as Export markdown's default; the queue is linked under Not watched yet", async () => {
    const { a } = await connectedPair('log-choice');
    await clipTalk(a.db, capturedTalk());
    await addNote(a.db, TALK, 'worth it', 10);
    const rows = ['Queued00001', 'Skipped0001'].map((videoId, i) => ({
      videoId,
      position: i + 1,
      title: `${videoId} - Jane Doe, Acme`,
      channel: 'DevConf',
      durationSec: 600,
      unavailable: null,
    }));
    await queuePlaylist(a.db, { id: 'PLdevconf2026', title: 'DevConf 2026', size: 2, rows, complete: true }, 'DevConf 2026');
    // Rated to triage the playlist, unseen: the queued one at 5 stars, the other skipped.
    await updateTalkDetails(a.db, 't_Queued00001', { interest: 5 });
    await updateTalkDetails(a.db, 't_Skipped0001', { interest: 1, status: 'skipped' });
    await a.sync();
    const log = readFileSync(onDisk('log-choice', 'markdown/talk-log.md'), 'utf8');
    expect(log).toContain('### [Evolving Prometheus for More Use Cases]');
    expect(log).not.toContain('### [Queued00001]');
    expect(log).toMatch(/## Not watched yet\n\n- \[Queued00001\]/);
    expect(log).not.toContain('Skipped0001');
  });

  test('a talk named in other scripts than Latin is mirrored under its own names', async () => {
    const { a } = await connectedPair('mirror-scripts');
    await clipTalk(a.db, capturedTalk({ title: 'Goの並行処理入門' }));
    await updateTalkDetails(a.db, TALK, { event: 'ХолиДжС 2023' });
    await addNote(a.db, TALK, 'goroutines', 60);
    await a.sync();
    const path = 'markdown/холиджс-2023/goの並行処理入門-Pr0meTheus1.md';
    expect(talkMarkdownPath((await getTalk(a.db, TALK))!)).toBe(path);
    expect(readFileSync(onDisk('mirror-scripts', path), 'utf8')).toContain('goroutines');
    // The next change rewrites the file where it is.
    await addNote(a.db, TALK, 'channels', 120);
    await a.sync();
    expect(readdirSync(onDisk('mirror-scripts', 'markdown/холиджс-2023'))).toEqual(['goの並行処理入門-Pr0meTheus1.md']);
    expect(readFileSync(onDisk('mirror-scripts', path), 'utf8')).toContain('channels');
  });

  test('a mirror file edited in the vault between two syncs is kept, Talklog writes beside it, and says so once', async () => {
    const { a, b } = await pairSyncingANote('edited-mirror');
    await b.sync();
    const edited = `${readFileSync(onDisk('edited-mirror', MIRROR), 'utf8')}\nMy own thoughts on this talk.\n`;
    writeFileSync(onDisk('edited-mirror', MIRROR), edited);
    await addNote(a.db, TALK, 'second note', 2);
    const report = await a.sync();
    expect(readFileSync(onDisk('edited-mirror', MIRROR), 'utf8')).toBe(edited);
    expect(readFileSync(onDisk('edited-mirror', MIRROR_BESIDE), 'utf8')).toContain('second note');
    expect(report.kept).toEqual([MIRROR]);
    // Later changes, from either device, go beside it without a word: neither takes the other's rewrite for an edit.
    await addNote(a.db, TALK, 'third note', 3);
    expect((await a.sync()).kept).toEqual([]);
    expect((await b.sync()).kept).toEqual([]);
    await addNote(b.db, TALK, 'fourth note, from B', 4);
    expect((await b.sync()).kept).toEqual([]);
    expect(readFileSync(onDisk('edited-mirror', MIRROR), 'utf8')).toBe(edited);
    expect(readFileSync(onDisk('edited-mirror', MIRROR_BESIDE), 'utf8')).toContain('fourth note, from B');

    // Deleted in the vault, the file is Talklog's to write again, and its version beside it goes.
    unlinkSync(onDisk('edited-mirror', MIRROR));
    await addNote(a.db, TALK, 'fifth note', 5);
    expect((await a.sync()).kept).toEqual([]);
    expect(readFileSync(onDisk('edited-mirror', MIRROR), 'utf8')).toContain('fifth note');
    expect(existsSync(onDisk('edited-mirror', MIRROR_BESIDE))).toBe(false);
  });

  test('markdown files locked while open in another app (423) are reported and written later; the notes sync meanwhile', async () => {
    const { a, b } = await pairSyncingANote('locked-mirror');
    await b.sync();
    for (const { locked } of [a, b]) for (const path of [MIRROR, 'markdown/talk-log.md']) locked.add(path);
    await addNote(b.db, TALK, 'written on B', 2);
    const other = 'OtherTalk01';
    await clipTalk(b.db, capturedTalk({ videoId: other, url: canonicalVideoUrl(other), title: 'Another talk' }));
    await addNote(b.db, `t_${other}`, 'on another talk', 3);
    const report = await b.sync();
    expect(report).toMatchObject({ changes: 2, locked: [MIRROR, 'markdown/talk-log.md'], unwritten: [] });
    await a.sync();
    expect(await bodies(a.db)).toEqual(['first note', 'written on B']);
    expect((await notesForTalk(a.db, `t_${other}`)).map((note) => note.body)).toEqual(['on another talk']);
    expect(readFileSync(onDisk('locked-mirror', talkMarkdownPath((await getTalk(a.db, `t_${other}`))!)), 'utf8')).toContain('on another talk');
    expect(readFileSync(onDisk('locked-mirror', MIRROR), 'utf8')).not.toContain('written on B');

    // Closed in the other app: the next sync writes them, with nothing else to sync.
    b.locked.clear();
    expect(await b.sync()).toMatchObject({ changes: 0, locked: [] });
    expect(readFileSync(onDisk('locked-mirror', MIRROR), 'utf8')).toContain('written on B');
    expect(readFileSync(onDisk('locked-mirror', 'markdown/talk-log.md'), 'utf8')).toContain('written on B');
    b.requests.length = 0;
    await b.sync();
    expect(b.requests).toEqual(['PROPFIND /locked-mirror/talks/']);
  });

  test('a mirror file edited in the vault between its check and its rewrite is kept', async () => {
    const { a } = await pairSyncingANote('edited-meanwhile');
    await addNote(a.db, TALK, 'second note', 2);
    const edited = 'Written in the vault while Talklog synced.\n';
    // The talk file's PUT, then the mirror's GET; the vault saves before the mirror's PUT.
    a.hooks.beforeNextPut = async () => {
      a.hooks.beforeNextPut = async () => writeFileSync(onDisk('edited-meanwhile', MIRROR), edited);
    };
    const report = await a.sync();
    expect(readFileSync(onDisk('edited-meanwhile', MIRROR), 'utf8')).toBe(edited);
    expect(readFileSync(onDisk('edited-meanwhile', MIRROR_BESIDE), 'utf8')).toContain('second note');
    expect(report.kept).toEqual([MIRROR]);
  });

  test('a mirror file edited in the vault stays when its talk moves to another event', async () => {
    const { a } = await pairSyncingANote('edited-moved');
    const edited = `${readFileSync(onDisk('edited-moved', MIRROR), 'utf8')}\nMy own thoughts on this talk.\n`;
    writeFileSync(onDisk('edited-moved', MIRROR), edited);
    await updateTalkDetails(a.db, TALK, { event: 'KubeCon EU 2022' });
    const report = await a.sync();
    expect(readFileSync(onDisk('edited-moved', MIRROR), 'utf8')).toBe(edited);
    expect(readFileSync(onDisk('edited-moved', 'markdown/kubecon-eu-2022/evolving-prometheus-for-more-use-cases-Pr0meTheus1.md'), 'utf8')).toContain(
      'first note',
    );
    expect(report.kept).toEqual([MIRROR]);
  });

  test('the talk log edited in the vault is kept, and Talklog writes the log beside it', async () => {
    const { a } = await pairSyncingANote('edited-log');
    const log = onDisk('edited-log', 'markdown/talk-log.md');
    const edited = `${readFileSync(log, 'utf8')}\nWhat I make of this conference.\n`;
    writeFileSync(log, edited);
    await addNote(a.db, TALK, 'second note', 2);
    const report = await a.sync();
    expect(readFileSync(log, 'utf8')).toBe(edited);
    expect(readFileSync(onDisk('edited-log', 'markdown/talk-log (Talklog).md'), 'utf8')).toContain('second note');
    expect(report.kept).toEqual(['markdown/talk-log.md']);
  });

  test('the talk log an older Talklog wrote, without the mark, is rewritten: no device knows what it was', async () => {
    const { a } = await connectedPair('unmarked-log');
    await clipTalk(a.db, capturedTalk());
    await addNote(a.db, TALK, 'first note', 1);
    await a.sync('later');
    const log = onDisk('unmarked-log', 'markdown/talk-log.md');
    await a.dav.makeFolder('markdown/');
    writeFileSync(log, '# Talk log\n\nAs an older Talklog wrote it, before the mark.\n');
    expect((await a.sync()).kept).toEqual([]);
    expect(readFileSync(log, 'utf8')).toMatch(/first note[^]*-->\n$/);
    expect(existsSync(onDisk('unmarked-log', 'markdown/talk-log (Talklog).md'))).toBe(false);
  });

  test('the talk log edited in the vault, its mark deleted with the edit, is kept, and Talklog writes the log beside it', async () => {
    const { a } = await pairSyncingANote('unmarked-edited-log');
    const log = onDisk('unmarked-edited-log', 'markdown/talk-log.md');
    const edited = `${readFileSync(log, 'utf8').replace(MARK, '\n')}\nMy own summary of the conference.\n`;
    writeFileSync(log, edited);
    await addNote(a.db, TALK, 'second note', 2);
    expect((await a.sync()).kept).toEqual(['markdown/talk-log.md']);
    expect(readFileSync(log, 'utf8')).toBe(edited);
    expect(readFileSync(onDisk('unmarked-edited-log', 'markdown/talk-log (Talklog).md'), 'utf8')).toContain('second note');
  });

  test('a mirror file an older Talklog wrote, without the mark, is rewritten while unedited and kept once edited', async () => {
    const { a } = await pairSyncingANote('unmarked-mirror');
    const file = onDisk('unmarked-mirror', MIRROR);
    const unmark = () => writeFileSync(file, readFileSync(file, 'utf8').replace(MARK, ''));
    unmark();
    await addNote(a.db, TALK, 'second note', 2);
    expect((await a.sync()).kept).toEqual([]);
    expect(readFileSync(file, 'utf8')).toMatch(/second note[^]*-->\n$/);
    unmark();
    const edited = `${readFileSync(file, 'utf8')}\nMy own thoughts on this talk.\n`;
    writeFileSync(file, edited);
    await addNote(a.db, TALK, 'third note', 3);
    const report = await a.sync();
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(report.kept).toEqual([MIRROR]);
  });
});
