/**
 * The users who still hold a removed role: the policy no longer knows the role, so once the draft is
 * published they lose what it let them do. Named after a role's removal, with where to change them.
 */
import { useTranslation } from 'react-i18next';
import { useAsync } from '../../components/useAsync.ts';
import { personName } from '../../components/person-name.ts';
import { punctuation } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';

/** "2 位用户仍持有此角色：张三、李四 …", or nothing when no user holds it (or the list cannot load). */
export function RoleHolders({ company, role }: { company: string; role: string }) {
  const { t, i18n } = useTranslation('policy');
  const { api } = useSession();
  const users = useAsync(() => api.get(`/companies/${company}/users`), [api, company]);
  const holders = (users.value?.items ?? []).filter((u) => u.roles.includes(role));
  if (holders.length === 0) return null;
  return (
    <p className="field-error" data-testid="removal-holders">
      {t('roles.holders', {
        count: holders.length,
        names: holders.map((u) => personName(u.name)).join(punctuation(i18n.language).list),
      })}{' '}
      <a href={`#/c/${company}/users`}>{t('roles.toUsers')}</a>
    </p>
  );
}
