// The bench's own build: Talklog built from the working tree into a scratch folder (never dist/, which
// other work rebuilds at any time), plus the floor pages in `bench-floor/` of the same extension.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const FLOOR = resolve(import.meta.dirname, 'floor');

/** @returns {Promise<string>} the folder of an unpacked extension: Talklog as built + `bench-floor/*.html`. */
export async function buildBenchExtension() {
  const outDir = mkdtempSync(join(tmpdir(), 'talklog-bench-ext-'));
  await build({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  const floorDir = join(outDir, 'bench-floor');
  await build({
    root: FLOOR,
    configFile: false,
    logLevel: 'error',
    base: '/bench-floor/',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: floorDir,
      emptyOutDir: false,
      target: 'chrome123',
      rollupOptions: {
        input: {
          'preact-dexie': join(FLOOR, 'preact-dexie.html'),
          renderer: join(FLOOR, 'renderer.html'),
          'queue-floor': join(FLOOR, 'queue-floor.html'),
          'zip-floor': join(FLOOR, 'zip-floor.html'),
          'import-floor': join(FLOOR, 'import-floor.html'),
        },
      },
    },
  });
  mkdirSync(floorDir, { recursive: true });
  // The no-script floor is a plain file: nothing for a bundler to do.
  copyFileSync(join(FLOOR, 'bare.html'), join(floorDir, 'bare.html'));
  return outDir;
}
