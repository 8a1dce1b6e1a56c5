/**
 * Categories (分类): each dimension with its values (labels in Chinese and English, description),
 * values added, renamed or removed, and the default value.
 */
import { useTranslation } from 'react-i18next';
import type { SectionProps } from './editor.ts';
import { DimensionCard } from './DimensionCard.tsx';

export function CategoriesSection({ policy, update, problemsAt }: SectionProps) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  return (
    <div className="policy-categories">
      <h2>{t('categories.title')}</h2>
      <p className="help">{t('categories.intro')}</p>
      {Object.entries(policy.categories).map(([id, dimension]) => (
        <DimensionCard
          key={id}
          id={id}
          dimension={dimension}
          policy={policy}
          update={update}
          problemsAt={problemsAt}
          lang={lang}
        />
      ))}
    </div>
  );
}
