/** The "删除" link-button of a policy table row; its accessible name says which row. */
import { useTranslation } from 'react-i18next';

/** Removes what `label` names when clicked. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation('policy');
  return (
    <button type="button" className="danger-link" aria-label={label} onClick={onClick}>
      {t('edit.remove')}
    </button>
  );
}
