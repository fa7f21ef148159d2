import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { savedSlides, slideImage } from '../db/slides';
import { slideLinks } from '../export/slide-files';
import { chooseTalks, DEFAULT_TALK_CHOICE, notWatchedYet, type TalkChoice, type TalkToChoose } from '../export/talk-choice';
import { defaultCategoryOrder, talkLogFileName, type TalkMarkdownOptions } from '../export/talk-log';
import { t, type MessageKey } from '../i18n/t';
import type { SlideThumbnail } from '../talk/slide';
import { Announcer, type Announcement } from '../ui/Announcer';
import { errorMessage } from '../ui/error-message';
import { categoriesInOrder } from './category-order';
import { CategoryOrderList } from './CategoryOrderList';
import type { RenderedLog, TalkLogRenderer } from './export-in-worker';
import type { RenderProgress, TalkLogRequest } from './export-jobs';
import { ExportPreview } from './ExportPreview';
import { ExportSlidesOption } from './ExportSlidesOption';
import { ExportTalkChoice, type ExportScope } from './ExportTalkChoice';
import type { LibraryEnvironment } from './library-environment';
import { sharedEvent } from './library-filter';
import { plural } from '../i18n/plural';
import { useSettled } from './use-settled';
import './ExportDialog.css';

interface ExportDialogProps {
  /** The talks the library shows now, and every talk, each with whether one of its notes holds text. */
  shown: readonly TalkToChoose[];
  all: readonly TalkToChoose[];
  /** The events the talks name, as the library keeps them. */
  events: string[];
  /** Whether a search or filter leaves some talks out. */
  narrowed: boolean;
  db: TalklogDb;
  env: LibraryEnvironment;
  onClose: () => void;
}

type Include = Required<Pick<TalkMarkdownOptions, 'includeTimestamps' | 'includeSpeakers' | 'includeStars'>>;

const INCLUDE_LABELS: Record<keyof Include, MessageKey> = {
  includeTimestamps: 'includeTimestamps',
  includeSpeakers: 'includeSpeakers',
  includeStars: 'includeStars',
};

/** Rendering thousands of talks takes longer than a keystroke: the preview follows once typing pauses. */
const PREVIEW_DELAY_MS = 150;

/** `Export markdown`: the talk log as a document, set up and previewed before it is downloaded or copied. */
export function ExportDialog({ shown, all, events, narrowed, db, env, onClose }: ExportDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleField = useRef<HTMLInputElement>(null);
  const [scope, setScope] = useState<ExportScope>(narrowed ? 'shown' : 'all');
  const [choice, setChoice] = useState<TalkChoice>(DEFAULT_TALK_CHOICE);
  /** One event to export, or '' for every event. */
  const [event, setEvent] = useState('');
  const [withQueue, setWithQueue] = useState(true);
  const eventEntries = useMemo(() => {
    const pool = scope === 'shown' ? shown : all;
    return event === '' ? pool : pool.filter((entry) => entry.talk.event === event);
  }, [scope, shown, all, event]);
  const talks = useMemo(() => chooseTalks(eventEntries, choice), [eventEntries, choice]);
  const queued = useMemo(() => (event === '' ? [] : notWatchedYet(eventEntries, talks)), [event, eventEntries, talks]);
  const talksEvent = useMemo(() => sharedEvent(talks), [talks]);
  // A log of nothing (no talk chosen, no queue listed) is not worth a file: the count above says why.
  const empty = talks.length === 0 && !(withQueue && queued.length > 0);
  // The title, and the file's name, name the event chosen, or the one the talks chosen share; the title follows the
  // choices until the user types one of their own.
  const [typedTitle, setTypedTitle] = useState<string | null>(null);
  const titleEvent = event || talksEvent;
  const title = typedTitle ?? (titleEvent ? t('talkLogTitleForEvent', titleEvent) : t('talkLogTitle'));
  const [intro, setIntro] = useState('');
  const [include, setInclude] = useState<Include>({ includeTimestamps: true, includeSpeakers: true, includeStars: true });
  // Categories in the order the user moved them to; the rest follow, best first among the talks chosen
  // (the design's default), which asks every talk chosen: first done in the render after the dialog is
  // drawn (`order` is null until its effect), not in the task that opens it, long enough at 20,000 talks.
  const [order, setOrder] = useState<string[] | null>(null);
  useEffect(() => setOrder((moved) => moved ?? []), []);
  const categories = useMemo(() => order && categoriesInOrder(order, defaultCategoryOrder(talks)), [order, talks]);
  const [includeSlides, setIncludeSlides] = useState(false);
  const [slides, setSlides] = useState<SlideThumbnail[] | null>(null);
  const links = useMemo(() => (includeSlides && slides ? slideLinks(talks, slides) : undefined), [includeSlides, slides, talks]);
  const request = useMemo(
    (): TalkLogRequest | null =>
      categories && {
        talkIds: talks.map((talk) => talk.id),
        queuedIds: withQueue ? queued.map((talk) => talk.id) : [],
        options: { title, intro, categoryOrder: categories, ...include, slides: links },
      },
    [talks, title, intro, categories, include, withQueue, queued, links],
  );
  // The first request is rendered at once; the preview follows later ones once they settle.
  const previewed = useSettled(request, PREVIEW_DELAY_MS) ?? request;
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  // The log is rendered off the page as soon as the options settle, so that Copy, which must write
  // to the clipboard within the click that asked, and Download act on a file already made. Its worker
  // starts in an effect, after the dialog is drawn: not in the task that opens it.
  const [renderer, setRenderer] = useState<TalkLogRenderer | null>(null);
  useEffect(() => {
    const started = env.talkLogRenderer(db);
    setRenderer(started);
    return () => started.close();
  }, [env, db]);
  const [rendered, setRendered] = useState<{ request: TalkLogRequest; log: RenderedLog } | null>(null);
  const [progress, setProgress] = useState<RenderProgress | null>(null);
  useEffect(() => {
    if (!renderer || !previewed) return;
    let current = true;
    renderer
      .render(previewed, (now) => current && setProgress(now))
      .then(
        (log) => {
          if (!current || log === null) return;
          setRendered({ request: previewed, log });
          setProgress(null);
        },
        (error: unknown) => current && setAnnouncement({ kind: 'alert', text: t('couldNotPrepareTalkLog', errorMessage(error)) }),
      );
    return () => {
      current = false;
    };
  }, [renderer, previewed]);
  /** The log as the options now say, once it is made. */
  const ready = rendered?.request === request ? rendered.log : null;

  // The slides' names and times are read once the user asks for them, and again whenever the talks or notes change
  // (a note deleted or saved with slides in the popup meanwhile); their images only on download.
  useEffect(() => {
    if (!includeSlides) return;
    let current = true;
    savedSlides(db).then(
      (read) => current && setSlides(read),
      (error: unknown) => current && setAnnouncement({ kind: 'alert', text: t('couldNotExportSlides', errorMessage(error)) }),
    );
    return () => {
      current = false;
    };
  }, [includeSlides, db, shown, all]);

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.showModal();
    titleField.current?.focus();
    return () => opener?.focus();
  }, []);

  const download = async (log: RenderedLog) => {
    const fileName = talkLogFileName(titleEvent, env.now());
    if (!links) {
      env.download(fileName, log.file, 'text/markdown');
      setAnnouncement({ kind: 'status', text: t('downloadedFile', fileName, plural(talks.length, 'talk')) });
      return;
    }
    try {
      // IndexedDB hands the images out as references: looked up here, they are read one at a time by the zip.
      const images = new Map<string, Blob | undefined>();
      for (const { slideId } of [...links.values()].flat()) images.set(slideId, await slideImage(db, slideId));
      // A slide deleted since the list was read (Remove slide in an edit) goes, and so does its link.
      const kept = new Map([...links].map(([note, noteSlides]) => [note, noteSlides.filter((slide) => images.get(slide.slideId))]));
      const files = [...kept.values()].flat();
      // The count and the preview follow too.
      if (files.length < images.size) void savedSlides(db).then(setSlides);
      const file =
        files.length < images.size && request
          ? ((await renderer?.render({ ...request, options: { ...request.options, slides: kept } }, () => {}))?.file ?? log.file)
          : log.file;
      // fflate is needed only for this download: the library page loads it then, not when it opens.
      const { talkLogZip } = await import('./talk-log-zip');
      const zip = await talkLogZip(fileName, file, files, async (slideId) => images.get(slideId));
      const zipName = fileName.replace(/\.md$/, '.zip');
      env.download(zipName, zip, 'application/zip');
      setAnnouncement({ kind: 'status', text: t('downloadedFileWithSlides', zipName, plural(talks.length, 'talk'), plural(files.length, 'slide')) });
    } catch (error) {
      setAnnouncement({ kind: 'alert', text: t('couldNotExportSlides', errorMessage(error)) });
    }
  };

  const copy = async (log: RenderedLog) => {
    try {
      await env.copyText(log.file);
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
          <input id={`${id}-title`} ref={titleField} type="text" value={title} onInput={(event) => setTypedTitle(event.currentTarget.value)} />
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
          <ExportTalkChoice
            scope={scope}
            onScope={setScope}
            shownCount={shown.length}
            allCount={all.length}
            narrowed={narrowed}
            choice={choice}
            onChoice={setChoice}
            chosenCount={talks.length}
          />
          <label for={`${id}-event`} class="field-label">
            {t('exportOneEvent')}
          </label>
          <select id={`${id}-event`} value={event} onChange={(change) => setEvent(change.currentTarget.value)}>
            <option value="">{t('exportEveryEvent')}</option>
            {events.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          {event !== '' && (
            <label>
              <input type="checkbox" checked={withQueue} onChange={(change) => setWithQueue(change.currentTarget.checked)} />{' '}
              {t('exportNotWatchedYet', plural(queued.length, 'talk'))}
            </label>
          )}
          <fieldset>
            <legend class="field-label">{t('exportInclude')}</legend>
            {(Object.keys(INCLUDE_LABELS) as (keyof Include)[]).map((key) => (
              <label key={key}>
                <input type="checkbox" checked={include[key]} onChange={(event) => setInclude({ ...include, [key]: event.currentTarget.checked })} />{' '}
                {t(INCLUDE_LABELS[key])}
              </label>
            ))}
            <ExportSlidesOption
              checked={includeSlides}
              onChange={setIncludeSlides}
              count={links ? [...links.values()].reduce((sum, noteSlides) => sum + noteSlides.length, 0) : null}
            />
          </fieldset>
          {categories && order && <CategoryOrderList categories={categories} order={order} onChange={setOrder} />}
        </form>
        <ExportPreview preview={rendered?.log.preview ?? ''} busy={ready === null} progress={progress} />
      </div>
      <footer class="export-dialog__footer">
        <Announcer announcement={announcement} />
        <button type="button" class="button" disabled={ready === null || empty} onClick={() => ready !== null && void copy(ready)}>
          {t('copy')}
        </button>
        <button
          type="button"
          class="button button--primary"
          disabled={ready === null || empty || (includeSlides && !links)}
          onClick={() => ready !== null && void download(ready)}
        >
          {t('download')}
        </button>
      </footer>
    </dialog>
  );
}
