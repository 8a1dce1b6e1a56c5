/** A decision table's overlaps, gaps and unreachable rows, in words, as the approval matrix lists its own. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionTable } from './decision-table.ts';
import type { FactField } from './rule-facts.ts';
import { isOtherValue, tableProblems, type TablePoint } from './table-problems.ts';

type Props = { table: DecisionTable; catalogue: FactField[] };

export function TableProblemList({ table, catalogue }: Props) {
  const { t } = useTranslation('policy');
  const problems = useMemo(() => tableProblems(table, catalogue), [table, catalogue]);
  const byName = new Map(catalogue.map((f) => [f.name, f]));
  const when = (point: TablePoint) =>
    Object.entries(point)
      .map(([field, value]) => {
        const fact = byName.get(field);
        const shown = isOtherValue(value)
          ? t('rules.table.other')
          : typeof value === 'boolean'
            ? t(value ? 'rules.builder.yes' : 'rules.builder.no')
            : Array.isArray(value)
              ? value.join(t('rules.builder.listSeparator')) || '∅'
              : (fact?.options.find((o) => o.value === value)?.label ?? String(value));
        return `${fact?.label ?? field} = ${shown}`;
      })
      .join(t('rules.table.pointSeparator'));
  const items = [
    ...(table.hitPolicy === 'collect'
      ? problems.overlaps.map(({ rows: [a, b], point }) =>
          t('rules.table.overlap', { a: a + 1, b: b + 1, when: when(point) }),
        )
      : []),
    ...problems.unreachable.map((n) => t('rules.table.unreachable', { n: n + 1 })),
    ...problems.selfChanging.map((n) => t('rules.table.selfChanging', { n: n + 1 })),
    ...problems.gaps.map((point) => t('rules.table.gap', { when: when(point) })),
    ...(problems.partial ? [t('rules.table.partial')] : []),
  ];
  return (
    <section className="table-problems" aria-label={t('rules.table.problems')}>
      {items.length ? (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : (
        <p className="help">{t('rules.table.noProblems')}</p>
      )}
    </section>
  );
}
