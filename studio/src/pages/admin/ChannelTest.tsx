/**
 * "Send a test message" for one saved channel: sent at once by the server, then whether it went or
 * the sender's own error. An e-mail channel first asks where to (blank: the administrator's own).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { ChannelAnswer, ChannelTestAnswer } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { formatTime } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { fieldErrorKey } from './channel-drafts.ts';

export function ChannelTest({ company, channel }: { company: string; channel: ChannelAnswer }) {
  const { t, i18n } = useTranslation('admin');
  const { api } = useSession();
  const [asking, setAsking] = useState(false);
  const [to, setTo] = useState('');
  const [result, setResult] = useState<ChannelTestAnswer>();
  const { busy, failure, run } = useSubmit();
  const id = channel.id;

  const send = () =>
    run(async () => {
      setResult(undefined);
      const address = to.trim();
      const path = `/companies/${company}/channels/${encodeURIComponent(id)}/test` as const;
      setResult(await api.post(path, address ? { to: address } : {}));
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  const toError =
    failure instanceof ApiError ? failure.fieldErrors.find((f) => f.property === '.to') : undefined;
  // An e-mail channel asks for the address first; the others send at once.
  const open = asking
    ? undefined
    : channel.kind === 'email'
      ? () => setAsking(true)
      : () => void send();
  const button = (
    <button
      type={asking ? 'submit' : 'button'}
      disabled={busy}
      data-testid={`channel-test-${id}`}
      onClick={open}
    >
      {busy ? t('channels.test.sending') : asking ? t('channels.test.go') : t('channels.test.send')}
    </button>
  );
  return (
    <div className="admin-channel-test">
      {asking ? (
        <form onSubmit={submit} aria-label={t('channels.test.send')}>
          <label>
            {t('channels.test.to')}
            <input
              type="text"
              inputMode="email"
              name="to"
              data-testid={`channel-test-to-${id}`}
              value={to}
              placeholder={t('channels.test.toHelp')}
              onChange={(e) => setTo(e.target.value)}
            />
          </label>
          {button}
        </form>
      ) : (
        button
      )}
      {toError && (
        <p className="field-error">
          {t(`channels.error.${fieldErrorKey('to', toError.message) ?? 'to'}`)}
        </p>
      )}
      {failure !== undefined && !toError && <ErrorPanel error={failure} />}
      {result && (
        <p
          className={result.sent ? 'badge ok' : 'badge danger'}
          role="status"
          data-testid={`channel-test-result-${id}`}
        >
          {result.sent ? (
            t('channels.test.sent', { at: formatTime(result.at, i18n.language) })
          ) : (
            <>
              {t('channels.test.failed')}
              <code>{result.error}</code>
            </>
          )}
        </p>
      )}
    </div>
  );
}
