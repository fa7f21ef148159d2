import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { updateTalkDetails, type TalkDetailsPatch } from '../db/library';
import { t, type MessageKey } from '../i18n/t';
import { TALK_STATUSES, type Talk } from '../talk/model';
import { type Announcement } from './Announcer';
import { forgetDetailsDraft, keepDetailsDraft, type DetailsField } from './details-drafts';
import { errorMessage } from './error-message';
import { accepted, detailsPatch } from './save-details-drafts';
import { StarRating } from './StarRating';
import { statusLabel } from './status-label';
import './TalkDetailsForm.css';

interface TalkDetailsFormProps {
  db: TalklogDb;
  talk: Talk;
  /** Suggested as one types: the values already in use. */
  categories: string[];
  events: string[];
  announce: (announcement: Announcement) => void;
  /** Only what describes a talk while watching it (event, category, tags, interest, status). */
  compact?: boolean;
}

type Save = (patch: TalkDetailsPatch) => Promise<Talk | null>;

/** A talk's details, each saved as soon as it changes (text fields when left or on Enter; kept as typed till then). */
export function TalkDetailsForm({ db, talk, categories, events, announce, compact = false }: TalkDetailsFormProps) {
  const statusId = useId();
  const save: Save = async (patch) => {
    try {
      return await updateTalkDetails(db, talk.id, patch);
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotSaveDetails', errorMessage(error)) });
      return null;
    }
  };
  return (
    <div class={compact ? 'talk-details talk-details--compact' : 'talk-details'}>
      {!compact && <TextField talk={talk} field={TITLE} save={save} />}
      {!compact && <TextField talk={talk} field={SPEAKERS} save={save} />}
      {!compact && talk.youtubeTitle && talk.youtubeTitle !== talk.title && (
        <p class="talk-details__original">
          <span class="muted">{t('titleOnYouTube', talk.youtubeTitle)}</span>{' '}
          <button type="button" class="button button--quiet button--small" onClick={() => void save({ title: talk.youtubeTitle!, speakers: [] })}>
            {t('useWholeTitle')}
          </button>
        </p>
      )}
      <TextField talk={talk} field={EVENT} save={save} suggestions={events} />
      <TextField talk={talk} field={CATEGORY} save={save} suggestions={categories} />
      <TextField talk={talk} field={TAGS} save={save} />
      <div class="talk-details__field">
        <label for={statusId} class="field-label">
          {t('fieldStatus')}
        </label>
        <select id={statusId} value={talk.status} onChange={(event) => void save({ status: event.currentTarget.value })}>
          {TALK_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <StarRating value={talk.interest} onChange={(interest) => void save({ interest })} />
    </div>
  );
}

interface TextFieldSpec {
  name: DetailsField;
  label: MessageKey;
  /** Takes two columns: titles and names are long. */
  wide?: boolean;
  hint?: MessageKey;
  show: (talk: Talk) => string;
}

const TITLE: TextFieldSpec = { name: 'title', label: 'fieldTitle', wide: true, show: (talk) => talk.title };
const SPEAKERS: TextFieldSpec = { name: 'speakers', label: 'fieldSpeakers', wide: true, hint: 'speakersHint', show: (talk) => talk.speakers.join('; ') };
const EVENT: TextFieldSpec = { name: 'event', label: 'fieldEvent', show: (talk) => talk.event ?? '' };
const CATEGORY: TextFieldSpec = { name: 'category', label: 'fieldCategory', show: (talk) => talk.category ?? '' };
const TAGS: TextFieldSpec = { name: 'tags', label: 'fieldTags', hint: 'tagsHint', show: (talk) => talk.tags.join(', ') };

/**
 * A text field that keeps what is being typed even when the talk changes elsewhere meanwhile, in a draft while the
 * page lasts (details-drafts.ts) and saved when the field goes (its talk left in a side panel, its row closed).
 */
function TextField({ talk, field, save, suggestions }: { talk: Talk; field: TextFieldSpec; save: Save; suggestions?: string[] }) {
  const id = useId();
  const stored = field.show(talk);
  const [text, setText] = useState(stored);
  const typing = useRef(false);
  const hint = field.hint && t(field.hint);

  useEffect(() => {
    if (!typing.current) setText(stored);
  }, [stored]);

  const commit = async (value: string) => {
    typing.current = false;
    // Once saved: a popup closing fires `change` as it goes, too late for the save to end.
    if (value !== stored) {
      const patch = detailsPatch(field.name, value);
      const saved = await save(patch);
      if (typing.current) return;
      // The database failed (disk full): the words and their draft stay, saved when the field is left again or by
      // the next page to start. A value the library refuses (a title emptied) goes back to the stored one.
      if (!saved && accepted(patch)) {
        typing.current = true;
        return;
      }
      setText(field.show(saved ?? talk));
    }
    forgetDetailsDraft(localStorage, talk.id, field.name);
  };
  const commitOnLeave = useRef(() => {});
  commitOnLeave.current = () => void (typing.current && commit(text));
  useEffect(() => () => commitOnLeave.current(), []);

  return (
    <div class={field.wide ? 'talk-details__field talk-details__field--wide' : 'talk-details__field'}>
      <label for={id} class="field-label">
        {t(field.label)}
      </label>
      <input
        id={id}
        type="text"
        dir="auto"
        value={text}
        list={suggestions && `${id}-suggestions`}
        title={hint}
        placeholder={hint}
        onInput={(event) => {
          typing.current = true;
          setText(event.currentTarget.value);
          keepDetailsDraft(localStorage, talk.id, field.name, event.currentTarget.value);
        }}
        onChange={(event) => void commit(event.currentTarget.value)}
      />
      {suggestions && (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      )}
    </div>
  );
}
