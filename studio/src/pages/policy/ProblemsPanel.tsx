/**
 * The policy editor's problems panel: the check's problems for the whole draft, each a link, and
 * the examples' last run — publishing refuses either, so "no problems" means both are clean.
 */
import { useTranslation } from 'react-i18next';
import type { ExampleRunResult, Policy, PolicyProblem } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { sectionOf } from './editor.ts';
import { problemPlace } from './problem-place.ts';
import { removedPartText, useKnownNames } from './removed-names.ts';

type Props = {
  company: string;
  problems: PolicyProblem[];
  /** The draft, to name where each problem is. */
  policy: Policy;
  /** The examples' last run on the clean draft; 'failed' when it could not run; null before. */
  examples: ExampleRunResult | 'failed' | null;
  checking: boolean;
};

/** The count (or "checking…"), "no problems" when clean, and each problem's place (in words) and message. */
export function ProblemsPanel({ company, problems, policy, examples, checking }: Props) {
  const { t, i18n } = useTranslation('policy');
  const known = useKnownNames(policy);
  const clean = !checking && problems.length === 0;
  const failing =
    examples && examples !== 'failed' ? examples.results.filter((r) => !r.passed) : [];
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
      {clean && examples !== null && failing.length === 0 && (
        <p className="badge ok">{t('problems.none')}</p>
      )}
      {clean && examples === 'failed' && <p className="muted">{t('problems.examplesNotRun')}</p>}
      {clean && failing.length > 0 && (
        <div data-testid="problems-examples">
          <p className="badge danger">{t('problems.examplesFailing', { count: failing.length })}</p>
          <ul>
            {failing.map((example) => (
              <li key={example.id}>
                <a href={`#/c/${company}/policy/examples`}>
                  {labelText(example.title, i18n.language) || example.id}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <a href={`#/c/${company}/policy/${sectionOf(p.path)}?at=${encodeURIComponent(p.path)}`}>
              <span title={p.path || '/'}>{problemPlace(p.path, policy, i18n.language, t)}</span>
            </a>
            <div>{removedPartText(p, policy, known, i18n.language, t)}</div>
          </li>
        ))}
      </ul>
    </aside>
  );
}
