/** The case's outgoing notifications: channel, kind, status, attempts, and when sent or next tried. */
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/types.ts';
import { formatTime } from '../../i18n/index.ts';

export function CaseDeliveries({ view }: { view: CaseView }) {
  const { t, i18n } = useTranslation('notifications');
  const deliveries = view.deliveries ?? [];
  const time = (iso: string) => formatTime(iso, i18n.language, view.timeZone);
  return (
    <table className="case-deliveries">
      <thead>
        <tr>
          <th>{t('deliveries.channel')}</th>
          <th>{t('deliveries.kindColumn')}</th>
          <th>{t('deliveries.status')}</th>
          <th>{t('deliveries.attempts')}</th>
          <th>{t('deliveries.time')}</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={d.id}>
            <td>
              {t(`deliveries.channelKind.${d.channelKind}`)} ({d.channel})
            </td>
            <td>{t(`kind.${d.kind}`)}</td>
            <td title={d.lastError}>
              <span
                className={`badge ${d.status === 'sent' ? 'ok' : d.status === 'failed' ? 'danger' : 'warn'}`}
              >
                {t(`deliveries.state.${d.status}`)}
              </span>
            </td>
            <td>{d.attempts}</td>
            <td>
              {d.sentAt
                ? time(d.sentAt)
                : d.status === 'pending'
                  ? t('deliveries.nextTry', { time: time(d.nextAttemptAt) })
                  : time(d.createdAt)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
