/**
 * The case's history from its audit trail: when, who, which action, the state it moved to, and
 * the files its stage form named (each a download, under its field's label).
 */
import { useTranslation } from 'react-i18next';
import type { CaseView, Policy } from '../../api/types.ts';
import { formatTime, labelText } from '../../i18n/index.ts';
import { personName } from '../../components/person-name.ts';
import { fieldLabel } from '@domain/forms';
import { AttachmentLink } from './AttachmentLink.tsx';

function stateOf(value: unknown): string | undefined {
  return value && typeof value === 'object' && 'state' in value
    ? String((value as { state: unknown }).state)
    : undefined;
}

type Props = { company: string; policy: Policy; view: CaseView };

export function CaseTimeline({ company, policy, view }: Props) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const stateLabel = (id: string) => labelText(policy.workflow.states[id]?.label, lang) || id;
  const actionLabel = (id: string) =>
    id === 'intake'
      ? t('case.intakeAction')
      : id === 'sweep'
        ? t('case.sweepAction')
        : labelText(policy.workflow.transitions.find((tr) => tr.id === id)?.label, lang) || id;
  const formOf = (action: string) => {
    const id = policy.workflow.transitions.find((tr) => tr.id === action)?.form;
    return id ? policy.forms[id] : undefined;
  };
  const files = (entry: NonNullable<CaseView['audit']>[number]) => {
    const form = formOf(entry.action);
    const language = lang === 'en' ? 'en' : 'zh-CN';
    return (
      <ul className="staff-timeline-files" data-testid="timeline-files">
        {(entry.files ?? []).map((file) => (
          <li key={`${file.field}-${file.id}`}>
            {t('fileField.answered', {
              field: form ? fieldLabel(form, file.field, language) : file.field,
            })}
            <AttachmentLink company={company} caseId={view.case.id} file={file} />
          </li>
        ))}
      </ul>
    );
  };
  return (
    <ol className="staff-timeline">
      {(view.audit ?? []).map((entry) => {
        const from = stateOf(entry.before);
        const to = stateOf(entry.after);
        return (
          <li key={entry.id} data-testid="timeline-entry">
            <time dateTime={entry.at}>{formatTime(entry.at, lang, policy.timeZone)}</time>{' '}
            <strong>
              {entry.action === 'migratePolicy'
                ? t('case.migrateAction', {
                    from: entry.fromPolicyVersion,
                    to: entry.policyVersion,
                  })
                : entry.attachment
                  ? t('attachments.added', { name: entry.attachment.name })
                  : actionLabel(entry.action)}
            </strong>{' '}
            <span>
              {(view.people?.[entry.by] && personName(view.people[entry.by]!)) ??
                (entry.by === 'public:web'
                  ? t('case.publicActor')
                  : entry.action === 'sweep' || !entry.by
                    ? t('case.system')
                    : entry.by)}
            </span>
            {to && from !== to && (
              <span className="muted">
                {' '}
                (
                {from
                  ? t('case.stateChange', { from: stateLabel(from), to: stateLabel(to) })
                  : stateLabel(to)}
                )
              </span>
            )}
            {entry.note && <span className="muted"> — {entry.note}</span>}
            {entry.files && entry.files.length > 0 && files(entry)}
          </li>
        );
      })}
    </ol>
  );
}
