// The markdown renderer alone on every record, next to JSON.stringify of the same records (its floor):
// what the export costs before any UI. Built only for the bench; run through `benchRenderer(runs)`.
import { openTalklogDb } from '../../../src/db/database';
import { allNotes } from '../../../src/db/notes';
import { renderTalkLog } from '../../../src/export/talk-log';

async function benchRenderer(runs: number) {
  const db = openTalklogDb();
  const talks = await db.talks.toArray();
  const notes = await allNotes(db);
  db.close();
  const render: number[] = [];
  const stringify: number[] = [];
  let markdownChars = 0;
  let jsonChars = 0;
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    markdownChars = renderTalkLog(talks, notes, { title: 'Talk log', includeTimestamps: true, includeSpeakers: true, includeStars: true }).length;
    render.push(performance.now() - start);
    start = performance.now();
    jsonChars = JSON.stringify({ talks, notes }).length;
    stringify.push(performance.now() - start);
  }
  return { talks: talks.length, notes: notes.length, render, stringify, markdownChars, jsonChars };
}

Object.assign(globalThis, { benchRenderer });
performance.mark('app-ready');
