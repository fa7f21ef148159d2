import { defineConfig } from 'vitest/config';

// `npm run bench:sync`: a measurement, not a test; kept out of `npm test` (vitest.config.ts runs *.test.ts only).
export default defineConfig({
  test: {
    include: ['tests/bench/**/*.bench-run.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
  },
});
