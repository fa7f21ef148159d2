import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Keeps the talk list where it is in the window while something above it comes or goes with `shown` (the bulk
 * actions bar, as the first talk is ticked): the rows would move by its height under the pointer, and a quick second
 * tick meant for the next row would land elsewhere. The browser's scroll anchoring does not act at the top of the page.
 */
export function useListKeptInPlace(shown: boolean): void {
  const [shownBefore, setShownBefore] = useState(shown);
  // Read as the draw that moves the list begins, before the page changes.
  const topBefore = shown !== shownBefore ? listTop() : null;
  useLayoutEffect(() => {
    if (shown === shownBefore) return;
    setShownBefore(shown);
    const topNow = listTop();
    if (topBefore !== null && topNow !== null && topNow !== topBefore) window.scrollBy(0, topNow - topBefore);
  }, [shown, shownBefore, topBefore]);
}

function listTop(): number | null {
  return document.querySelector('.talk-list')?.getBoundingClientRect().top ?? null;
}
