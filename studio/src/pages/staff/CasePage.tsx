/**
 * One case: its number, state, categories and assignee; the complaint (masked where it must be);
 * what the reader may do now; its deadlines, approval chain, decisions with why, and history.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { formatTime, labelText } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import type { PageProps } from '../types.ts';
import { ApprovalChain } from './ApprovalChain.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseAttachments } from './CaseAttachments.tsx';
import { CaseClocks } from './CaseClocks.tsx';
import { CaseDecisions } from './CaseDecisions.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { CaseDeliveries } from '../notifications/CaseDeliveries.tsx';
import { IntakeView } from './IntakeView.tsx';
import { assigneeText } from './summary.ts';
import { usePolicy } from './usePolicy.ts';

export function CasePage({ company, params, query }: PageProps) {
  const { t, i18n } = useTranslation('staff');
  const { t: tn } = useTranslation('notifications');
  const { api } = useSession();
  const lang = i18n.language;
  const id = params.id ?? '';
  const view = useAsync(
    () => api.get(`/companies/${company}/cases/${encodeURIComponent(id)}`),
    [company, id, api],
  );
  const policy = usePolicy(company, view.value?.policyVersion);
  // The page stays mounted when another case is opened: the notice names the case it was about.
  const [done, setDone] = useState<{ caseId: string; label: string; version: number } | null>(null);

  if (view.error) return <ErrorPanel error={view.error} onRetry={view.reload} />;
  if (policy.error) return <ErrorPanel error={policy.error} onRetry={policy.reload} />;
  if (!view.value || !policy.value) return <Loading />;
  const current = view.value.case;
  const p = policy.value.policy;
  const created = query.get('created');
  const assignee = assigneeText(
    p,
    current.assignee,
    lang,
    current.assignee.user ? view.value.people?.[current.assignee.user] : undefined,
  );
  return (
    <section className="staff-case">
      {created && (
        <p className="staff-notice" role="status">
          {t('case.created', { number: created })}
        </p>
      )}
      {done && done.caseId === current.id && view.value.version >= done.version && (
        <p className="staff-notice" role="status">
          {t('case.done', { action: done.label })}
        </p>
      )}
      <header className="card staff-case-head">
        <h1>
          {t('case.number')} <span data-testid="case-number">{current.number}</span>{' '}
          <span className="badge" data-testid="case-state">
            {labelText(p.workflow.states[current.state]?.label, lang) || current.state}
          </span>
        </h1>
        <dl className="staff-facts">
          <div>
            <dt>{t('case.categories')}</dt>
            <dd data-testid="case-categories">
              {Object.entries(current.categories).map(([dimension, value]) => (
                <span key={dimension} className="staff-category">
                  {labelText(p.categories[dimension]?.label, lang) || dimension}:{' '}
                  {labelText(p.categories[dimension]?.values[value]?.label, lang) || value}
                </span>
              ))}
            </dd>
          </div>
          <div>
            <dt>{t('case.assignee')}</dt>
            <dd data-testid="case-assignee">{assignee}</dd>
          </div>
          <div>
            <dt>{t('case.received')}</dt>
            <dd>{formatTime(current.receivedAt, lang, p.timeZone)}</dd>
          </div>
          <div>
            <dt>{t('case.origin')}</dt>
            <dd data-testid="case-origin">
              {current.origin?.channel === 'web'
                ? t('case.originWeb')
                : view.value.importKey
                  ? t('case.originImport')
                  : t('case.originStaff')}
            </dd>
          </div>
          <div>
            <dt>{t('case.policyVersion', { version: view.value.policyVersion })}</dt>
            <dd />
          </div>
        </dl>
      </header>
      <section className="card" aria-labelledby="staff-actions-title">
        <h2 id="staff-actions-title">{t('case.actions')}</h2>
        <CaseActions
          key={view.value.version}
          company={company}
          policy={p}
          view={view.value}
          onDone={(label, version) => {
            setDone({ caseId: current.id, label, version });
            view.reload();
          }}
          onReload={() => {
            setDone(null);
            view.reload();
          }}
          onAttached={view.reload}
        />
      </section>
      <div className="grid-2">
        <section className="card" aria-labelledby="staff-clocks-title">
          <h2 id="staff-clocks-title">{t('case.clocks')}</h2>
          <CaseClocks policy={p} clocks={view.value.clocks} />
        </section>
        <section className="card" aria-labelledby="staff-chain-title">
          <h2 id="staff-chain-title">{t('case.chain')}</h2>
          <ApprovalChain policy={p} view={view.value} />
        </section>
      </div>
      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="staff-intake-title">
            <h2 id="staff-intake-title">{t('case.intake')}</h2>
            <IntakeView form={p.forms.intake} data={current.intake} />
          </section>
          <section className="card" aria-labelledby="staff-attachments-title">
            <h2 id="staff-attachments-title">{t('attachments.title')}</h2>
            <CaseAttachments
              company={company}
              caseId={current.id}
              attachments={view.value.attachments ?? []}
              people={view.value.people}
              timeZone={p.timeZone}
              onAdded={view.reload}
            />
          </section>
        </div>
        <div>
          <section className="card" aria-labelledby="staff-decisions-title">
            <h2 id="staff-decisions-title">{t('case.decisions')}</h2>
            <CaseDecisions policy={p} decisions={view.value.decisions} />
          </section>
          <section className="card" aria-labelledby="staff-timeline-title">
            <h2 id="staff-timeline-title">{t('case.timeline')}</h2>
            <CaseTimeline company={company} policy={p} view={view.value} />
          </section>
          {(view.value.deliveries?.length ?? 0) > 0 && (
            <section className="card" aria-labelledby="case-deliveries-title">
              <h2 id="case-deliveries-title">{tn('deliveries.title')}</h2>
              <CaseDeliveries view={view.value} />
            </section>
          )}
        </div>
      </div>
    </section>
  );
}
