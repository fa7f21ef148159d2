/**
 * A short confirmation shown inside the YouTube page (after the clip shortcut), also in
 * fullscreen. It lives in a closed shadow root, so YouTube's styles cannot touch it and the
 * page's scripts cannot read it; it is announced to screen readers and goes away by itself, then
 * calls `onGone` (the badge's sign goes with it, even if the worker stopped meanwhile).
 */
const SHOWN_MS = 2500;
const STYLE = `
  :host { all: initial; }
  .confirmation {
    position: fixed; z-index: 2147483647; top: 72px; left: 50%; transform: translateX(-50%);
    max-width: min(480px, 90vw); padding: 10px 16px; border-radius: 10px;
    background: #1b1f24; color: #fff; box-shadow: 0 6px 24px rgba(0, 0, 0, .35);
    font: 600 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    display: flex; gap: 10px; align-items: center;
  }
  .message { min-width: 0; overflow-wrap: anywhere; }
  .mark { color: #8b93ff; }
  .failed .mark { color: #ff8a80; }
  @media (prefers-reduced-motion: no-preference) {
    .confirmation { animation: appear 160ms ease-out; }
    @keyframes appear { from { opacity: 0; transform: translate(-50%, -6px); } }
  }
`;

let current: { host: HTMLElement; timer: ReturnType<typeof setTimeout> } | null = null;

export function showPageConfirmation(doc: Document, { text, failed = false }: { text: string; failed?: boolean }, onGone: () => void = () => {}): void {
  if (current) {
    clearTimeout(current.timer);
    current.host.remove();
  }
  const host = doc.createElement('talklog-confirmation');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = failed ? 'confirmation failed' : 'confirmation';
  box.setAttribute('role', failed ? 'alert' : 'status');
  const mark = doc.createElement('span');
  mark.className = 'mark';
  mark.textContent = failed ? '!' : '✓';
  mark.setAttribute('aria-hidden', 'true');
  const message = doc.createElement('span');
  message.className = 'message';
  message.textContent = text;
  box.append(mark, message);
  shadow.append(style, box);
  (doc.fullscreenElement ?? doc.documentElement).append(host);
  const timer = setTimeout(() => {
    host.remove();
    current = null;
    onGone();
  }, SHOWN_MS);
  current = { host, timer };
}
