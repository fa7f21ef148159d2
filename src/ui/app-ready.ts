/** The `app-ready` performance mark (DESIGN.md contract), set once per page when it is usable. */
export function markAppReady(): void {
  if (performance.getEntriesByName('app-ready', 'mark').length === 0) performance.mark('app-ready');
}
