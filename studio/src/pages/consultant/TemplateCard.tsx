/**
 * A bundled template as a card: title, what it is for, where it comes from, what it assumes where
 * its source is silent, a few facts, create.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';

const HAN = /\p{Script=Han}/u;

export function TemplateCard({
  template,
  onCreate,
  children,
}: {
  template: TemplateSummary;
  /** Shown at the bottom of the card instead of the create button (the form, or what it made). */
  children?: ReactNode;
  /** Absent when the caller may not create companies. */
  onCreate?: () => void;
}) {
  const { t, i18n } = useTranslation('consultant');
  const lang = i18n.language;
  const title = labelText(template.title, lang);
  const description = labelText(template.description, lang);
  const sources = template.sources ?? [];
  const seeds = [...new Set(sources.map((source) => source.seed))];
  const assumptions = template.assumptions ?? [];
  return (
    <article
      className="card gallery-card"
      data-testid={`template-${template.id}`}
      aria-label={title}
    >
      <h3>{title}</h3>
      <p className="muted gallery-id">
        <code>{template.id}</code>
      </p>
      {template.facts && <p className="gallery-facts">{t('template.facts', template.facts)}</p>}
      <div className="gallery-source">
        <strong>{t('template.source')}</strong>
        {sources.length === 0 ? (
          <p className="muted">{t('template.noSource')}</p>
        ) : (
          <ul>
            {sources.slice(0, 3).map((source, i) => (
              // A source in another language (CFPB's pages) is quoted as written, marked as such.
              <li key={i} lang={HAN.test(source.section) ? undefined : 'en'}>
                {source.section}
              </li>
            ))}
            {sources.length > 3 && <li className="muted">…</li>}
          </ul>
        )}
        {seeds.length > 0 && (
          <details className="muted gallery-files" data-testid={`source-files-${template.id}`}>
            <summary>{t('template.sourceDocs')}</summary>
            <code>{seeds.join('、')}</code>
          </details>
        )}
      </div>
      {assumptions.length > 0 && (
        <details className="gallery-assumptions" data-testid={`assumptions-${template.id}`}>
          <summary>{t('template.assumptions', { count: assumptions.length })}</summary>
          <p className="muted">{t('template.assumptionsHelp')}</p>
          <ul>
            {assumptions.map((assumption, i) => (
              <li key={i}>
                <code>{assumption.part}</code> {labelText(assumption.note, lang)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {description && (
        <details className="gallery-description">
          <summary>{t('template.more')}</summary>
          <p>{description}</p>
        </details>
      )}
      {children ??
        (onCreate && (
          <button type="button" className="gallery-create" onClick={onCreate}>
            {t('template.create')}
          </button>
        ))}
    </article>
  );
}
