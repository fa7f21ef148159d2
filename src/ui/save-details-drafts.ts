import type { TalklogDb } from '../db/database';
import { cleanDetails, updateTalksDetails, type TalkDetailsPatch } from '../db/library';
import { detailsDrafts, forgetDetailsDrafts, type DetailsField } from './details-drafts';

/** What a details field's text means for the talk. */
export function detailsPatch(field: DetailsField, text: string): TalkDetailsPatch {
  switch (field) {
    // Speakers read `Name, Company` (as parsed from titles), so a comma cannot separate them.
    case 'speakers':
      return { speakers: text.split(/[;\n]/) };
    case 'tags':
      return { tags: text.split(',') };
    default:
      return { [field]: text };
  }
}

/**
 * Saves the details typed in a page that closed before they were saved (details-drafts.ts). A field the library
 * refuses (a title emptied) is dropped, as it is when left; a talk deleted since is left out. The database failing
 * throws, keeping what is not saved yet for the next page.
 */
export async function saveDetailsDrafts(db: TalklogDb, storage: Storage): Promise<void> {
  for (const [talkId, draft] of detailsDrafts(storage)) {
    for (const [field, text] of Object.entries(draft) as [DetailsField, string][]) {
      const patch = detailsPatch(field, text);
      if (accepted(patch)) await updateTalksDetails(db, [talkId], patch);
    }
    forgetDetailsDrafts(storage, talkId);
  }
}

/** Whether the library takes the patch (it refuses a title emptied or a name too long). */
export function accepted(patch: TalkDetailsPatch): boolean {
  try {
    cleanDetails(patch);
    return true;
  } catch {
    return false;
  }
}
