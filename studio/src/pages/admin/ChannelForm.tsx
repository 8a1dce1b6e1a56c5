/**
 * The form of one notification channel, its fields by kind: SMTP server, port, encryption, login
 * and sender for e-mail; the address and signing secret for a webhook or group robot. A secret or
 * password left blank keeps the stored one; the server's errors appear under the field they name.
 */
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelAnswer } from '../../api/types.ts';
import { CHANNEL_KINDS, newDraft, type ChannelDraft } from './channel-drafts.ts';

type Props = {
  draft: ChannelDraft;
  onChange: (draft: ChannelDraft) => void;
  /** The saved channel being edited; absent when adding one. */
  saved?: ChannelAnswer;
  /** The message under each field, by field ("port"). */
  errors: Map<string, string>;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  /** Shown above the buttons (a failure that names no field of this form). */
  children?: ReactNode;
};

export function ChannelForm({
  draft,
  onChange,
  saved,
  errors,
  busy,
  onSubmit,
  onCancel,
  children,
}: Props) {
  const { t } = useTranslation('admin');
  const set = (patch: Partial<ChannelDraft>) => onChange({ ...draft, ...patch });
  const error = (field: string) =>
    errors.has(field) ? (
      <p className="field-error" data-testid={`channel-error-${field}`}>
        {errors.get(field)}
      </p>
    ) : null;
  const text = (
    field: 'id' | 'name' | 'host' | 'port' | 'user' | 'from' | 'url',
    label: string,
  ) => (
    <>
      <label>
        {label}
        <input
          name={field}
          data-testid={`channel-${field}`}
          type={field === 'port' ? 'number' : 'text'}
          value={draft[field]}
          readOnly={field === 'id' && saved !== undefined}
          aria-invalid={errors.has(field) || undefined}
          onChange={(e) => set({ [field]: e.target.value })}
        />
      </label>
      {error(field)}
    </>
  );
  const secret = (field: 'secret' | 'password', label: string, stored: boolean | undefined) => (
    <>
      <label>
        {label}
        <input
          name={field}
          data-testid={`channel-${field}`}
          type="password"
          autoComplete="new-password"
          value={draft[field]}
          placeholder={
            stored ? t('channels.field.secretKept') : saved ? t('channels.field.secretNone') : ''
          }
          aria-invalid={errors.has(field) || undefined}
          onChange={(e) => set({ [field]: e.target.value })}
        />
      </label>
      {error(field)}
    </>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const kind = draft.kind;
  return (
    <form
      className="card admin-channel-form"
      onSubmit={submit}
      aria-label={saved ? t('channels.editing', { id: saved.id }) : t('channels.adding')}
      data-testid="channel-form"
    >
      <h2>{saved ? t('channels.editing', { id: saved.id }) : t('channels.adding')}</h2>
      {saved ? (
        <p>
          {t('channels.field.kind')}: {t(`channels.kind.${kind}`)}
        </p>
      ) : (
        <label>
          {t('channels.field.kind')}
          <select
            name="kind"
            data-testid="channel-kind"
            value={kind}
            onChange={(e) =>
              onChange({
                ...newDraft(e.target.value as ChannelDraft['kind']),
                id: draft.id,
                name: draft.name,
                enabled: draft.enabled,
              })
            }
          >
            {CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`channels.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {text('id', t('channels.field.id'))}
      <p className="help">{t('channels.field.idHelp')}</p>
      {text('name', t('channels.field.name'))}
      {kind === 'email' ? (
        <>
          {text('host', t('channels.field.host'))}
          {text('port', t('channels.field.port'))}
          <label>
            {t('channels.field.security')}
            <select
              name="secure"
              data-testid="channel-secure"
              value={draft.secure ? 'tls' : 'starttls'}
              onChange={(e) => set({ secure: e.target.value === 'tls' })}
            >
              <option value="tls">{t('channels.field.secure')}</option>
              <option value="starttls">{t('channels.field.starttls')}</option>
            </select>
          </label>
          {error('secure')}
          {text('user', t('channels.field.user'))}
          {secret('password', t('channels.field.password'), saved?.hasPassword)}
          {text('from', t('channels.field.from'))}
          <p className="help">{t('channels.field.recipients')}</p>
        </>
      ) : (
        <>
          {text('url', t(`channels.field.${kind}Url`))}
          {saved && <p className="help">{t('channels.field.urlKept')}</p>}
          {kind !== 'wecom' &&
            secret('secret', t(`channels.field.${kind}Secret`), saved?.hasSecret)}
        </>
      )}
      <label className="admin-channel-check">
        <input
          type="checkbox"
          name="enabled"
          data-testid="channel-enabled"
          checked={draft.enabled}
          onChange={(e) => set({ enabled: e.target.checked })}
        />
        {t('channels.field.enabledBox')}
      </label>
      {children}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy} data-testid="channel-save">
          {busy ? t('channels.saving') : t('channels.save')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('channels.cancel')}
        </button>
      </div>
    </form>
  );
}
