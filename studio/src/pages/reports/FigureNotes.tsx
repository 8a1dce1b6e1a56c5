/** How each figure of the report is computed, one short explanation a figure, in the page's language. */
import { useTranslation } from 'react-i18next';

/** The figures explained, in the order the page shows them. */
export const FIGURES = [
  'period',
  'handlingTime',
  'timelyRate',
  'closureRate',
  'satisfaction',
  'assessment',
] as const;

export function FigureNotes() {
  const { t } = useTranslation('reports');
  return (
    <section className="card reports-notes" data-testid="report-figure-notes">
      <h3>{t('figures.title')}</h3>
      <ul>
        {FIGURES.map((figure) => (
          <li key={figure} data-testid={`report-figure-${figure}`}>
            {t(`figures.${figure}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
