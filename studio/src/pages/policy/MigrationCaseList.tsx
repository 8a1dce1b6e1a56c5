/**
 * Open cases and a new version, one row a case: its number and state, and what moving it changes
 * (clock due times, approvers still to approve) or why it cannot move.
 */
import { useTranslation } from 'react-i18next';
import type { CaseMigration, Policy } from '../../api/types.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { formatTime, labelText, punctuation } from '../../i18n/index.ts';

type Props = { cases: CaseMigration[]; policy: Policy; testId: string };

/** One clock of a case: its due time before → after, or a clock the new version starts for it. */
function ClockLine({
  change,
  policy,
}: {
  change: CaseMigration['clocks'][number];
  policy: Policy;
}) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const time = (iso: string) => formatTime(iso, lang, policy.timeZone);
  const clock = labelText(policy.clocks[change.clock]?.label, lang) || change.clock;
  if (change.before === null || change.started) {
    const status = change.started?.status;
    const when =
      status === 'paused'
        ? t('migration.clockStartedPaused')
        : status === 'stopped'
          ? t('migration.clockStartedStopped', { due: time(change.after) })
          : t('migration.clockStartedDue', { due: time(change.after) });
    return t('migration.clockStarted', {
      clock,
      at: time(change.started?.at ?? change.after),
      when,
    });
  }
  return t('migration.clockChange', {
    clock,
    before: time(change.before),
    after: time(change.after),
  });
}

export function MigrationCaseList({ cases, policy, testId }: Props) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const role = (id: string) => labelText(policy.roles[id]?.label, lang) || id;
  const roles = (ids: string[]) =>
    ids.length ? ids.map(role).join(punctuation(lang).list) : t('migration.nobody');
  return (
    <table className="policy-table" data-testid={testId}>
      <TableHead
        columns={[
          t('migration.caseColumn'),
          t('migration.stateColumn'),
          t('migration.changeColumn'),
        ]}
      />
      <tbody>
        {cases.map((c) => (
          <tr key={c.caseId} data-testid={`migration-${c.number}`}>
            <td>{c.number}</td>
            <td>{labelText(policy.workflow.states[c.state]?.label, lang) || c.state}</td>
            <td>
              {c.movable ? (
                <ul className="plain">
                  {c.clocks.map((clock) => (
                    <li key={clock.clock}>
                      <ClockLine change={clock} policy={policy} />
                    </li>
                  ))}
                  {c.approvers && (
                    <li>
                      {t('migration.approverChange', {
                        before: roles(c.approvers.before),
                        after: roles(c.approvers.after),
                      })}
                    </li>
                  )}
                </ul>
              ) : (
                <p className="field-error">
                  {t('migration.cannotMove')}
                  {c.reasons.map((reason) => reason.message).join('; ')}
                </p>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
