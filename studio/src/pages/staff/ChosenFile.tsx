/** The file an attachment field holds: a download with its type and size, and a remove button. */
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../api/types.ts';
import { AttachmentLink } from './AttachmentLink.tsx';
import { sizeText } from './file-size.ts';

type Props = {
  context: { company: string; caseId: string };
  /** The id the field holds. */
  id: string;
  /** The case's file of that id; undefined when the case has none. */
  file: Attachment | undefined;
  disabled: boolean;
  onRemove: () => void;
};

export function ChosenFile({ context, id, file, disabled, onRemove }: Props) {
  const { t } = useTranslation('staff');
  return (
    <p data-testid="attachment-chosen">
      {file ? (
        <>
          <AttachmentLink company={context.company} caseId={context.caseId} file={file} />{' '}
          <span className="muted">
            {t('fileField.facts', { type: file.type, size: sizeText(file.size) })}
          </span>
        </>
      ) : (
        <span className="muted">{t('fileField.unknown', { id })}</span>
      )}{' '}
      <button type="button" data-testid="attachment-remove" disabled={disabled} onClick={onRemove}>
        {t('fileField.remove')}
      </button>
    </p>
  );
}
