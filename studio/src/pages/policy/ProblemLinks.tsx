/** Problems of the policy check as a list, each linking to the section (and place) it concerns. */
import { useTranslation } from 'react-i18next';
import type { PolicyProblem } from '../../api/types.ts';
import { sectionOf } from './editor.ts';

export function ProblemLinks({
  company,
  problems,
}: {
  company: string;
  problems: PolicyProblem[];
}) {
  const { t } = useTranslation('policy');
  return (
    <ul className="policy-a-problem-links">
      {problems.map((p, i) => {
        const section = sectionOf(p.path);
        return (
          <li key={i}>
            <a href={`#/c/${company}/policy/${section}?at=${encodeURIComponent(p.path)}`}>
              {t(`sections.${section}`)}
            </a>
            {'：'}
            {p.message}
          </li>
        );
      })}
    </ul>
  );
}
