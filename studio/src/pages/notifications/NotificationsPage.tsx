/**
 * The caller's notifications: rule notices, 催办 reminders, deadline warnings and escalations,
 * unread first, each with a link to its case; one or all marked read; pages of 20.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationAnswer, PublishedPolicy } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { formatTime, labelText } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { usePolicy } from '../staff/usePolicy.ts';
import type { PageProps } from '../types.ts';
import { announceRead } from './notification-events.ts';

const PAGE_SIZE = 20;
const CLOCK_REASON = /^(.+):(warning|escalation):(\d+)$/;

/** Why, in words: the rule, or the clock (by its label) and the level reached. */
function useReason() {
  const { t, i18n } = useTranslation('notifications');
  return (reason: string, policy: PublishedPolicy | undefined) => {
    const clock = CLOCK_REASON.exec(reason);
    if (!clock) return t('reason.rule');
    const [, id = '', kind = 'warning', level = ''] = clock;
    const label = policy?.policy.clocks[id]?.label;
    const name = label ? labelText(label, i18n.language) : id;
    return t(`reason.${kind}`, { clock: name, level });
  };
}

export function NotificationsPage({ company }: PageProps) {
  const { t, i18n } = useTranslation('notifications');
  const { api } = useSession();
  const policy = usePolicy(company, 'latest');
  const [page, setPage] = useState(1);
  const list = useAsync(
    () => api.get(`/companies/${company}/notifications?page=${page}&pageSize=${PAGE_SIZE}`),
    [company, page, api],
  );
  const [failed, setFailed] = useState<unknown>();
  const reasonOf = useReason();
  const markRead = async (ids?: string[]) => {
    try {
      await api.post(`/companies/${company}/notifications/read`, ids ? { ids } : {});
      setFailed(undefined);
      list.reload();
      announceRead();
    } catch (error) {
      setFailed(error);
    }
  };
  const answer = list.value;
  const timeZone = policy.value?.policy.timeZone;
  const pages = answer ? Math.max(1, Math.ceil(answer.total / PAGE_SIZE)) : 1;
  return (
    <section className="notifications">
      <div className="staff-heading">
        <h1>{t('title')}</h1>
        {answer && answer.unread > 0 && (
          <button type="button" onClick={() => void markRead()}>
            {t('markAllRead')}
          </button>
        )}
      </div>
      {failed !== undefined && <ErrorPanel error={failed} />}
      {list.error !== undefined && <ErrorPanel error={list.error} onRetry={list.reload} />}
      {!answer && list.loading && <Loading />}
      {answer && (
        <>
          <p>{t('total', { total: answer.total, unread: answer.unread })}</p>
          {answer.items.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <ul className="notification-list">
              {answer.items.map((n: NotificationAnswer) => (
                <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                  <strong>{t(`kind.${n.kind}`)}</strong>
                  {!n.readAt && <span className="badge warn">{t('unread')}</span>}{' '}
                  <a href={`#/c/${company}/cases/${n.caseId}`}>
                    {t('case', { number: n.caseNumber })}
                  </a>
                  {n.message && <span> {labelText(n.message, i18n.language)}</span>}
                  <div className="muted">
                    {reasonOf(n.reason, policy.value)} · {formatTime(n.at, i18n.language, timeZone)}
                  </div>
                  {!n.readAt && (
                    <button type="button" onClick={() => void markRead([n.id])}>
                      {t('markRead')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {pages > 1 && (
            <div className="pager">
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('previous')}
              </button>
              <span>
                {page} / {pages}
              </span>
              <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t('next')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
