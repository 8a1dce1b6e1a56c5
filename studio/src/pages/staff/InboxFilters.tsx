/** The inbox's filters, labelled from the published policy. */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';

export type Filters = {
  state: string;
  categories: Record<string, string>;
  assignee: string;
  month: string;
  due: '' | 'overdue' | 'warning';
  /** Soonest due first, or by case number (numbering period and serial, not the number's text). */
  sort: 'due' | 'number';
};

export const NO_FILTERS: Filters = {
  state: '',
  categories: {},
  assignee: '',
  month: '',
  due: '',
  sort: 'due',
};

type Props = {
  policy: Policy;
  filters: Filters;
  onChange: (filters: Filters) => void;
  search: string;
  onSearch: (text: string) => void;
  showAssignee: boolean;
};

export function InboxFilters({ policy, filters, onChange, search, onSearch, showAssignee }: Props) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="toolbar staff-filters">
      <label>
        {t('inbox.search')}{' '}
        <input
          type="search"
          value={search}
          placeholder={t('inbox.searchPlaceholder')}
          onChange={(event) => onSearch(event.target.value)}
        />
      </label>
      <label>
        {t('inbox.state')}{' '}
        <select value={filters.state} onChange={(event) => set({ state: event.target.value })}>
          <option value="">{t('inbox.all')}</option>
          {Object.entries(policy.workflow.states).map(([id, state]) => (
            <option key={id} value={id}>
              {labelText(state.label, lang)}
            </option>
          ))}
        </select>
      </label>
      {Object.entries(policy.categories).map(([dimension, definition]) => (
        <label key={dimension}>
          {labelText(definition.label, lang)}{' '}
          <select
            value={filters.categories[dimension] ?? ''}
            onChange={(event) =>
              set({ categories: { ...filters.categories, [dimension]: event.target.value } })
            }
          >
            <option value="">{t('inbox.all')}</option>
            {Object.entries(definition.values).map(([id, value]) => (
              <option key={id} value={id}>
                {labelText(value.label, lang)}
              </option>
            ))}
          </select>
        </label>
      ))}
      {showAssignee && (
        <label>
          {t('inbox.assignee')}{' '}
          <select
            value={filters.assignee}
            onChange={(event) => set({ assignee: event.target.value })}
          >
            <option value="">{t('inbox.all')}</option>
            {Object.entries(policy.roles).map(([id, role]) => (
              <option key={id} value={id}>
                {labelText(role.label, lang)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('inbox.month')}{' '}
        <input
          type="month"
          value={filters.month}
          onChange={(event) => set({ month: event.target.value })}
        />
      </label>
      <label>
        {t('inbox.due')}{' '}
        <select
          value={filters.due}
          onChange={(event) => set({ due: event.target.value as Filters['due'] })}
        >
          <option value="">{t('inbox.dueAll')}</option>
          <option value="overdue">{t('inbox.dueOverdue')}</option>
          <option value="warning">{t('inbox.dueWarning')}</option>
        </select>
      </label>
      <label>
        {t('inbox.sort')}{' '}
        <select
          value={filters.sort}
          onChange={(event) => set({ sort: event.target.value as Filters['sort'] })}
        >
          <option value="due">{t('inbox.sortDue')}</option>
          <option value="number">{t('inbox.sortNumber')}</option>
        </select>
      </label>
      <button type="button" onClick={() => onChange(NO_FILTERS)}>
        {t('inbox.clear')}
      </button>
    </div>
  );
}
