import { defineConfig } from 'vitest/config';

// Real-browser tests in Firefox ESR (WebDriver BiDi): each file launches Firefox with the built
// dist-firefox/, so files run one at a time.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    environment: 'node',
    // .ci/run may still be installing the browsers.
    globalSetup: ['scripts/wait-for-ci-install.mjs'],
    fileParallelism: false,
    testTimeout: 60_000,
    // A file's Firefox starts in its beforeAll: once, with the Chromium tests running beside it, that took over 60 s.
    hookTimeout: 120_000,
    // Waking Firefox's event page, or a second Firefox process, can take a few seconds on a busy machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
