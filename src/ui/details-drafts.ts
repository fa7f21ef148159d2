import { DETAILS_DRAFT_PREFIX as PREFIX } from './save-details-drafts-at-start';

/**
 * A talk's text details (title, speakers, event, category, tags) are saved when their field is left or on Enter.
 * A popup closes as soon as the focus leaves it: its field's `change` fires as it goes, too late for the save to
 * end, and what was typed goes with the page. So what is typed in them is kept here on every keystroke until it is saved, in localStorage (its write is
 * synchronous, as for note drafts: popup/drafts.ts), and the next page of the extension to start saves it.
 */
const FIELDS = ['title', 'speakers', 'event', 'category', 'tags'] as const;
export type DetailsField = (typeof FIELDS)[number];

/** A talk's fields typed and not saved yet. */
export type DetailsDraft = Partial<Record<DetailsField, string>>;

function load(storage: Storage, talkId: string): DetailsDraft {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(PREFIX + talkId) ?? '{}');
  } catch {
    return {};
  }
  const draft: DetailsDraft = {};
  if (typeof parsed !== 'object' || parsed === null) return draft;
  for (const field of FIELDS) {
    const text: unknown = (parsed as Record<string, unknown>)[field];
    if (typeof text === 'string') draft[field] = text;
  }
  return draft;
}

function store(storage: Storage, talkId: string, draft: DetailsDraft): void {
  try {
    if (Object.keys(draft).length === 0) storage.removeItem(PREFIX + talkId);
    else storage.setItem(PREFIX + talkId, JSON.stringify(draft));
  } catch {
    // Storage full: the field still saves when left, as it did before drafts.
  }
}

export function keepDetailsDraft(storage: Storage, talkId: string, field: DetailsField, text: string): void {
  store(storage, talkId, { ...load(storage, talkId), [field]: text });
}

export function forgetDetailsDraft(storage: Storage, talkId: string, field: DetailsField): void {
  const draft = load(storage, talkId);
  if (!(field in draft)) return;
  delete draft[field];
  store(storage, talkId, draft);
}

function draftedTalkIds(storage: Storage): string[] {
  const talkIds: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) talkIds.push(key.slice(PREFIX.length));
  }
  return talkIds;
}

/** Forgets all that was typed for the talk, and what storage holds under its key that is not a draft. */
export function forgetDetailsDrafts(storage: Storage, talkId: string): void {
  storage.removeItem(PREFIX + talkId);
}

/** The talks with details typed and not saved, and what was typed. */
export function detailsDrafts(storage: Storage): [talkId: string, draft: DetailsDraft][] {
  return draftedTalkIds(storage).map((talkId) => [talkId, load(storage, talkId)]);
}
