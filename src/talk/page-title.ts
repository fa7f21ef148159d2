/** `(3) Talk title - YouTube` → `Talk title`: drops the notification count and the site suffix. */
export function cleanPageTitle(documentTitle: string): string {
  return documentTitle
    .replace(/^\s*\(\d+\+?\)\s*/, '')
    .replace(/\s+-\s+YouTube\s*$/, '')
    .trim();
}
