/**
 * Categories (分类): each dimension with its values (labels in Chinese and English, description),
 * dimensions and values added, renamed or removed, and the default value. A removed dimension is
 * named at once with every place that still refers to it.
 */
import { useTranslation } from 'react-i18next';
import { labelText } from '../../i18n/index.ts';
import { AddPartForm } from './AddPartForm.tsx';
import type { SectionProps } from './editor.ts';
import { DimensionCard } from './DimensionCard.tsx';
import { RemovalNote, useRemoval } from './RemovalNote.tsx';

export function CategoriesSection({ policy, update, problemsAt }: SectionProps) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const { removal, remove, dismiss } = useRemoval(policy);
  const removeDimension = (id: string) =>
    remove({ kind: 'dimension', id }, labelText(policy.categories[id]?.label, lang) || id, () =>
      update((draft) => void delete draft.categories[id]),
    );
  return (
    <div className="policy-categories">
      <h2>{t('categories.title')}</h2>
      <p className="help">{t('categories.intro')}</p>
      <RemovalNote removal={removal} onDismiss={dismiss} />
      {Object.entries(policy.categories).map(([id, dimension]) => (
        <DimensionCard
          key={id}
          id={id}
          dimension={dimension}
          policy={policy}
          update={update}
          problemsAt={problemsAt}
          lang={lang}
          onRemove={() => removeDimension(id)}
        />
      ))}
      <section className="card policy-a-block" aria-label={t('categories.addDimension')}>
        <h3>{t('categories.addDimension')}</h3>
        <p className="help">{t('categories.addDimensionHelp')}</p>
        <AddPartForm
          label={t('categories.addDimension')}
          zhLabel={t('categories.newDimensionZh')}
          enLabel={t('categories.newDimensionEn')}
          idLabel={t('categories.newDimensionId')}
          testId="add-dimension"
          taken={policy.categories}
          fallback="category"
          onAdd={(id, label) => {
            dismiss();
            update((draft) => {
              draft.categories[id] = { label, values: {}, setBy: ['rule', 'staff'] };
            });
          }}
        />
      </section>
    </div>
  );
}
