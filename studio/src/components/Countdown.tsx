/** Time left until a due time (or past it), updated every 30 s; red when overdue. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function remainingText(dueMs: number, nowMs: number, lang: string): string {
  const minutes = Math.round((dueMs - nowMs) / 60_000);
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / 1440);
  const hours = Math.floor((abs % 1440) / 60);
  const mins = abs % 60;
  const zh = lang !== 'en';
  const parts = zh
    ? [days ? `${days}天` : '', hours ? `${hours}小时` : '', !days && mins ? `${mins}分` : '']
    : [days ? `${days}d` : '', hours ? `${hours}h` : '', !days && mins ? `${mins}m` : ''];
  const span = parts.filter(Boolean).join(zh ? '' : ' ') || (zh ? '0分' : '0m');
  if (minutes < 0) return zh ? `已超时 ${span}` : `${span} overdue`;
  return zh ? `剩余 ${span}` : `${span} left`;
}

export function Countdown({ due }: { due: string | null }) {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!due) return <span className="muted">—</span>;
  const dueMs = Date.parse(due);
  const overdue = dueMs <= now;
  const soon = !overdue && dueMs - now < 4 * 3_600_000;
  return (
    <span className={overdue ? 'due overdue' : soon ? 'due soon' : 'due'} title={due}>
      {remainingText(dueMs, now, i18n.language)}
    </span>
  );
}
