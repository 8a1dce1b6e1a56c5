/** The case's history from its audit trail: when, who, which action, and the state it moved to. */
import { useTranslation } from 'react-i18next';
import type { CaseView, Policy } from '../../api/types.ts';
import { formatTime, labelText } from '../../i18n/index.ts';
import { personName } from '../../components/person-name.ts';

function stateOf(value: unknown): string | undefined {
  return value && typeof value === 'object' && 'state' in value
    ? String((value as { state: unknown }).state)
    : undefined;
}

export function CaseTimeline({ policy, view }: { policy: Policy; view: CaseView }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const stateLabel = (id: string) => labelText(policy.workflow.states[id]?.label, lang) || id;
  const actionLabel = (id: string) =>
    id === 'intake'
      ? t('case.intakeAction')
      : id === 'sweep'
        ? t('case.sweepAction')
        : labelText(policy.workflow.transitions.find((tr) => tr.id === id)?.label, lang) || id;
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
          </li>
        );
      })}
    </ol>
  );
}
