import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

test('`npm start` without a display runs the demo: a note saved, the log exported, a screenshot taken', () => {
  const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...environment } = process.env;
  const run = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env: environment, encoding: 'utf8', timeout: 90_000 });
  expect(run.status, run.stderr).toBe(0);
  const logPath = /talk log:\s+(\S+)/.exec(run.stdout)?.[1];
  const shotPath = /popup screenshot:\s+(\S+)/.exec(run.stdout)?.[1];
  expect(logPath && existsSync(logPath)).toBe(true);
  expect(shotPath && existsSync(shotPath)).toBe(true);
  const log = readFileSync(logPath!, 'utf8');
  expect(log).toMatch(/^# Talk log: the Talklog demo\n/);
  expect(log).toMatch(/- \[\d+:\d\d\]\(https:\/\/www\.youtube\.com\/watch\?v=Pr0meTheus1&t=\d+s\) new scrape limits/);
}, 120_000);
