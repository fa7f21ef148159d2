import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** The two live regions every page has: confirmations (status) and errors (alert). */
export interface Announcement {
  kind: 'status' | 'alert';
  text: string;
  /** A follow-up offered with a confirmation, such as Undo. */
  action?: { label: string; run: () => void };
}

/** Between emptying a region and filling it again, so that screen readers hear a repeat. */
const REANNOUNCE_MS = 50;

interface AnnouncerProps {
  announcement: Announcement | null;
  onDismiss?: () => void;
  /** Where the focus goes when an action is used, its button going with the announcement (a CSS selector). */
  focusAfter?: string;
}

export function Announcer({ announcement, onDismiss, focusAfter }: AnnouncerProps) {
  const [shown, setShown] = useState<Announcement | null>(announcement);
  const actionButton = useRef<HTMLButtonElement>(null);

  const previous = useRef(announcement);
  useLayoutEffect(() => {
    if (announcement === previous.current) return undefined;
    const repeated = previous.current?.text === announcement?.text;
    previous.current = announcement;
    // The same words twice in a row ("Note saved.") leave the text unchanged: empty it first.
    if (!announcement || !repeated) {
      setShown(announcement);
      return undefined;
    }
    setShown(null);
    const timer = setTimeout(() => setShown(announcement), REANNOUNCE_MS);
    return () => clearTimeout(timer);
  }, [announcement]);

  // A deleted item takes the focus with it: give it to Undo rather than to the page's start. The item often goes a
  // few frames after the announcement shows, its Delete button focused till then: look again each frame while the
  // focus stays where it was and Undo is shown. (No Undo, no button: nothing to do.) The library's focusIsFree(),
  // written out: imported, it would cost the side panel 32 B gzip at open, more than its budget has left.
  useEffect(() => {
    const from = document.activeElement;
    const check = () => {
      if (document.activeElement === document.body) actionButton.current?.focus();
      else if (document.activeElement === from && actionButton.current) requestAnimationFrame(check);
    };
    check();
  }, [shown]);

  const action = shown?.action;
  return (
    <div class="announcer">
      <p role="status" class="announcer__status">
        {shown?.kind === 'status' ? shown.text : ''}
      </p>
      {action && (
        <button
          type="button"
          ref={actionButton}
          class="button button--small"
          onClick={() => {
            // Not with the button, to the page's start: what Undo brings back is drawn later, if at all.
            if (focusAfter) document.querySelector<HTMLElement>(focusAfter)?.focus();
            onDismiss?.();
            action.run();
          }}
        >
          {action.label}
        </button>
      )}
      <p role="alert" class="announcer__alert">
        {shown?.kind === 'alert' ? shown.text : ''}
      </p>
    </div>
  );
}
