/** The two live regions every page has: confirmations (status) and errors (alert). */
export interface Announcement {
  kind: 'status' | 'alert';
  text: string;
}

export function Announcer({ announcement }: { announcement: Announcement | null }) {
  return (
    <div class="announcer">
      <p role="status" class="announcer__status">
        {announcement?.kind === 'status' ? announcement.text : ''}
      </p>
      <p role="alert" class="announcer__alert">
        {announcement?.kind === 'alert' ? announcement.text : ''}
      </p>
    </div>
  );
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
