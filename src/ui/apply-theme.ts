import type { Theme } from '../settings/settings';

/** `system` follows the browser; light and dark pin the page's colour scheme (theme.css reads it). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
