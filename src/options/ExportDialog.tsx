import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { defaultCategoryOrder, renderTalkLog, talkLogFileName, type TalkMarkdownOptions } from '../export/talk-log';
import { t, type MessageKey } from '../i18n/t';
import type { Note, Talk } from '../talk/model';
import { Announcer, errorMessage, type Announcement } from '../ui/Announcer';
import { categoriesInOrder, moveCategory } from './category-order';
import type { LibraryEnvironment } from './library-environment';
import { sharedEvent } from './library-filter';
import { plural } from './storage-facts';
import './ExportDialog.css';
import './CategoryOrder.css';

interface ExportDialogProps {
  /** The talks the library shows now, and every talk. */
  shown: Talk[];
  all: Talk[];
  /** Whether a search or filter leaves some talks out. */
  narrowed: boolean;
  notes: Note[];
  env: LibraryEnvironment;
  onClose: () => void;
}

type Include = Required<Pick<TalkMarkdownOptions, 'includeTimestamps' | 'includeSpeakers' | 'includeStars'>>;

const INCLUDE_LABELS: Record<keyof Include, MessageKey> = {
  includeTimestamps: 'includeTimestamps',
  includeSpeakers: 'includeSpeakers',
  includeStars: 'includeStars',
};

/** Long logs are previewed in part: the whole document is what Download and Copy give. */
const PREVIEW_CHARS = 20_000;
/** Rendering thousands of talks takes longer than a keystroke: the preview follows once typing pauses. */
const PREVIEW_DELAY_MS = 150;

/** `Export markdown`: the talk log as a document, set up and previewed before it is downloaded or copied. */
export function ExportDialog({ shown, all, narrowed, notes, env, onClose }: ExportDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleField = useRef<HTMLInputElement>(null);
  const [scope, setScope] = useState<'shown' | 'all'>(narrowed ? 'shown' : 'all');
  const talks = scope === 'shown' ? shown : all;
  const [title, setTitle] = useState(() => {
    const event = sharedEvent(talks);
    return event ? t('talkLogTitleForEvent', event) : t('talkLogTitle');
  });
  const [intro, setIntro] = useState('');
  const [include, setInclude] = useState<Include>({ includeTimestamps: true, includeSpeakers: true, includeStars: true });
  const [order, setOrder] = useState(() => defaultCategoryOrder(all));
  const categories = useMemo(() => categoriesInOrder(order, defaultCategoryOrder(talks)), [order, talks]);
  const request = useMemo(() => ({ talks, options: { title, intro, categoryOrder: categories, ...include } }), [talks, title, intro, categories, include]);
  const previewed = useSettled(request, PREVIEW_DELAY_MS);
  const preview = useMemo(() => renderTalkLog(previewed.talks, notes, previewed.options), [previewed, notes]);
  const currentMarkdown = () => (previewed === request ? preview : renderTalkLog(request.talks, notes, request.options));
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const moved = useRef<{ name: string; step: -1 | 1 } | null>(null);

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.showModal();
    titleField.current?.focus();
    return () => opener?.focus();
  }, []);

  // A moved category's buttons moved with it: keep the focus on the button just used, or its twin at an end.
  useEffect(() => {
    if (!moved.current) return;
    const { name, step } = moved.current;
    moved.current = null;
    const same = moveButtons.current.get(`${name}:${step}`);
    (same && !same.disabled ? same : moveButtons.current.get(`${name}:${-step}`))?.focus();
  }, [categories]);

  const move = (name: string, step: -1 | 1) => {
    moved.current = { name, step };
    setOrder(moveCategory(order, categories, name, step));
  };

  const download = () => {
    const fileName = talkLogFileName(sharedEvent(talks), env.now());
    env.download(fileName, currentMarkdown(), 'text/markdown');
    setAnnouncement({ kind: 'status', text: t('downloadedFile', fileName, plural(talks.length, 'talk')) });
  };

  const copy = async () => {
    try {
      await env.copyText(currentMarkdown());
      setAnnouncement({ kind: 'status', text: t('copiedTalkLog', plural(talks.length, 'talk')) });
    } catch (error) {
      setAnnouncement({ kind: 'alert', text: t('couldNotCopy', errorMessage(error)) });
    }
  };

  return (
    <dialog ref={dialog} class="export-dialog" aria-labelledby={`${id}-heading`} onClose={onClose}>
      <header class="export-dialog__header">
        <h2 id={`${id}-heading`}>{t('exportMarkdown')}</h2>
        <button type="button" class="button button--quiet" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </header>
      <div class="export-dialog__body">
        <form class="export-dialog__options" onSubmit={(event) => event.preventDefault()}>
          <label for={`${id}-title`} class="field-label">
            {t('fieldTitle')}
          </label>
          <input id={`${id}-title`} ref={titleField} type="text" value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
          <label for={`${id}-intro`} class="field-label">
            {t('exportIntro')}
          </label>
          <textarea
            id={`${id}-intro`}
            rows={3}
            value={intro}
            placeholder={t('exportIntroPlaceholder')}
            onInput={(event) => setIntro(event.currentTarget.value)}
          />
          {narrowed && (
            <fieldset>
              <legend class="field-label">{t('talks')}</legend>
              <label>
                <input type="radio" name={`${id}-scope`} checked={scope === 'shown'} onChange={() => setScope('shown')} />{' '}
                {t('exportShown', plural(shown.length, 'talk'))}
              </label>
              <label>
                <input type="radio" name={`${id}-scope`} checked={scope === 'all'} onChange={() => setScope('all')} />{' '}
                {t('exportAll', plural(all.length, 'talk'))}
              </label>
            </fieldset>
          )}
          <fieldset>
            <legend class="field-label">{t('exportInclude')}</legend>
            {(Object.keys(INCLUDE_LABELS) as (keyof Include)[]).map((key) => (
              <label key={key}>
                <input type="checkbox" checked={include[key]} onChange={(event) => setInclude({ ...include, [key]: event.currentTarget.checked })} />{' '}
                {t(INCLUDE_LABELS[key])}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend class="field-label">{t('categoryOrder')}</legend>
            {categories.length === 0 && <p class="muted">{t('noCategories')}</p>}
            <ol class="category-order">
              {categories.map((name, index) => (
                <li key={name}>
                  <span class="category-order__name">{name}</span>
                  {([-1, 1] as const).map((step) => (
                    <button
                      key={step}
                      type="button"
                      class="button button--small"
                      ref={(button) => {
                        if (button) moveButtons.current.set(`${name}:${step}`, button);
                        else moveButtons.current.delete(`${name}:${step}`);
                      }}
                      aria-label={t(step < 0 ? 'moveCategoryUp' : 'moveCategoryDown', name)}
                      disabled={step < 0 ? index === 0 : index === categories.length - 1}
                      onClick={() => move(name, step)}
                    >
                      {step < 0 ? '↑' : '↓'}
                    </button>
                  ))}
                </li>
              ))}
            </ol>
            {categories.length > 0 && <p class="muted export-dialog__hint">{t('uncategorizedLast')}</p>}
          </fieldset>
        </form>
        <section class="export-dialog__preview">
          <h3 id={`${id}-preview`} class="field-label">
            {t('preview')}
          </h3>
          {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take the keyboard focus to be scrolled (axe: scrollable-region-focusable) */}
          <pre role="region" tabIndex={0} aria-labelledby={`${id}-preview`} aria-busy={previewed !== request}>
            {preview.length > PREVIEW_CHARS ? `${preview.slice(0, PREVIEW_CHARS)}\n…` : preview}
          </pre>
        </section>
      </div>
      <footer class="export-dialog__footer">
        <Announcer announcement={announcement} />
        <button type="button" class="button" onClick={() => void copy()}>
          {t('copy')}
        </button>
        <button type="button" class="button button--primary" onClick={download}>
          {t('download')}
        </button>
      </footer>
    </dialog>
  );
}

/** `value`, once it has stayed the same for `delayMs`. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
