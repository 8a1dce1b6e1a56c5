/**
 * A company's notification channels, for its administrator: the list (kind, name, where it sends,
 * on or off, whether a password or secret is set — never the secret), a form to add or edit one,
 * turning one off or on, removing one, and a test message per channel. Every change replaces the
 * list on the server; the channels not edited are sent without their secrets, which it keeps.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { ChannelAnswer } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { useSession } from '../../session.tsx';
import type { PageProps } from '../types.ts';
import {
  draftBody,
  draftOf,
  errorsAt,
  fieldErrorKey,
  keptBody,
  newDraft,
  type ChannelDraft,
} from './channel-drafts.ts';
import { ChannelForm } from './ChannelForm.tsx';
import { ChannelRow } from './ChannelRow.tsx';

type Editing = { draft: ChannelDraft; saved?: ChannelAnswer };

export function ChannelsPage({ company }: PageProps) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const channels = useAsync(() => api.get(`/companies/${company}/channels`), [api, company]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSubmit();
  const list = useSubmit();

  if (channels.error) return <ErrorPanel error={channels.error} onRetry={channels.reload} />;
  if (!channels.value) return <Loading />;
  const items = channels.value.items;
  const path = `/companies/${company}/channels` as const;

  const open = (next: Editing | null) => {
    setEditing(next);
    setNotice(null);
    form.setFailure(undefined);
  };
  const saveForm = () =>
    form.run(async () => {
      if (!editing) return;
      const { draft, saved } = editing;
      const body = saved
        ? items.map((c) => (c.id === saved.id ? draftBody(draft, c) : keptBody(c)))
        : [...items.map(keptBody), draftBody(draft)];
      await api.put(path, { channels: body });
      setEditing(null);
      setNotice(t('channels.saved', { id: draft.id.trim() }));
      channels.reload();
    });
  const replace = (body: Record<string, unknown>[], done: string) =>
    list.run(async () => {
      await api.put(path, { channels: body });
      setNotice(done);
      channels.reload();
    });

  // The form's index in the list sent: the server's field errors name it (".channels[2].url").
  const index = editing?.saved ? items.findIndex((c) => c.id === editing.saved?.id) : items.length;
  const fieldErrors = form.failure instanceof ApiError ? form.failure.fieldErrors : [];
  const found = errorsAt(fieldErrors, index);
  const errors = new Map<string, string>();
  for (const [field, error] of found) {
    const key = field ? fieldErrorKey(field, error.message) : undefined;
    if (field) errors.set(field, key ? t(`channels.error.${key}`) : error.message);
  }
  // A failure that names no field of the form (another channel's, or no field at all).
  const elsewhere = form.failure !== undefined && (fieldErrors.length === 0 || found.has(''));

  return (
    <div className="admin-users admin-channels">
      <h1>{t('channels.title')}</h1>
      <p className="help">{t('channels.intro')}</p>
      {notice && (
        <p className="badge ok" role="status">
          {notice}
        </p>
      )}
      {list.failure !== undefined && <ErrorPanel error={list.failure} />}
      <h2>{t('channels.list')}</h2>
      {items.length === 0 ? (
        <p>{t('channels.empty')}</p>
      ) : (
        <table>
          <TableHead
            columns={[
              t('channels.column.name'),
              t('channels.column.kind'),
              t('channels.column.target'),
              t('channels.column.state'),
              t('channels.column.secret'),
              t('channels.column.actions'),
            ]}
          />
          <tbody>
            {items.map((channel) => (
              <ChannelRow
                key={channel.id}
                company={company}
                channel={channel}
                busy={list.busy}
                onEdit={() => open({ draft: draftOf(channel), saved: channel })}
                onToggle={() =>
                  void replace(
                    items.map((c) =>
                      c.id === channel.id ? { ...keptBody(c), enabled: !c.enabled } : keptBody(c),
                    ),
                    t('channels.saved', { id: channel.id }),
                  )
                }
                onRemove={() =>
                  void replace(
                    items.filter((c) => c.id !== channel.id).map(keptBody),
                    t('channels.removed', { id: channel.id }),
                  )
                }
              />
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <ChannelForm
          draft={editing.draft}
          onChange={(draft) => setEditing({ ...editing, draft })}
          {...(editing.saved ? { saved: editing.saved } : {})}
          errors={errors}
          busy={form.busy}
          onSubmit={() => void saveForm()}
          onCancel={() => open(null)}
        >
          {elsewhere && <ErrorPanel error={form.failure} />}
        </ChannelForm>
      ) : (
        <p>
          <button
            type="button"
            className="primary"
            data-testid="channel-add"
            onClick={() => open({ draft: newDraft('email') })}
          >
            {t('channels.add')}
          </button>
        </p>
      )}
    </div>
  );
}
