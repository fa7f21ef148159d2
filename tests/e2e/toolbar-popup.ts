import { writeFileSync } from 'node:fs';
import type { BrowserContext, Worker } from 'playwright-core';

/** The toolbar popup as Chromium opens it, in a window of its own sized by the browser (Playwright sees no page for it). */
export interface ToolbarPopup {
  /** Runs `fn` in the popup, as if while the user clicked (a user gesture), and gives back its JSON-able result. */
  evaluate: <T>(fn: () => T | Promise<T>) => Promise<T>;
  /** A PNG of the popup as drawn, written to `path`. */
  screenshot: (path: string) => Promise<void>;
  /** Whether the popup is still open. */
  isOpen: () => Promise<boolean>;
  close: () => Promise<void>;
}

/** What the popup's DevTools answer, as far as read here: `Runtime.evaluate`'s and `Page.captureScreenshot`'s. */
interface Answer {
  result?: { result?: { value?: unknown }; exceptionDetails?: unknown; data?: string };
}

/**
 * Opens Talklog's toolbar popup over the window's active tab (`action.openPopup`, from the extension's worker) and
 * reaches it through the DevTools protocol: attached, not flattened, its messages sent through the browser's session.
 */
export async function openToolbarPopup(context: BrowserContext, worker: Worker, popupUrl: string): Promise<ToolbarPopup> {
  await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup: () => Promise<void> } } }).chrome.action.openPopup());
  const devtools = await context.browser()!.newBrowserCDPSession();
  let targetId: string | undefined;
  for (let tries = 0; !targetId; tries++) {
    if (tries === 100) throw new Error(`no toolbar popup at ${popupUrl}`);
    const { targetInfos } = await devtools.send('Target.getTargets');
    targetId = targetInfos.find((target) => target.url.startsWith(popupUrl))?.targetId;
    if (!targetId) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { sessionId } = await devtools.send('Target.attachToTarget', { targetId, flatten: false });
  const answers = new Map<number, (answer: Answer) => void>();
  devtools.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as Answer & { id?: number };
    if (message.id !== undefined) answers.get(message.id)?.(message);
  });
  let lastId = 0;
  const send = async (method: string, params: object) => {
    const id = ++lastId;
    const answer = new Promise<Answer>((resolve) => answers.set(id, resolve));
    await devtools.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const { result } = await answer;
    if (!result || result.exceptionDetails) throw new Error(`in the toolbar popup, ${method}: ${JSON.stringify(result?.exceptionDetails)}`);
    return result;
  };
  return {
    async evaluate(fn) {
      const result = await send('Runtime.evaluate', { expression: `(${fn.toString()})()`, returnByValue: true, awaitPromise: true, userGesture: true });
      return result.result?.value as never;
    },
    async screenshot(path) {
      const { data } = await send('Page.captureScreenshot', { format: 'png' });
      writeFileSync(path, Buffer.from(data!, 'base64'));
    },
    async isOpen() {
      const { targetInfos } = await devtools.send('Target.getTargets');
      return targetInfos.some((target) => target.targetId === targetId);
    },
    async close() {
      await devtools.send('Target.closeTarget', { targetId });
      await devtools.detach();
    },
  };
}
