import { defineConfig } from 'vitest/config';

// Real-browser tests: each file launches Chromium with the built extension, so files run one at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    // .ci/run may still be installing the browsers.
    globalSetup: ['scripts/wait-for-ci-install.mjs'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The Firefox suite runs beside this one (scripts/side-by-side.mjs): a page can take longer than a second to show a change.
    expect: { poll: { timeout: 5_000 } },
  },
});
