/** A loading state: a spinner and a line of text, announced to screen readers. */
import { useTranslation } from 'react-i18next';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </div>
  );
}

/** Progress of a long operation: done of total, as a bar and in words. */
export function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
    >
      <div className="progress-label">
        {label} {done}/{total}
      </div>
      <div className="progress-track">
        <div className="progress-bar" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}
