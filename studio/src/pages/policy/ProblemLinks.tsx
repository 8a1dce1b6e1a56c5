/** Problems of the policy check as a list, each linking to the section (and place) it concerns. */
import { useTranslation } from 'react-i18next';
import type { Policy, PolicyProblem } from '../../api/types.ts';
import { approvalProblemText } from './approval-problem-text.ts';
import { sectionOf } from './editor.ts';

export function ProblemLinks({
  company,
  problems,
  policy,
}: {
  company: string;
  problems: PolicyProblem[];
  policy: Policy;
}) {
  const { t, i18n } = useTranslation('policy');
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
            {section === 'approvals' ? approvalProblemText(p, policy, i18n.language, t) : p.message}
          </li>
        );
      })}
    </ul>
  );
}
