import type { Note } from '../talk/model';

/** A note being edited, as it was when the edit began. */
export type EditTarget = Pick<Note, 'id' | 'talkId' | 'atSec' | 'updatedAt' | 'body'>;
