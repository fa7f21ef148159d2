// `npm run bench:sync` (part of `npm run bench`, not of `npm test`): what sync costs against a real
// Apache WebDAV folder the bench starts itself. A library of 2,000 talks and 20,000 notes (the
// browser bench's seeded data) is synced a first time, then the same bytes are PUT with plain
// `fetch` into another folder: the floor, in the same run. Then syncs with nothing to do and syncs
// of one new note. Reports only: figures go to stdout and to BENCHMARKS.md's sync section.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { makeBackup } from '../../scripts/bench/dataset.mjs';
import { withSection } from '../../scripts/bench/md-section.mjs';
import { startWebdavServer } from '../../scripts/webdav-server.mjs';
import { openTalklogDb } from '../../src/db/database';
import { importBackupFile } from '../../src/db/import-backup';
import { addNote } from '../../src/db/notes';
import { syncDeviceId } from '../../src/db/sync-store';
import { syncWithServer } from '../../src/sync/sync-run';
import { createDavClient, prepareFolder } from '../../src/sync/webdav';
import { sameImage } from '../sync/node-thumbnail';

const SIZE = { talks: 2000, notes: 20000 };
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** The sync run's own number of talks in flight (src/sync/sync-run.ts): the floor gets the same. */
const PARALLEL = 4;
const ROOT = join(import.meta.dirname, '../..');

interface Counted {
  requests: number;
  bytesPut: number;
}

/** A fetch that counts what it sends. */
function countingFetch(counted: Counted): typeof fetch {
  return (input, init) => {
    counted.requests++;
    if (init?.method === 'PUT' && typeof init.body === 'string') counted.bytesPut += Buffer.byteLength(init.body);
    return fetch(input, init);
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(dir, path)).isFile());
}

/** The floor: the same files PUT with plain fetch, folders made first, `PARALLEL` at a time. */
async function putFloor(origin: string, authorization: string, sourceDir: string, counted: Counted) {
  const files = filesUnder(sourceDir);
  const folders = [
    ...new Set(
      files.flatMap((path) =>
        path
          .split('/')
          .slice(0, -1)
          .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
      ),
    ),
  ].sort((a, b) => a.split('/').length - b.split('/').length);
  const send = async (method: string, path: string, body?: string) => {
    counted.requests++;
    if (body) counted.bytesPut += Buffer.byteLength(body);
    const response = await fetch(`${origin}/floor/${path}`, { method, headers: { authorization }, body });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  };
  await send('MKCOL', '');
  for (const folder of folders) await send('MKCOL', `${folder}/`);
  const queue = [...files];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) await send('PUT', path, readFileSync(join(sourceDir, path), 'utf8'));
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return files.length;
}

test('sync bench', { timeout: 1_800_000 }, async () => {
  const server = await startWebdavServer();
  const db = openTalklogDb(`talklog-sync-bench-${crypto.randomUUID()}`);
  try {
    const backup = makeBackup(SIZE);
    const imported = await importBackupFile(db, new Blob([JSON.stringify(backup)]));
    expect(imported).toMatchObject({ talksAdded: SIZE.talks, notesAdded: SIZE.notes });
    const counted: Counted = { requests: 0, bytesPut: 0 };
    const dav = createDavClient({ folderUrl: `${server.origin}/bench/`, user: server.user, password: server.password }, countingFetch(counted));
    await prepareFolder(dav);
    const device = await syncDeviceId(db);
    const sync = (talkLog: 'now' | 'later' = 'now') => syncWithServer(db, dav, { device, thumbnail: sameImage, talkLog });
    const measure = async (work: () => Promise<unknown>) => {
      Object.assign(counted, { requests: 0, bytesPut: 0 });
      const { ms } = await timed(work);
      return { ms, ...counted };
    };

    console.error(`[sync bench] first sync of ${SIZE.talks} talks / ${SIZE.notes} notes`);
    const first = await measure(() => sync());
    const floorCounted: Counted = { requests: 0, bytesPut: 0 };
    const authorization = `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;
    const floorTimed = await timed(() => putFloor(server.origin, authorization, join(server.dataDir, 'bench'), floorCounted));
    const floor = { ms: floorTimed.ms, files: floorTimed.value, ...floorCounted };

    console.error(`[sync bench] ${RUNS} syncs with nothing to do, ${RUNS} syncs of one new note`);
    const noChange = [];
    for (let run = 0; run < RUNS; run++) noChange.push(await measure(() => sync()));
    const oneNote = [];
    // A different talk each run: a file written under a second ago would wait out Apache's weak ETag.
    const talkIds = backup.talks.slice(-RUNS).map((talk) => (talk as { id: string }).id);
    for (const talkId of talkIds) {
      await addNote(db, talkId, 'one more note from the bench', 42);
      // What the background does a few seconds after a change.
      oneNote.push(await measure(() => sync('later')));
    }
    // Sync now (or the 15-minute sync) after them: the whole talk log, stale, is rewritten.
    const talkLog = await measure(() => sync('now'));
    const figures = { first, floor, noChange, oneNote, talkLog };
    const section = report(figures);
    console.log(section);
    const path = join(ROOT, 'BENCHMARKS.md');
    writeFileSync(path, withSection(readFileSync(path, 'utf8'), 'sync', section));
  } finally {
    db.close();
    server.stop();
  }
});

interface Figures {
  first: Counted & { ms: number };
  floor: Counted & { ms: number; files: number };
  noChange: (Counted & { ms: number })[];
  oneNote: (Counted & { ms: number })[];
  talkLog: Counted & { ms: number };
}

function report({ first, floor, noChange, oneNote, talkLog }: Figures): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const kB = (bytes: number) => `${Math.round(bytes / 1000).toLocaleString('en')} kB`;
  const same = (runs: Counted[], key: keyof Counted) => {
    const values = [...new Set(runs.map((run) => run[key]))];
    return values.length === 1 ? String(values[0]) : values.join(' / ');
  };
  return `## Sync through WebDAV (issue 11)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:sync\` (also the last step of
\`npm run bench\`), in Node ${process.version} against Debian's Apache \`mod_dav_fs\` on loopback, started by the
bench with the tests' own config (\`scripts/webdav-server.mjs\`); Dexie on fake-indexeddb, as in the unit
tests (fake-indexeddb is slower than a browser's IndexedDB: part of the first sync's time is that). The library is the browser bench's seeded data (${SIZE.talks.toLocaleString('en')} talks, ${SIZE.notes.toLocaleString('en')} notes),
imported through \`importBackupFile\`. Load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')} at the end (other work shares this machine: compare the ratio, not the seconds).

| measure | Talklog | floor | ratio |
|---|---|---|---|
| First sync: time | ${s(first.ms)} | ${s(floor.ms)}: the same ${floor.files.toLocaleString('en')} files PUT with plain \`fetch\`, ${PARALLEL} at a time, folders made first | ${(first.ms / floor.ms).toFixed(2)}× |
| First sync: requests | ${first.requests.toLocaleString('en')} | ${floor.requests.toLocaleString('en')} | ${(first.requests / floor.requests).toFixed(2)}× |
| First sync: bytes PUT | ${kB(first.bytesPut)} | ${kB(floor.bytesPut)} | ${(first.bytesPut / floor.bytesPut).toFixed(2)}× |
| No-change sync (median of ${noChange.length}) | ${ms(median(noChange.map((run) => run.ms)))}, ${same(noChange, 'requests')} request${same(noChange, 'requests') === '1' ? '' : 's'} | | |
| One new note: the sync a few seconds after it (median of ${oneNote.length}) | ${ms(median(oneNote.map((run) => run.ms)))}, ${same(oneNote, 'requests')} requests, ${kB(median(oneNote.map((run) => run.bytesPut)))} PUT | | |
| Then \`Sync now\`: the whole talk log rewritten | ${ms(talkLog.ms)}, ${talkLog.requests} requests, ${kB(talkLog.bytesPut)} PUT | | |

The first sync's extra requests over the floor: after each talk file it writes, a \`GET\` of that file
reads its ETag (Apache sends none on \`PUT\`), kept only if the file is still the one written. The sync a few seconds after a note lists \`talks/\`, writes the
talk file, reads its ETag and writes its markdown file, whatever the library's size. \`markdown/talk-log.md\`, whose
bytes grow with the library, is rewritten only by the syncs that ask for it (\`Sync now\`, every 15 minutes, browser
start) once talks changed.

Reproduce:

\`\`\`sh
npm ci
npm run bench:sync     # BENCH_RUNS=7 by default
\`\`\`
`;
}
