/** The policy editor's problems panel: the check's problems for the whole draft, each a link. */
import { useTranslation } from 'react-i18next';
import type { PolicyProblem } from '../../api/types.ts';
import { sectionOf } from './editor.ts';

type Props = { company: string; problems: PolicyProblem[]; checking: boolean };

/** The count (or "checking…"), "no problems" when clean, and each problem's path and message. */
export function ProblemsPanel({ company, problems, checking }: Props) {
  const { t } = useTranslation('policy');
  return (
    <aside className="problems-panel" aria-label={t('problems.title')}>
      <h3>
        {t('problems.title')}{' '}
        {checking ? (
          <small className="muted">{t('problems.checking')}</small>
        ) : problems.length ? (
          <span className="badge danger">{t('problems.count', { count: problems.length })}</span>
        ) : null}
      </h3>
      {!checking && problems.length === 0 && <p className="badge ok">{t('problems.none')}</p>}
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <a href={`#/c/${company}/policy/${sectionOf(p.path)}?at=${encodeURIComponent(p.path)}`}>
              <code>{p.path || '/'}</code>
            </a>
            <div>{p.message}</div>
          </li>
        ))}
      </ul>
    </aside>
  );
}
