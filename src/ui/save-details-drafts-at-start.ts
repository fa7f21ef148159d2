import type { TalklogDb } from '../db/database';

/** localStorage keys of details typed and not saved (details-drafts.ts), one a talk. */
export const DETAILS_DRAFT_PREFIX = 'talklog:details:';

/**
 * Saves what pages closed before saving, as a page starts. The code that saves them loads only when there are
 * some: every page starts with this, and there are almost never any.
 */
export function saveDetailsDraftsIfAny(db: TalklogDb, storage: Storage = localStorage): void {
  if (!Object.keys(storage).some((key) => key.startsWith(DETAILS_DRAFT_PREFIX))) return;
  // The database failing keeps them for the next page.
  void import('./save-details-drafts').then(({ saveDetailsDrafts }) => saveDetailsDrafts(db, storage)).catch(() => undefined);
}
