/**
 * The inbox: my cases or my team's, overdue and nearly due first with countdowns, filters by state,
 * category, assignee, month and due, a debounced search, and server-side pages of 50.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { rolesIn, useSession } from '../../session.tsx';
import type { PageProps } from '../types.ts';
import { InboxFilters, NO_FILTERS, type Filters } from './InboxFilters.tsx';
import { useDebounced } from './useDebounced.ts';
import { usePolicy } from './usePolicy.ts';
import { CaseTable } from './CaseTable.tsx';

export const PAGE_SIZE = 50;

type Scope = 'mine' | 'team';

function casesQuery(scope: Scope, mine: string[], filters: Filters, q: string, page: number) {
  const params = new URLSearchParams();
  if (scope === 'mine') for (const who of mine) params.append('assignee', who);
  else if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.state) params.set('state', filters.state);
  for (const [dimension, value] of Object.entries(filters.categories))
    if (value) params.set(`category.${dimension}`, value);
  if (filters.month) params.set('month', filters.month);
  if (filters.due) params.set('due', filters.due);
  if (filters.sort !== 'due') params.set('sort', filters.sort);
  if (q.trim()) params.set('q', q.trim());
  params.set('page', String(page));
  params.set('pageSize', String(PAGE_SIZE));
  return params.toString();
}

export function InboxPage({ company }: PageProps) {
  const { t } = useTranslation('staff');
  const { api, me } = useSession();
  const policy = usePolicy(company, 'latest');
  const [scope, setScope] = useState<Scope>('mine');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const [page, setPage] = useState(1);
  const mine = useMemo(() => [me.userId, ...rolesIn(me, company)], [me, company]);
  const query = casesQuery(scope, mine, filters, q, page);
  const cases = useAsync(
    () => api.get(`/companies/${company}/cases?${query}`),
    [company, query, api],
  );
  const change = (next: Filters) => {
    setFilters(next);
    setPage(1);
  };
  return (
    <section className="staff-inbox">
      <div className="staff-heading">
        <h1>{t('inbox.title')}</h1>
        <a className="staff-button-link" href={`#/c/${company}/new`}>
          {t('inbox.newCase')}
        </a>
      </div>
      <div role="tablist" aria-label={t('inbox.tabs')} className="staff-tabs">
        {(['mine', 'team'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={scope === id}
            className={scope === id ? 'active' : ''}
            onClick={() => {
              setScope(id);
              setPage(1);
            }}
          >
            {t(`inbox.${id}`)}
          </button>
        ))}
      </div>
      {policy.error ? <ErrorPanel error={policy.error} onRetry={policy.reload} /> : null}
      {policy.value && (
        <InboxFilters
          policy={policy.value.policy}
          filters={filters}
          onChange={change}
          search={search}
          onSearch={(text) => {
            setSearch(text);
            setPage(1);
          }}
          showAssignee={scope === 'team'}
        />
      )}
      {cases.error ? (
        <ErrorPanel error={cases.error} onRetry={cases.reload} />
      ) : !cases.value || !policy.value ? (
        <Loading />
      ) : (
        <CaseTable
          company={company}
          policy={policy.value.policy}
          page={cases.value}
          me={me.userId}
          loading={cases.loading}
          onPage={setPage}
        />
      )}
    </section>
  );
}
