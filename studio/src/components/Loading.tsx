/** A loading state: a spinner and a line of text, announced to screen readers. */
import { useTranslation } from 'react-i18next';

/** The spinner with "loading" in the user's language, or the label given. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </div>
  );
}
