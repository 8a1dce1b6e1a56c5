/**
 * The published versions, newest first: who published each, when, the note and what changed from
 * the version before, in the reader's language.
 */
import { useTranslation } from 'react-i18next';
import type { Policy, VersionSummary } from '../../api/types.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { formatTime, labelText } from '../../i18n/index.ts';

type Props = {
  versions: VersionSummary[];
  policy: Policy;
  /** The name to show for a user id. */
  userName: (id: string, known?: string) => string;
};

function Changes({ version }: { version: VersionSummary }) {
  const { t } = useTranslation('policy');
  if (version.number === 1 && version.changes.length === 0)
    return <span className="muted">{t('history.firstVersion')}</span>;
  if (version.changes.length === 0) return <span className="muted">{t('history.noChanges')}</span>;
  return (
    <>
      <ul className="plain" data-testid={`version-${version.number}-changes`}>
        {version.changes.map((change) => (
          <li key={`${change.path}:${change.code}`}>{change.message}</li>
        ))}
      </ul>
      {!version.changesRecorded && <p className="muted">{t('history.computed')}</p>}
    </>
  );
}

/** The note the server writes on a company created from a template ("from template <id>"). */
const FROM_TEMPLATE = /^from template (\S+)$/;

export function VersionHistory({ versions, policy, userName }: Props) {
  const { t, i18n } = useTranslation('policy');
  const noteText = (note: string) => {
    const template = FROM_TEMPLATE.exec(note)?.[1];
    if (!template) return note;
    const title = policy.id === template ? labelText(policy.title, i18n.language) : template;
    return t('history.fromTemplate', { title });
  };
  return (
    <table className="policy-table" data-testid="versions">
      <TableHead
        columns={[
          t('publish.number'),
          t('publish.noteColumn'),
          t('history.changes'),
          t('publish.by'),
          t('publish.when'),
        ]}
      />
      <tbody>
        {[...versions].reverse().map((v, i) => (
          <tr key={v.number} data-testid={`version-${v.number}`}>
            <td>
              {t('publish.versionN', { number: v.number })}
              {i === 0 && <span className="badge ok">{t('publish.current')}</span>}
            </td>
            <td>{noteText(v.note)}</td>
            <td>
              <Changes version={v} />
            </td>
            <td>{userName(v.publishedBy, v.publishedByName)}</td>
            <td>{formatTime(v.publishedAt, i18n.language, policy.timeZone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
