import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// The lint forbids importing dexie outside src/db/; this catches reaching into its tables through
// the database object instead, which needs no import.
test('only src/db/ reads or writes the database tables', () => {
  const reachingIn = sourceFiles(SRC)
    .filter((file) => !relative(SRC, file).startsWith('db'))
    .filter((file) => /\bdb\s*\.\s*(talks|notes|table|transaction)\b/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(SRC, file));
  expect(reachingIn).toEqual([]);
});
