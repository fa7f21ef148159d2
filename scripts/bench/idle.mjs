// Does the content script work while nothing asks it to? V8's precise coverage, in call-count mode,
// counts every function invocation in the tab's renderer (all worlds, the content script's included)
// between two readings: any in a chrome-extension:// script is Talklog working — a timer or interval
// firing, an observer callback, a listener. The tab's TaskDuration / ScriptDuration over the same
// windows give the cost in time, to compare with a browser without the extension.

/**
 * @param {import('playwright-core').Page} page a fake YouTube tab, loaded and settled
 * @param {{ idleMs: number, churnMs: number, control?: boolean }} windows control: end with a window in which
 *   YouTube's own `yt-navigate-finish` event fires, which the content script does listen to: proof that
 *   the probe sees its calls when there are some.
 */
export async function idleCheck(page, { idleMs, churnMs, control = false }) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.disable');
    const extensionWorld = contexts.some((c) => c.origin?.startsWith('chrome-extension://') || c.name === 'Talklog');
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });

    const window = async (ms, during) => {
      await cdp.send('Profiler.takePreciseCoverage'); // resets the counters
      const before = metrics(await cdp.send('Performance.getMetrics'));
      await during?.();
      await page.waitForTimeout(ms);
      const { result } = await cdp.send('Profiler.takePreciseCoverage');
      const after = metrics(await cdp.send('Performance.getMetrics'));
      return {
        ms,
        taskMs: (after.TaskDuration - before.TaskDuration) * 1000,
        scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
        ...countCalls(result),
      };
    };

    const idle = await window(idleMs);
    const churn = await window(churnMs, () =>
      page.evaluate((ms) => {
        // The page changes itself (as YouTube's home feed does): nodes added, removed, attributes set.
        const box = document.body.appendChild(document.createElement('div'));
        let n = 0;
        const timer = setInterval(() => {
          const item = box.appendChild(document.createElement('ytd-rich-item-renderer'));
          item.textContent = `Video ${n}`;
          item.setAttribute('data-n', String(n++));
          if (box.childElementCount > 20) box.firstElementChild?.remove();
          document.title = `(${n}) YouTube`;
        }, 50);
        setTimeout(() => {
          clearInterval(timer);
          box.remove();
        }, ms);
      }, churnMs),
    );
    const positive = control
      ? await window(500, () => page.evaluate(() => document.dispatchEvent(new CustomEvent('yt-navigate-finish', { detail: {} }))))
      : null;
    await cdp.send('Profiler.stopPreciseCoverage');
    return { extensionWorld, idle, churn, control: positive };
  } finally {
    await cdp.detach();
  }
}

function metrics({ metrics: list }) {
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

/** Function invocations in a coverage reading, in all, and in the extension's scripts (with their names). */
function countCalls(scripts) {
  let calls = 0;
  let extensionCalls = 0;
  const extensionFunctions = new Set();
  for (const script of scripts) {
    const fromExtension = script.url.startsWith('chrome-extension://');
    for (const fn of script.functions) {
      const count = fn.ranges[0]?.count ?? 0;
      if (count === 0) continue;
      calls += count;
      if (fromExtension) {
        extensionCalls += count;
        extensionFunctions.add(`${fn.functionName || '(anonymous)'} in ${script.url.replace(/^chrome-extension:\/\/[^/]+\//, '')}`);
      }
    }
  }
  return { calls, extensionCalls, extensionFunctions: [...extensionFunctions] };
}
