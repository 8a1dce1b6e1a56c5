/** What a publish with "move" did with open cases: counts, and the cases left on their version and why. */
import { useTranslation } from 'react-i18next';
import type { MigrationOutcome, Policy } from '../../api/types.ts';
import { MigrationCaseList } from './MigrationCaseList.tsx';

type Props = { outcome: MigrationOutcome; policy: Policy };

export function MigrationOutcomeNote({ outcome, policy }: Props) {
  const { t } = useTranslation('policy');
  if (outcome.openCases === 'keep') return null;
  return (
    <div data-testid="migration-outcome">
      <p>{t('migration.outcome', outcome)}</p>
      {outcome.leftCases.length > 0 && (
        <>
          <p>{t('migration.leftTitle')}</p>
          <MigrationCaseList cases={outcome.leftCases} policy={policy} testId="migration-left" />
        </>
      )}
      {outcome.skipped > 0 && (
        <p>
          {t('migration.outcomeSkipped', outcome)}{' '}
          {outcome.skippedCases.map((c) => c.number).join('、')}
        </p>
      )}
      {outcome.truncated && (
        <p className="muted">{t('migration.truncated', { count: outcome.leftCases.length })}</p>
      )}
    </div>
  );
}
