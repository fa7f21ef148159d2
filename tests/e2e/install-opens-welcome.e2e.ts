// A newcomer installing Talklog sees its welcome (the library): how to pin the button and the shortcut to clip.
import { expect, test } from 'vitest';
import { startTalklogSession } from './extension';

test('installing Talklog opens its welcome (the library), so a new user learns to pin the button and clip', async () => {
  const fresh = await startTalklogSession({ installLater: true, keepWelcome: true });
  try {
    await fresh.install();
    await expect
      .poll(
        () =>
          fresh.context
            .pages()
            .map((p) => p.url())
            .filter((u) => u.startsWith('chrome-extension://') && u.includes('/src/options/')),
        { timeout: 5000 },
      )
      .not.toEqual([]);
  } finally {
    await fresh.close();
  }
});
