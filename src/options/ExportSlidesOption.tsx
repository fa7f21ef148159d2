import { plural } from '../i18n/plural';
import { t } from '../i18n/t';

interface ExportSlidesOptionProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** How many slides the chosen talks' notes hold; null while they are counted. */
  count: number | null;
}

/** `Include slides`: the download becomes a `.zip` of the talk log and its `slides/` folder. */
export function ExportSlidesOption({ checked, onChange, count }: ExportSlidesOptionProps) {
  return (
    <>
      <label>
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} /> {t('includeSlides')}
      </label>
      {checked && <p class="muted export-dialog__hint">{count === null ? t('countingSlides') : t('exportSlidesAsZip', plural(count, 'slide'))}</p>}
    </>
  );
}
