/**
 * Whether a control busy with what it started says it is unavailable (aria-disabled) yet keeps the focus: a browser
 * moves the focus off a control made disabled, to the page's start (happy-dom does not, so the test is on `disabled`).
 */
export function busyButFocusable(control: Element): boolean {
  return control.getAttribute('aria-disabled') === 'true' && !control.matches(':disabled');
}
