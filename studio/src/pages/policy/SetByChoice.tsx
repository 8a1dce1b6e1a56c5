/** Who may set a category dimension's value (分类由谁设定): the form, rules, staff — at least one. */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';

type SetBy = Policy['categories'][string]['setBy'];
const SETTERS = ['form', 'rule', 'staff'] as const;

/** A checkbox a setter; the last one checked cannot be unchecked (the format needs one). */
export function SetByChoice({
  dimensionId,
  name,
  value,
  onChange,
}: {
  dimensionId: string;
  name: string;
  value: SetBy;
  onChange: (setBy: SetBy) => void;
}) {
  const { t } = useTranslation('policy');
  return (
    <fieldset className="policy-inline-form" data-testid={`category-${dimensionId}-set-by`}>
      <legend>{t('categories.setByLegend')}</legend>
      {SETTERS.map((setter) => {
        const on = value.includes(setter);
        return (
          <label key={setter} className="inline">
            <input
              type="checkbox"
              aria-label={t('categories.setByOf', {
                name,
                setter: t(`categories.setBy.${setter}`),
              })}
              checked={on}
              disabled={on && value.length === 1}
              onChange={() =>
                onChange(
                  on
                    ? value.filter((s) => s !== setter)
                    : SETTERS.filter((s) => s === setter || value.includes(s)),
                )
              }
            />{' '}
            {t(`categories.setBy.${setter}`)}
          </label>
        );
      })}
    </fieldset>
  );
}
