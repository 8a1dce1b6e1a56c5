import { useTranslation } from 'react-i18next';
import type { Decision } from '../../api/types.ts';

/** Where a simulated decision came from, in words. */
export function SourceText({ source }: { source: Decision['source'] }) {
  const { t } = useTranslation('policy');
  switch (source.kind) {
    case 'rule':
      return <>{t('simulator.source.rule', { set: source.ruleSet, rule: source.rule })}</>;
    case 'table':
      return <>{t('simulator.source.table', { table: source.table, row: source.row })}</>;
    case 'form':
      return <>{t('simulator.source.form', { field: source.field })}</>;
    case 'staff':
      return <>{t('simulator.source.staff', { user: source.user })}</>;
    default:
      return <>{t('simulator.source.default', { dimension: source.dimension })}</>;
  }
}
