/** One saved channel in the list: what it is and where it sends, never its secret, and its actions. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelAnswer } from '../../api/types.ts';
import { ChannelTest } from './ChannelTest.tsx';

type Props = {
  company: string;
  channel: ChannelAnswer;
  /** A change of the list is on its way: the row's changes wait. */
  busy: boolean;
  onEdit: () => void;
  onToggle: () => void;
  onRemove: () => void;
};

export function ChannelRow({ company, channel, busy, onEdit, onToggle, onRemove }: Props) {
  const { t } = useTranslation('admin');
  const [confirming, setConfirming] = useState(false);
  const { id } = channel;
  const target =
    channel.kind === 'email' ? `${channel.host ?? ''}:${channel.port ?? ''}` : (channel.url ?? '');
  // E-mail logs in with a password (only with a user); WeCom's key is in its URL.
  const secret =
    channel.kind === 'email'
      ? channel.user
        ? channel.hasPassword
        : undefined
      : channel.kind === 'wecom'
        ? undefined
        : channel.hasSecret;
  return (
    <tr data-testid={`channel-row-${id}`}>
      <td>
        {channel.name && <span>{channel.name} </span>}
        <code>{id}</code>
      </td>
      <td>{t(`channels.kind.${channel.kind}`)}</td>
      <td>
        <code>{target}</code>
      </td>
      <td>
        <span className={channel.enabled ? 'badge ok' : 'badge warn'}>
          {channel.enabled ? t('channels.enabled') : t('channels.disabled')}
        </span>
      </td>
      <td>
        {secret === undefined ? '—' : secret ? t('channels.secretSet') : t('channels.secretNone')}
      </td>
      <td className="admin-channel-actions">
        <button type="button" onClick={onEdit} data-testid={`channel-edit-${id}`}>
          {t('channels.edit')}
        </button>
        <button type="button" onClick={onToggle} disabled={busy}>
          {channel.enabled ? t('channels.disable') : t('channels.enable')}
        </button>
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={onRemove} disabled={busy}>
              {t('channels.confirmRemove')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('channels.cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('channels.remove')}
          </button>
        )}
        <ChannelTest company={company} channel={channel} />
      </td>
    </tr>
  );
}
