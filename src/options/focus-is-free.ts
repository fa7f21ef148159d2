/**
 * Whether a hand-off may move the focus: it is nowhere (null, or <body>, where a browser leaves it once the focused
 * control is gone) or still `within` what the user acted on. Never from where the user took it meanwhile.
 */
export function focusIsFree(within?: Element | null): boolean {
  const focused = document.activeElement;
  return focused === null || focused === document.body || within?.contains(focused) === true;
}
