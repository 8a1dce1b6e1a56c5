/** The note on a draft that extends a template: which template, and the parts the draft changes. */
import { useTranslation } from 'react-i18next';
import { sectionOf } from './editor.ts';
import type { Inheritance } from './load-draft.ts';

/** The template and the overridden, added or removed parts, each linking to its place. */
export function InheritsNote({ company, inherits }: { company: string; inherits: Inheritance }) {
  const { t } = useTranslation('policy');
  return (
    <div className="card" role="note" data-testid="draft-inherits">
      <p className="badge warn">{t('inherits', inherits)}</p>
      <details>
        <summary>{t('inheritedParts')}</summary>
        <ul>
          {inherits.parts.map((part) => (
            <li key={part.path}>
              <a
                href={`#/c/${company}/policy/${sectionOf(part.path)}?at=${encodeURIComponent(part.path)}`}
              >
                <code>{part.path}</code>
              </a>{' '}
              {t(`partStatus.${part.status}`)}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
