/**
 * A file of a case as a link-styled button that downloads it (downloads carry the signed-in
 * token, so they go through the API, not a plain link); says so when the download fails.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { saveFile } from '../../components/save-file.ts';
import { useSession } from '../../session.tsx';
import { attachmentsPath } from './file-size.ts';

type Props = { company: string; caseId: string; file: { id: string; name: string } };

export function AttachmentLink({ company, caseId, file }: Props) {
  const { t } = useTranslation('staff');
  const { api } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const download = async () => {
    setFailure(null);
    try {
      const got = await api.download(
        `${attachmentsPath(company, caseId)}/${encodeURIComponent(file.id)}`,
      );
      saveFile(got.blob, got.filename);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <>
      <button type="button" className="link" onClick={() => void download()}>
        {file.name}
      </button>
      {failure && (
        <span className="error" role="alert">
          {' '}
          {t('attachments.downloadFailed', { message: failure })}
        </span>
      )}
    </>
  );
}
