import { useEffect, useState } from 'preact/hooks';
import type { Shortcut } from './SettingsPanel';

/**
 * The extension's shortcuts, read again each time the page is shown anew: they are changed on the browser's own page
 * (Change shortcuts in the browser's settings opens it in another tab) while the library stays open.
 */
export function useCurrentShortcuts(initial: Shortcut[], read?: () => Promise<Shortcut[]>): Shortcut[] {
  const [shortcuts, setShortcuts] = useState(initial);
  useEffect(() => {
    if (!read) return undefined;
    const readAgain = () => {
      if (document.visibilityState === 'visible') void read().then(setShortcuts, () => undefined);
    };
    document.addEventListener('visibilitychange', readAgain);
    return () => document.removeEventListener('visibilitychange', readAgain);
  }, [read]);
  return shortcuts;
}
