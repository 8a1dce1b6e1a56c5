/**
 * The files on a case: each with its type, size, who added it and when, and a download button
 * (downloads carry the signed-in token, so they go through the API, not a plain link); and an
 * upload control that shows its progress and, when the server refuses the file, why.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { Attachment } from '../../api/types.ts';
import { saveFile } from '../../components/save-file.ts';
import { formatTime } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { attachmentsPath, sizeText } from './file-size.ts';

type Props = {
  company: string;
  caseId: string;
  attachments: Attachment[];
  people: Record<string, string> | undefined;
  timeZone: string;
  /** Told once a file is stored, so the page reads the case (its list and history) again. */
  onAdded: () => void;
};

type Upload =
  | { state: 'idle' }
  | { state: 'sending'; name: string; percent: number }
  | { state: 'done'; name: string }
  | { state: 'failed'; name: string; message: string };

export function CaseAttachments({
  company,
  caseId,
  attachments,
  people,
  timeZone,
  onAdded,
}: Props) {
  const { t, i18n } = useTranslation('staff');
  const { api } = useSession();
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const base = attachmentsPath(company, caseId);

  const send = async (file: File) => {
    setUpload({ state: 'sending', name: file.name, percent: 0 });
    try {
      await api.upload(base, file, (sent, total) =>
        setUpload({
          state: 'sending',
          name: file.name,
          percent: total ? Math.round((sent / total) * 100) : 0,
        }),
      );
      setUpload({ state: 'done', name: file.name });
      onAdded();
    } catch (error) {
      const message = error instanceof ApiError ? error.message : String(error);
      setUpload({ state: 'failed', name: file.name, message });
    }
  };

  const download = async (attachment: Attachment) => {
    setDownloadError(null);
    try {
      const file = await api.download(`${base}/${encodeURIComponent(attachment.id)}`);
      saveFile(file.blob, file.filename);
    } catch (error) {
      setDownloadError(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <div className="staff-attachments">
      {attachments.length === 0 ? (
        <p className="muted">{t('attachments.none')}</p>
      ) : (
        <ul data-testid="attachment-list">
          {attachments.map((attachment) => (
            <li key={attachment.id}>
              <button type="button" className="link" onClick={() => void download(attachment)}>
                {attachment.name}
              </button>{' '}
              <span className="muted">
                {t('attachments.facts', {
                  type: attachment.type,
                  size: sizeText(attachment.size),
                  by:
                    attachment.addedBy === 'public:web'
                      ? t('case.publicActor')
                      : (people?.[attachment.addedBy] ?? attachment.addedBy),
                  at: formatTime(attachment.addedAt, i18n.language, timeZone),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {downloadError && (
        <p className="error" role="alert">
          {t('attachments.downloadFailed', { message: downloadError })}
        </p>
      )}
      <label>
        {t('attachments.choose')}{' '}
        <input
          type="file"
          disabled={upload.state === 'sending'}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void send(file);
          }}
        />
      </label>
      <p className="muted">{t('attachments.help')}</p>
      {upload.state === 'sending' && (
        <p role="status">
          <progress max={100} value={upload.percent} />{' '}
          {t('attachments.sending', { name: upload.name, percent: upload.percent })}
        </p>
      )}
      {upload.state === 'done' && (
        <p role="status">{t('attachments.done', { name: upload.name })}</p>
      )}
      {upload.state === 'failed' && (
        <p className="error" role="alert">
          {t('attachments.failed', { name: upload.name, message: upload.message })}
        </p>
      )}
    </div>
  );
}
