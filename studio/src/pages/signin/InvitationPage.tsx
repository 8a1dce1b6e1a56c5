/**
 * The page an invitation link opens (#/invitation/<secret>): whom it is for, a new password twice,
 * and on success the user is signed in (the session is in the cookie).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, createApi } from '../../api/client.ts';
import type { Principal } from '../../api/types.ts';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import type { Lang } from '../../i18n/index.ts';

/** The least a password may be, as the server checks it (shown as a hint). */
const MIN_LENGTH = 10;

type Opened = { login: string; name: string; expiresAt: string };

export function InvitationPage({
  secret,
  onSignedIn,
}: {
  secret: string;
  onSignedIn: (me: Principal) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [opened, setOpened] = useState<Opened | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    createApi(null, lang)
      .post('/invitations/open', { secret })
      .then(
        (answer) => live && setOpened(answer),
        (error: unknown) => live && setLinkError((error as Error).message),
      );
    return () => {
      live = false;
    };
  }, [secret, lang]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirm) {
      setFieldError(t('signin:invitation.mismatch'));
      return;
    }
    setBusy(true);
    setFieldError(null);
    try {
      const signedIn = await createApi(null, lang).post('/invitations/accept', {
        secret,
        password,
      });
      onSignedIn(signedIn.me);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'invitation_invalid')
        setLinkError(failure.message);
      else setFieldError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <form onSubmit={submit} className="card" noValidate>
        <div className="signin-lang">
          <LanguageSelect />
        </div>
        <h1>{t('signin:invitation.title')}</h1>
        {linkError && (
          <p className="field-error" role="alert">
            {linkError}
          </p>
        )}
        {!opened && !linkError && <p>{t('signin:invitation.checking')}</p>}
        {opened && !linkError && (
          <>
            <p>{t('signin:invitation.for', { name: opened.name, login: opened.login })}</p>
            <input type="hidden" name="username" autoComplete="username" value={opened.login} />
            <label htmlFor="new-password">{t('signin:invitation.password')}</label>
            <input
              id="new-password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-describedby="password-rule"
            />
            <p className="help" id="password-rule">
              {t('signin:invitation.rule', { min: MIN_LENGTH })}
            </p>
            <label htmlFor="confirm-password">{t('signin:invitation.confirm')}</label>
            <input
              id="confirm-password"
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
            {fieldError && (
              <p className="field-error" role="alert">
                {fieldError}
              </p>
            )}
            <button type="submit" className="primary" disabled={busy || !password}>
              {busy ? t('signin:invitation.saving') : t('signin:invitation.submit')}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
