/**
 * Holds the popup page to its window's height when the window is shorter than the 600 px the page asks for
 * (popup.css): the browser caps a toolbar popup at 600 px of the screen, which is fewer CSS px at a zoom over 100 %,
 * and makes it shorter still where the screen under the button is short. Unheld, the page is taller than its window
 * and scrolls as a whole, the editor at its foot out of view; held, its main part scrolls and the editor stays at the
 * view's bottom. Not a viewport unit in CSS: a toolbar popup's window takes its height from the page's.
 */
export function holdToWindowHeight(root: HTMLElement = document.documentElement): void {
  const fit = () => {
    root.style.removeProperty('--window-height');
    if (root.scrollHeight > window.innerHeight) root.style.setProperty('--window-height', `${window.innerHeight}px`);
  };
  // The page grows past a window that is already as tall as it may be, or the window changes (a zoom).
  new ResizeObserver(fit).observe(document.body);
  window.addEventListener('resize', fit);
}
