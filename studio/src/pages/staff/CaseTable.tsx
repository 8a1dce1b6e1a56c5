import { useTranslation } from 'react-i18next';
import type { CasePage, Policy } from '../../api/types.ts';
import { Countdown } from '../../components/Countdown.tsx';
import { formatTime, labelText } from '../../i18n/index.ts';
import { assigneeText, customerOf, intakeSummary } from './summary.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** The inbox's table of cases. */
export function CaseTable(props: {
  company: string;
  policy: Policy;
  page: CasePage;
  me: string;
  loading: boolean;
  onPage: (page: number) => void;
}) {
  const { t, i18n } = useTranslation('staff');
  const { policy, page } = props;
  const lang = i18n.language;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const severity = policy.categories.severity ? 'severity' : undefined;
  return (
    <div className="card staff-cases" aria-busy={props.loading}>
      <p className="muted" data-testid="inbox-total">
        {t('inbox.total', { total: page.total })}
      </p>
      {page.items.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <table>
          <TableHead
            columns={[
              t('inbox.number'),
              t('inbox.state'),
              t('inbox.summary'),
              t('inbox.assignee'),
              t('inbox.received'),
              t('inbox.nextDue'),
            ]}
          />
          <tbody>
            {page.items.map((item) => (
              <tr
                key={item.id}
                className={item.overdue ? 'staff-overdue' : ''}
                data-testid="case-row"
              >
                <td>
                  <a href={`#/c/${props.company}/cases/${item.id}`}>{item.number}</a>
                </td>
                <td>
                  {labelText(policy.workflow.states[item.state]?.label, lang) || item.state}
                  {severity && item.categories[severity] && (
                    <>
                      {' '}
                      <span className="badge">
                        {labelText(
                          policy.categories[severity]?.values[item.categories[severity]]?.label,
                          lang,
                        )}
                      </span>
                    </>
                  )}
                </td>
                <td>
                  <strong>{customerOf(item.intake)}</strong> {intakeSummary(item.intake)}
                </td>
                <td>
                  {assigneeText(
                    policy,
                    item.assignee,
                    lang,
                    item.assignee.user === props.me
                      ? t('inbox.me')
                      : item.assignee.user
                        ? page.people[item.assignee.user]
                        : undefined,
                  )}
                </td>
                <td>{formatTime(item.receivedAt, lang, policy.timeZone)}</td>
                <td>
                  {item.overdue && <span className="badge danger">{t('inbox.overdue')}</span>}{' '}
                  <Countdown due={item.nextDue} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="staff-pager" aria-label={t('inbox.page', { page: page.page, pages })}>
        <button type="button" disabled={page.page <= 1} onClick={() => props.onPage(page.page - 1)}>
          {t('inbox.prev')}
        </button>
        <span>{t('inbox.page', { page: page.page, pages })}</span>
        <button
          type="button"
          disabled={page.page >= pages}
          onClick={() => props.onPage(page.page + 1)}
        >
          {t('inbox.next')}
        </button>
      </nav>
    </div>
  );
}
