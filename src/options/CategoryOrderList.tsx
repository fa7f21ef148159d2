import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/t';
import { moveCategory } from './category-order';
import './CategoryOrderList.css';

interface CategoryOrderListProps {
  /** The categories as the log will list them. */
  categories: string[];
  /** The whole order, which may name categories not shown now. */
  order: string[];
  onChange: (order: string[]) => void;
}

/** The export's category order, each category moved up or down by its buttons. */
export function CategoryOrderList({ categories, order, onChange }: CategoryOrderListProps) {
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const moved = useRef<{ name: string; step: -1 | 1 } | null>(null);

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
    onChange(moveCategory(order, categories, name, step));
  };

  return (
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
  );
}
