import fc from 'fast-check';
import { expect, test } from 'vitest';
import { localRecords, mergeTalk, type LocalDeletion } from '../../src/sync/merge';
import { parseTalkFile, serializeTalkFile, type TalkFile } from '../../src/sync/talk-file';
import type { Note, Talk } from '../../src/talk/model';
import { makeTalk } from '../export/records';

/**
 * Three devices edit one talk's notes, each syncing when it happens to be online, in any order,
 * sometimes racing another device between reading the file and writing it. However it goes, once
 * all have synced they hold the same talk, and every note text saved and not replaced or deleted
 * by a person who saw it is there exactly once.
 */

const VIDEO = 'Pr0meTheus1';
const TALK_ID = `t_${VIDEO}`;
const START = Date.parse('2026-11-29T10:00:00.000Z');

interface Replica {
  device: string;
  skewMs: number;
  talk: Talk | undefined;
  notes: Map<string, Note>;
  deletions: LocalDeletion[];
  base: TalkFile | null;
  etag: string | null;
}

/** The server's one file: its text and an ETag that changes with every write. */
interface Server {
  text: string | null;
  etag: string | null;
  writes: number;
}

type Op =
  | { kind: 'add'; replica: number }
  | { kind: 'edit'; replica: number; pick: number }
  | { kind: 'delete-note'; replica: number; pick: number }
  | { kind: 'delete-talk'; replica: number }
  | { kind: 'set-event'; replica: number; event: string }
  | { kind: 'sync'; replica: number; racedBy: number | null }
  /** The server's file put back as an earlier write left it (a restored backup of the server). */
  | { kind: 'restore'; pick: number };

const replicaIndex = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), replica: replicaIndex }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica: replicaIndex, pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete-note' as const), replica: replicaIndex, pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-talk' as const), replica: replicaIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('set-event' as const), replica: replicaIndex, event: fc.constantFrom('KubeCon', 'DevConf') }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), replica: replicaIndex, racedBy: fc.option(replicaIndex) }) },
);
const opOrRestore: fc.Arbitrary<Op> = fc.oneof(
  { weight: 15, arbitrary: op },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }) },
);

function run(ops: Op[], skews: number[]) {
  const replicas: Replica[] = skews.map((skewMs, i) => ({
    device: `d_${i}`,
    skewMs,
    talk: undefined,
    notes: new Map(),
    deletions: [],
    base: null,
    etag: null,
  }));
  const server: Server = { text: null, etag: null, writes: 0 };
  const written: string[] = [];
  const saved = new Set<string>();
  const retired = new Set<string>();
  let tick = 0;
  let textCount = 0;
  const now = (replica: Replica) => new Date(START + ++tick * 1000 + replica.skewMs);

  const ensureTalk = (replica: Replica) => {
    if (replica.talk) return;
    const at = now(replica).toISOString();
    replica.talk = makeTalk(VIDEO, { title: 'Evolving Prometheus', status: 'watching', createdAt: at, updatedAt: at });
    replica.deletions = replica.deletions.filter((deletion) => deletion.id !== TALK_ID);
  };
  const pickNote = (replica: Replica, pick: number) => [...replica.notes.values()].sort((a, b) => a.id.localeCompare(b.id))[pick % replica.notes.size];

  /** One sync of a replica: read, merge, write if the file is still the one read; else again. */
  const sync = (replica: Replica, racedBy: Replica | null) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const readEtag = server.etag;
      const remote = server.text === null ? null : parseTalkFile(server.text, VIDEO);
      if (remote && !remote.ok) throw new Error(remote.error);
      const merged = mergeTalk(
        { talk: replica.talk, notes: [...replica.notes.values()], deletions: replica.deletions, base: replica.base },
        remote?.file ?? null,
        replica.device,
        now(replica),
      );
      if (racedBy && attempt === 0) sync(racedBy, null);
      if (!merged.file) return;
      const text = serializeTalkFile(merged.file);
      if (server.etag !== readEtag) continue; // 412: someone wrote in between
      if (text !== server.text) {
        server.text = text;
        server.etag = `"${++server.writes}"`;
        written.push(text);
      }
      const records = localRecords(merged.file);
      replica.talk = records.talk ?? undefined;
      replica.notes = new Map(records.notes.map((note) => [note.id, note]));
      replica.deletions = [];
      replica.base = merged.file;
      replica.etag = server.etag;
      return;
    }
    throw new Error('five 412s in a row');
  };

  for (const step of ops) {
    if (step.kind === 'restore') {
      if (written.length > 0) [server.text, server.etag] = [written[step.pick % written.length], `"${++server.writes}"`];
      continue;
    }
    const replica = replicas[step.replica];
    switch (step.kind) {
      case 'add': {
        ensureTalk(replica);
        const at = now(replica).toISOString();
        const body = `text ${++textCount}`;
        replica.notes.set(`n_${replica.device}_${textCount}`, {
          id: `n_${replica.device}_${textCount}`,
          talkId: TALK_ID,
          body,
          atSec: 1,
          createdAt: at,
          updatedAt: at,
        });
        saved.add(body);
        break;
      }
      case 'edit': {
        if (replica.notes.size === 0) break;
        const note = pickNote(replica, step.pick);
        const body = `text ${++textCount}`;
        retired.add(note.body);
        saved.add(body);
        replica.notes.set(note.id, { ...note, body, updatedAt: now(replica).toISOString() });
        break;
      }
      case 'delete-note': {
        if (replica.notes.size === 0) break;
        const note = pickNote(replica, step.pick);
        retired.add(note.body);
        replica.notes.delete(note.id);
        replica.deletions.push({ id: note.id, talkId: TALK_ID, deletedAt: now(replica).toISOString() });
        break;
      }
      case 'delete-talk': {
        if (!replica.talk) break;
        const deletedAt = now(replica).toISOString();
        for (const note of replica.notes.values()) {
          retired.add(note.body);
          replica.deletions.push({ id: note.id, talkId: TALK_ID, deletedAt });
        }
        replica.notes.clear();
        replica.talk = undefined;
        replica.deletions.push({ id: TALK_ID, talkId: TALK_ID, deletedAt });
        break;
      }
      case 'set-event': {
        ensureTalk(replica);
        replica.talk = { ...replica.talk!, event: step.event, updatedAt: now(replica).toISOString() };
        break;
      }
      case 'sync':
        sync(replica, step.racedBy === null || step.racedBy === step.replica ? null : replicas[step.racedBy]);
        break;
    }
  }
  for (let round = 0; round < 2; round++) for (const replica of replicas) sync(replica, null);
  return { replicas, saved, retired };
}

function converged(replicas: Replica[]) {
  const [first, ...others] = replicas.map((replica) => ({
    talk: replica.talk,
    notes: [...replica.notes.values()].sort((a, b) => a.id.localeCompare(b.id)),
  }));
  for (const other of others) expect(other).toEqual(first);
  return first;
}

const skews = fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 3, maxLength: 3 });

test('three devices syncing in any order converge and lose no saved note text', () => {
  fc.assert(
    fc.property(fc.array(op, { minLength: 20, maxLength: 60, size: 'max' }), skews, (ops, skewsMs) => {
      const { replicas, saved, retired } = run(ops, skewsMs);
      const bodies = converged(replicas).notes.map((note) => note.body);
      expect(new Set(bodies).size).toBe(bodies.length);
      expect(bodies).toEqual(expect.arrayContaining([...saved].filter((body) => !retired.has(body))));
    }),
    { numRuns: 200 },
  );
}, 60_000);

// What a restored server loses is not checked here: a text written only to the server before it was put back is
// gone, and an edit or deletion made on the restored file without seeing another device's later text can win over
// it. Telling those apart needs version vectors in the talk files; merge.test.ts has what a restore keeps.
test('three devices syncing in any order, the server sometimes put back as an earlier write left it, still converge', () => {
  fc.assert(
    fc.property(fc.array(opOrRestore, { minLength: 20, maxLength: 60, size: 'max' }), skews, (ops, skewsMs) => {
      converged(run(ops, skewsMs).replicas);
    }),
    { numRuns: 200 },
  );
}, 60_000);
