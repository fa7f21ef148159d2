/** What went wrong, in the words of the error (a thrown non-Error as its text), for an alert or a reply. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
