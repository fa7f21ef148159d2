import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    // Vitest leaves a core to itself by default: one file at a time on a 2-core machine (148 s for the unit
    // tests there, 90 s with both cores). Threads start a file faster than forked processes. One worker more than
    // cores: the sync files (some 120 s of the files' time) mostly wait out Apache's one second of weak ETags, so
    // with a worker per core the core under them sat idle while the other ran every other file.
    pool: 'threads',
    maxWorkers: availableParallelism() + 1,
    // Property tests and the 1 MB-string cases take a few seconds on a busy 2-core machine.
    testTimeout: 20_000,
  },
});
