/**
 * A user's password sign-in, for their administrator: invite them with a login name (and e-mail)
 * or reset their password; either makes a one-time link, shown once, to hand to the user.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { useSession } from '../../session.tsx';

type User = { id: string; name: string; login?: string; hasPassword?: boolean };

export function UserSignIn({ user, onChanged }: { user: User; onChanged: () => void }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const [login, setLogin] = useState(user.login ?? '');
  const [email, setEmail] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { busy, failure, run } = useSubmit();

  const show = (path: string) => {
    setLink(`${globalThis.location.origin}${path}`);
    setCopied(false);
    onChanged();
  };

  const invite = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const issued = await api.post(`/users/${user.id}/invitation`, {
        login: login.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
      });
      show(issued.path);
    });
  };

  const reset = () =>
    run(async () => {
      show((await api.post(`/users/${user.id}/password-reset`)).path);
    });

  return (
    <div className="admin-signin">
      <p>
        {user.login ? <code>{user.login}</code> : null}{' '}
        <span className={user.hasPassword ? 'badge ok' : 'badge'}>
          {user.hasPassword
            ? t('signIn.hasPassword')
            : user.login
              ? t('signIn.invited')
              : t('signIn.notInvited')}
        </span>
      </p>
      {failure != null && <ErrorPanel error={failure} />}
      {link && (
        <p className="admin-secret" data-testid={`invitation-${user.id}`}>
          {t('signIn.link', { name: user.name })} <code>{link}</code>{' '}
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(link);
              setCopied(true);
            }}
          >
            {copied ? t('users.copied') : t('users.copy')}
          </button>
        </p>
      )}
      {user.hasPassword ? (
        <button type="button" className="danger" onClick={() => void reset()} disabled={busy}>
          {t('signIn.reset')}
        </button>
      ) : (
        <form onSubmit={invite} aria-label={t('signIn.invite')}>
          <label>
            {t('signIn.login')}
            <input value={login} onChange={(e) => setLogin(e.target.value)} />
          </label>
          <label>
            {t('signIn.email')}
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || !login.trim()}>
            {t('signIn.invite')}
          </button>
        </form>
      )}
    </div>
  );
}
