/**
 * Examples (样例): the draft's own test cases, run on the server against the draft. Each failure is
 * shown in words; when the policy was changed on purpose (a raised limit), the example's expectation
 * can be brought in line with one click, or the example removed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { PolicyProblem } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { labelText } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import type { SectionProps } from './editor.ts';
import { readFailure } from './ExampleFailure.tsx';
import { ProblemLinks } from './ProblemLinks.tsx';
import { RemoveButton } from './RemoveButton.tsx';

export type ExampleRun = {
  passed: number;
  failed: number;
  results: {
    id: string;
    title: { 'zh-CN': string; en?: string };
    passed: boolean;
    failures: string[];
    /** A step failed with this code: such an example needs a person, not a new expectation. */
    error?: { code: string; step: number };
  }[];
};

type AcceptAnswer = {
  draft: { document: unknown; version: number };
  accepted: { id: string }[];
  refused: { id: string; reason: string }[];
};

export function ExamplesSection({ company, policy, update, flush, adopt }: SectionProps) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const { api } = useSession();
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<ExampleRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const [accepting, setAccepting] = useState(false);
  const [acceptedAll, setAcceptedAll] = useState<AcceptAnswer | null>(null);

  const start = async () => {
    setRunning(true);
    setError(null);
    try {
      await flush();
      setRun(await api.post(`/companies/${company}/policy/draft/examples`));
      setChanged(new Set());
    } catch (thrown) {
      setError(thrown);
      setRun(null);
    } finally {
      setRunning(false);
    }
  };
  // Failing examples (one, or all) come to expect what the draft now does; the server decides what
  // that is. After all of them, the examples run again; after one, it is marked to be run again.
  const accept = async (id?: string) => {
    setAccepting(true);
    setError(null);
    try {
      const expectedVersion = await flush();
      const answer = await api.post(`/companies/${company}/policy/draft/examples/accept`, {
        expectedVersion,
        ...(id ? { ids: [id] } : {}),
      });
      adopt(answer.draft);
      if (id) {
        setChanged((s) => new Set([...s, ...answer.accepted.map((a) => a.id)]));
        return;
      }
      setAcceptedAll(answer);
      setRun(await api.post(`/companies/${company}/policy/draft/examples`));
      setChanged(new Set());
    } catch (thrown) {
      setError(thrown);
    } finally {
      setAccepting(false);
    }
  };
  const problems =
    error instanceof ApiError && error.code === 'policy_has_problems'
      ? ((error.details as { problems?: PolicyProblem[] } | undefined)?.problems ?? [])
      : null;
  const byId = new Map(run?.results.map((r) => [r.id, r]));
  return (
    <div className="policy-examples">
      <h2>{t('examples.title')}</h2>
      <p className="help">{t('examples.intro', { count: policy.examples.length })}</p>
      <div className="toolbar">
        <button type="button" className="primary" disabled={running} onClick={() => void start()}>
          {t('examples.run')}
        </button>
      </div>
      {running && <Loading label={t('examples.running', { count: policy.examples.length })} />}
      {problems ? (
        <div className="error-panel" role="alert">
          <strong>{t('examples.hasProblems')}</strong>
          <ProblemLinks company={company} policy={policy} problems={problems} />
        </div>
      ) : (
        error != null && <ErrorPanel error={error} onRetry={() => void start()} />
      )}
      {run && !running && (
        <p
          role="status"
          data-testid="examples-summary"
          className={run.failed ? 'badge danger' : 'badge ok'}
        >
          {t('examples.summary', { passed: run.passed, failed: run.failed })}
        </p>
      )}
      {run && !running && run.failed > 0 && (
        <div className="toolbar">
          <button
            type="button"
            disabled={accepting}
            data-testid="examples-accept-all"
            onClick={() => void accept()}
          >
            {accepting ? t('examples.acceptingAll') : t('examples.acceptAll')}
          </button>
          <span className="help">{t('examples.acceptAllHelp')}</span>
        </div>
      )}
      {acceptedAll && (
        <p role="status" data-testid="examples-accepted">
          {t('examples.acceptedAll', {
            accepted: acceptedAll.accepted.length,
            refused: acceptedAll.refused.length,
          })}
        </p>
      )}
      <ul className="policy-a-examples">
        {policy.examples.map((example) => {
          const result = byId.get(example.id);
          const status = changed.has(example.id)
            ? 'changed'
            : !result
              ? 'notRun'
              : result.passed
                ? 'passed'
                : 'failed';
          const title = labelText(example.title, lang) || example.id;
          return (
            <li
              key={example.id}
              className={`example ${status}`}
              data-testid={`example-${example.id}`}
            >
              <div className="example-head">
                <span
                  className={`badge ${status === 'passed' ? 'ok' : status === 'failed' ? 'danger' : 'warn'}`}
                >
                  {t(`examples.status.${status}`)}
                </span>{' '}
                <strong>{title}</strong> <code className="muted">{example.id}</code>
                <RemoveButton
                  label={t('examples.removeOf', { title })}
                  onClick={() =>
                    update((d) => void (d.examples = d.examples.filter((e) => e.id !== example.id)))
                  }
                />
              </div>
              {status === 'failed' && result && (
                <ul className="failures">
                  {result.failures.map((failure, i) => (
                    <li key={i}>
                      <span className="field-error">
                        {readFailure(failure, policy, lang, t).text}
                      </span>
                    </li>
                  ))}
                  {!result.error && !example.expect.error && (
                    <li>
                      <button
                        type="button"
                        disabled={accepting}
                        onClick={() => void accept(example.id)}
                      >
                        {t('examples.accept')}
                      </button>
                    </li>
                  )}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
