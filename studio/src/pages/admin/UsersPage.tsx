/**
 * A company's users, their password sign-in and tokens: add a user with roles from the published
 * policy and a department, invite them or reset their password (a one-time link shown once),
 * issue a token (its secret shown once), list and revoke tokens.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { Loading } from '../../components/Loading.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { labelText, punctuation } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import type { PageProps } from '../types.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { UserSignIn } from './UserSignIn.tsx';
import { UserTokens } from './UserTokens.tsx';
import { personName } from '../../components/person-name.ts';

export function UsersPage({ company }: PageProps) {
  const { t, i18n } = useTranslation('admin');
  const { api } = useSession();
  const users = useAsync(() => api.get(`/companies/${company}/users`), [api, company]);
  const policy = useAsync(
    () =>
      api.get(`/companies/${company}/policy/versions/latest`).catch((error) => {
        if (error instanceof ApiError && error.code === 'no_published_policy') return null;
        throw error;
      }),
    [api, company],
  );
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [department, setDepartment] = useState('');
  const { busy, failure: formError, run: runAdd } = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);

  if (users.error) return <ErrorPanel error={users.error} onRetry={users.reload} />;
  if (policy.error) return <ErrorPanel error={policy.error} onRetry={policy.reload} />;
  if (users.loading && !users.value) return <Loading />;
  const lang = i18n.language;
  const p = policy.value?.policy;
  const roleLabel = (role: string) =>
    role === 'admin' ? t('users.adminRole') : labelText(p?.roles[role]?.label, lang) || role;
  const roleIds = ['admin', ...Object.keys(p?.roles ?? {}).filter((r) => r !== 'admin')];

  async function add(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!name.trim() || roles.length === 0) return;
    await runAdd(async () => {
      await api.post(`/companies/${company}/users`, {
        name: name.trim(),
        roles,
        ...(department ? { department } : {}),
      });
      setDone(name.trim());
      setName('');
      setRoles([]);
      setDepartment('');
      setTouched(false);
      users.reload();
    });
  }

  return (
    <div className="admin-users">
      <h1>{t('users.title')}</h1>
      <p className="help">{t('users.intro')}</p>
      {!p && <p className="badge warn">{t('users.noPolicy')}</p>}
      <form className="card" onSubmit={add} aria-label={t('users.add')}>
        <label>
          {t('users.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} name="name" />
        </label>
        {touched && !name.trim() && <p className="field-error">{t('users.nameRequired')}</p>}
        <fieldset>
          <legend>{t('users.roles')}</legend>
          {roleIds.map((role) => (
            <label key={role} className="admin-role">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) =>
                  setRoles((current) =>
                    e.target.checked ? [...current, role] : current.filter((r) => r !== role),
                  )
                }
              />
              {roleLabel(role)}
            </label>
          ))}
        </fieldset>
        {touched && roles.length === 0 && <p className="field-error">{t('users.rolesRequired')}</p>}
        {p?.departments && (
          <label>
            {t('users.department')}
            <select value={department} onChange={(e) => setDepartment(e.target.value)}>
              <option value="">{t('users.noDepartment')}</option>
              {Object.entries(p.departments).map(([id, d]) => (
                <option key={id} value={id}>
                  {labelText(d.label, lang)}
                </option>
              ))}
            </select>
          </label>
        )}
        {formError != null && <ErrorPanel error={formError} />}
        {done && <p className="badge ok">{t('users.added', { name: done })}</p>}
        <div>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('users.adding') : t('users.add')}
          </button>
        </div>
      </form>
      <h2>{t('users.list')}</h2>
      {users.value?.items.length === 0 && <p>{t('users.empty')}</p>}
      <table>
        <TableHead
          columns={[
            t('users.name'),
            t('users.roles'),
            t('users.department'),
            t('signIn.column'),
            t('users.tokens'),
          ]}
        />
        <tbody>
          {(users.value?.items ?? []).map((user) => (
            <tr key={user.id}>
              <td>{personName(user.name)}</td>
              <td>{user.roles.map(roleLabel).join(punctuation(lang).list)}</td>
              <td>
                {user.department
                  ? labelText(p?.departments?.[user.department]?.label, lang) || user.department
                  : '—'}
              </td>
              <td>
                <UserSignIn user={user} onChanged={users.reload} />
              </td>
              <td>
                <UserTokens user={user} timeZone={p?.timeZone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
