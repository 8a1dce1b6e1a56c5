/** Why the server refused to publish: the check's problems and the examples that fail. */
import { useTranslation } from 'react-i18next';
import type { Policy, PolicyProblem } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { readFailure } from './ExampleFailure.tsx';
import { ProblemLinks } from './ProblemLinks.tsx';

/** The details of a `policy_has_problems` refusal. */
export type Refusal = {
  problems: PolicyProblem[];
  failedExamples: { id: string; title: { 'zh-CN': string; en?: string }; failures: string[] }[];
};

type Props = { company: string; policy: Policy; refusal: Partial<Refusal> };

/** The refusal as an alert: problems linking to their place, failing examples in words. */
export function PublishRefusal({ company, policy, refusal }: Props) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  return (
    <div className="error-panel" role="alert" data-testid="publish-refused">
      <strong>{t('publish.refused')}</strong>
      {(refusal.problems?.length ?? 0) > 0 && (
        <>
          <p>{t('publish.refusedProblems', { count: refusal.problems?.length })}</p>
          <ProblemLinks company={company} policy={policy} problems={refusal.problems ?? []} />
        </>
      )}
      {(refusal.failedExamples?.length ?? 0) > 0 && (
        <>
          <p>
            {t('publish.refusedExamples', { count: refusal.failedExamples?.length })}{' '}
            <a href={`#/c/${company}/policy/examples`}>{t('publish.toExamples')}</a>
          </p>
          <ul>
            {refusal.failedExamples?.map((example) => (
              <li key={example.id}>
                <strong>{labelText(example.title, lang) || example.id}</strong>
                <ul>
                  {example.failures.map((f, i) => (
                    <li key={i}>{readFailure(f, policy, lang, t).text}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
