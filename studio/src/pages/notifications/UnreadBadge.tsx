/**
 * The top bar's link to the caller's notifications with the unread count: read when the company or
 * the page changes, every minute, and when the notifications page marks some read.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsync } from '../../components/useAsync.ts';
import { usePath } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { NOTIFICATIONS_READ } from './notification-events.ts';

const EVERY_MS = 60_000;

export function UnreadBadge({ company }: { company: string }) {
  const { t } = useTranslation('notifications');
  const { api } = useSession();
  const path = usePath();
  const unread = useAsync(
    () => api.get(`/companies/${company}/notifications/unread`),
    [company, path, api],
  );
  const { reload } = unread;
  useEffect(() => {
    const timer = setInterval(reload, EVERY_MS);
    globalThis.addEventListener(NOTIFICATIONS_READ, reload);
    return () => {
      clearInterval(timer);
      globalThis.removeEventListener(NOTIFICATIONS_READ, reload);
    };
  }, [reload]);
  const count = unread.value?.unread ?? 0;
  return (
    <a
      className="notifications-link"
      href={`#/c/${company}/notifications`}
      aria-label={t('unreadLabel', { count })}
    >
      {t('link')}
      {count > 0 && (
        <span className="badge" aria-hidden="true">
          {count}
        </span>
      )}
    </a>
  );
}
