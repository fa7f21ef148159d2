/** The `app-ready` performance mark (docs/design.md, "Contracts for tests and for people"), set once per page when it is usable. */
export function markAppReady(): void {
  if (performance.getEntriesByName('app-ready', 'mark').length === 0) performance.mark('app-ready');
}
