import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { t } from '../../src/i18n/t';
import pkg from '../../package.json' with { type: 'json' };
import { firefoxManifest } from '../../scripts/manifests.mjs';

const root = join(import.meta.dirname, '..', '..');
const messages = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, unknown>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

test('substitutions land where the message puts them', () => {
  expect(t('noteSavedAt', '12:34')).toBe('Note saved at 12:34.');
  expect(t('clippedTalkWithNotes', 'Talk', 3)).toBe('Clipped “Talk” · notes: 3');
});

test('every English message is used (the type of t() already refuses unknown keys)', () => {
  const used = new Set<string>();
  for (const file of sourceFiles(join(root, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'([A-Za-z][A-Za-z0-9_]*)'/g)) used.add(match[1]);
  }
  const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
  const manifests = manifest + JSON.stringify(firefoxManifest(JSON.parse(manifest), pkg));
  for (const match of manifests.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(match[1]);
  expect(Object.keys(messages).filter((key) => !used.has(key))).toEqual([]);
});
