import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText, punctuation } from '../../i18n/index.ts';
import type { SectionProps } from './editor.ts';
import { newPartId } from './category-values.ts';
import { LabelPair } from './LabelPair.tsx';
import { ProblemsHere } from './ProblemsHere.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { CategoryValueRow } from './CategoryValueRow.tsx';
import { placesOf } from './RemovalNote.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { SetByChoice } from './SetByChoice.tsx';

type Dimension = Policy['categories'][string];

/**
 * One category dimension (分类) as a card: its name, who sets it, its values and default, adding
 * or removing a value (refused, with the places in words, while something refers to it), and
 * removing the dimension itself.
 */
export function DimensionCard({
  id,
  dimension,
  policy,
  update,
  problemsAt,
  lang,
  onRemove,
}: {
  id: string;
  dimension: Dimension;
  lang: string;
  onRemove: () => void;
} & Pick<SectionProps, 'policy' | 'update' | 'problemsAt'>) {
  const { t } = useTranslation('policy');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [blocked, setBlocked] = useState<string | null>(null);
  const name = labelText(dimension.label, lang) || id;
  const setDim = (change: (d: Dimension) => void) =>
    update((draft) => {
      const d = draft.categories[id];
      if (d) change(d);
    });
  const add = () => {
    if (!zh.trim()) return;
    const valueId = newPartId(dimension.values, en, 'value');
    setDim((d) => {
      d.values[valueId] = {
        label: { 'zh-CN': zh.trim(), ...(en.trim() ? { en: en.trim() } : {}) },
      };
      if (d.order) d.order.push(valueId);
    });
    setZh('');
    setEn('');
  };
  const remove = (value: string) => {
    const uses = placesOf(policy, { kind: 'value', dimension: id, value }, lang, t);
    if (uses.length) {
      setBlocked(
        t('categories.inUse', {
          value: labelText(dimension.values[value]?.label, lang),
          uses: uses.join(punctuation(lang).list),
        }),
      );
      return;
    }
    setBlocked(null);
    setDim((d) => {
      delete d.values[value];
      if (d.default === value) delete d.default;
      if (d.order) d.order = d.order.filter((v) => v !== value);
    });
  };
  return (
    <section className="card policy-a-block" aria-label={name} data-testid={`category-${id}`}>
      <h3>
        {name} <code className="muted">{id}</code>{' '}
        <RemoveButton label={t('categories.removeDimension', { name })} onClick={onRemove} />
      </h3>
      {dimension.field && (
        <p className="muted">{t('categories.fieldLine', { field: dimension.field })}</p>
      )}
      <SetByChoice
        dimensionId={id}
        name={name}
        value={dimension.setBy}
        onChange={(setBy) => setDim((d) => void (d.setBy = setBy))}
      />
      <div className="toolbar">
        <span>{t('categories.dimensionName')}</span>
        <LabelPair
          value={dimension.label}
          name={name}
          onChange={(label) => setDim((d) => void (d.label = label ?? { 'zh-CN': '' }))}
        />
      </div>
      <ProblemsHere problems={problemsAt(`/categories/${id}`)} />
      <table className="policy-table">
        <TableHead
          columns={[
            t('categories.value'),
            t('categories.description'),
            t('categories.default'),
            t('approvals.actions'),
          ]}
        />
        <tbody>
          <tr>
            <td colSpan={2} className="muted">
              {t('categories.noDefault')}
            </td>
            <td>
              <input
                type="radio"
                name={`default-${id}`}
                aria-label={t('categories.noDefaultOf', { name })}
                checked={dimension.default === undefined}
                onChange={() => setDim((d) => void delete d.default)}
              />
            </td>
            <td />
          </tr>
          {Object.entries(dimension.values).map(([valueId, value]) => (
            <CategoryValueRow
              key={valueId}
              dimensionId={id}
              dimension={dimension}
              valueId={valueId}
              value={value}
              setDim={setDim}
              onRemove={() => remove(valueId)}
            />
          ))}
        </tbody>
      </table>
      {blocked && (
        <p className="field-error" role="alert">
          {blocked}
        </p>
      )}
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          type="text"
          aria-label={t('categories.newZh', { name })}
          data-testid={`category-${id}-new-zh`}
          placeholder={t('label.zhPlaceholder')}
          value={zh}
          onChange={(e) => setZh(e.target.value)}
        />
        <input
          type="text"
          lang="en"
          aria-label={t('categories.newEn', { name })}
          data-testid={`category-${id}-new-en`}
          placeholder={t('label.enPlaceholder')}
          value={en}
          onChange={(e) => setEn(e.target.value)}
        />
        <button type="submit" disabled={!zh.trim()} data-testid={`category-${id}-add-value`}>
          {t('categories.addValue')}
        </button>
      </form>
    </section>
  );
}
