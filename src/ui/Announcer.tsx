/** The two live regions every page has: confirmations (status) and errors (alert). */
export interface Announcement {
  kind: 'status' | 'alert';
  text: string;
  /** A follow-up offered with a confirmation, such as Undo. */
  action?: { label: string; run: () => void };
}

export function Announcer({ announcement, onDismiss }: { announcement: Announcement | null; onDismiss?: () => void }) {
  const action = announcement?.action;
  return (
    <div class="announcer">
      <p role="status" class="announcer__status">
        {announcement?.kind === 'status' ? announcement.text : ''}
      </p>
      {action && (
        <button
          type="button"
          class="button button--small"
          onClick={() => {
            onDismiss?.();
            action.run();
          }}
        >
          {action.label}
        </button>
      )}
      <p role="alert" class="announcer__alert">
        {announcement?.kind === 'alert' ? announcement.text : ''}
      </p>
    </div>
  );
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
