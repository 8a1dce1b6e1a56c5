/**
 * rjsf's widget for an attachment field (format kesu-attachment, 附件): the file is uploaded to the
 * case's attachments (its progress shown) and the field holds the id the server gave it. Shows the
 * chosen file's name, type and size, with remove and replace; a file already on the case may be
 * chosen instead. Without a case (the intake form) it says files come once the case is registered.
 */
import type { WidgetProps } from '@rjsf/utils';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { Attachment } from '../../api/types.ts';
import { useSession } from '../../session.tsx';
import { ACCEPT_KEYWORD } from '@domain/forms';
import { ChosenFile } from './ChosenFile.tsx';
import { attachmentsPath } from './file-size.ts';

/** What a stage form's attachment fields need to know: the case and the files it has. */
export type AttachmentCase = {
  company: string;
  caseId: string;
  attachments: Attachment[];
  /** Told once a file is stored, so the page lists it (and its history entry) at once. */
  onAdded?: () => void;
};

/** The formContext of a staff form: the case, when the form is one of a case's actions. */
export type StaffFormContext = { attachmentCase?: AttachmentCase };

type Upload =
  | { state: 'idle' }
  | { state: 'sending'; name: string; percent: number }
  | { state: 'failed'; name: string; message: string };

function acceptOf(schema: WidgetProps['schema']): string[] | undefined {
  const accept = (schema as Record<string, unknown>)[ACCEPT_KEYWORD];
  return Array.isArray(accept) ? accept.map(String) : undefined;
}

export function AttachmentWidget(props: WidgetProps) {
  const { t } = useTranslation('staff');
  const { api } = useSession();
  const context = (props.registry.formContext as StaffFormContext | undefined)?.attachmentCase;
  const accept = acceptOf(props.schema);
  const [added, setAdded] = useState<Attachment[]>([]);
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  if (!context)
    return (
      <p className="muted" data-testid="attachment-field-no-case">
        {t('fileField.noCase')}
      </p>
    );
  const files = [...added, ...context.attachments.filter((a) => !added.some((b) => b.id === a.id))];
  const value = typeof props.value === 'string' && props.value !== '' ? props.value : undefined;
  const chosen = value === undefined ? undefined : files.find((file) => file.id === value);
  const choose = (id: string | undefined) => {
    props.onChange(id);
    props.onBlur(props.id, id);
  };
  const send = async (file: File) => {
    setUpload({ state: 'sending', name: file.name, percent: 0 });
    try {
      const stored = await api.upload(
        attachmentsPath(context.company, context.caseId),
        file,
        (sent, total) =>
          setUpload({
            state: 'sending',
            name: file.name,
            percent: total ? Math.round((sent / total) * 100) : 0,
          }),
      );
      setAdded((list) => [stored, ...list]);
      context.onAdded?.();
      if (accept && !accept.includes(stored.type)) {
        const message = t('fileField.wrongType', { type: stored.type, accept: accept.join(', ') });
        setUpload({ state: 'failed', name: file.name, message });
        return;
      }
      setUpload({ state: 'idle' });
      choose(stored.id);
    } catch (error) {
      const message = error instanceof ApiError ? error.message : String(error);
      setUpload({ state: 'failed', name: file.name, message });
    }
  };
  const choosable = files.filter((file) => !accept || accept.includes(file.type));
  const busy = upload.state === 'sending' || Boolean(props.disabled || props.readonly);
  return (
    <div className="attachment-field" data-testid="attachment-field">
      {value !== undefined && (
        <ChosenFile
          context={context}
          id={value}
          file={chosen}
          disabled={busy}
          onRemove={() => choose(undefined)}
        />
      )}
      <p>
        <input
          id={props.id}
          type="file"
          data-testid="attachment-input"
          {...(accept ? { accept: accept.join(',') } : {})}
          disabled={busy}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void send(file);
          }}
        />{' '}
        <span className="muted">
          {value === undefined ? t('fileField.upload') : t('fileField.replace')}
        </span>
      </p>
      {choosable.length > 0 && (
        <label>
          {t('fileField.pick')}{' '}
          <select
            data-testid="attachment-existing"
            value=""
            disabled={busy}
            onChange={(event) => event.currentTarget.value && choose(event.currentTarget.value)}
          >
            <option value="">—</option>
            {choosable.map((file) => (
              <option key={file.id} value={file.id}>
                {file.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {accept && <p className="muted">{t('fileField.accepts', { accept: accept.join(', ') })}</p>}
      {upload.state === 'sending' && (
        <p role="status" data-testid="attachment-progress">
          <progress max={100} value={upload.percent} />{' '}
          {t('attachments.sending', { name: upload.name, percent: upload.percent })}
        </p>
      )}
      {upload.state === 'failed' && (
        <p className="error" role="alert">
          {t('attachments.failed', { name: upload.name, message: upload.message })}
        </p>
      )}
    </div>
  );
}
