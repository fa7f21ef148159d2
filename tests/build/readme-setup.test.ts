import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe("README's setup", () => {
  // A developer follows the README, not .ci/run: a package CI installs that the README leaves out fails their first
  // `npm test` (the sync tests without Apache, the slides tests without ffmpeg).
  it('installs every Debian package .ci/run installs for the tests', () => {
    const ciPackages = [...read('.ci/run').matchAll(/missing\+=\(([^)]+)\)/g)].map((match) => match[1]);
    const readmeInstall =
      read('README.md')
        .match(/`apt-get install -y ([^`]+)`/)?.[1]
        .split(' ') ?? [];
    expect(ciPackages.length).toBeGreaterThan(0);
    expect(readmeInstall).toEqual(expect.arrayContaining(ciPackages));
  });
});
