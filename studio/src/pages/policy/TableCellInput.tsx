/** One cell of a decision table: an operator that fits the column's fact ("不限" = any value) and its value. */
import { useTranslation } from 'react-i18next';
import { ValueInput } from './ConditionValueEditor.tsx';
import type { TableCell } from './decision-table.ts';
import { OPERATORS_BY_KIND, type FactField } from './rule-facts.ts';

type Props = {
  cell: TableCell;
  fact: FactField | undefined;
  /** The cell's accessible name ("第 1 行 条件列 1 媒体介入"). */
  title: string;
  onChange: (cell: TableCell) => void;
};

/** The value a cell starts with when its operator is chosen: the old one if it still fits. */
function startValue(cell: TableCell, fact: FactField | undefined, operator: string): unknown {
  const list = operator === 'in' || operator === 'notIn';
  if (cell && Array.isArray(cell.value) === list) return cell.value;
  if (list) return [];
  if (fact?.kind === 'number') return 0;
  if (fact?.kind === 'boolean') return true;
  return fact?.options[0]?.value ?? '';
}

export function TableCellInput({ cell, fact, title, onChange }: Props) {
  const { t } = useTranslation('policy');
  return (
    <td>
      <select
        aria-label={`${title} ${t('rules.builder.operator')}`}
        value={cell?.operator ?? ''}
        onChange={(e) => {
          const operator = e.target.value;
          onChange(operator ? { operator, value: startValue(cell, fact, operator) } : null);
        }}
      >
        <option value="">{t('rules.table.any')}</option>
        {OPERATORS_BY_KIND[fact?.kind ?? 'text'].map((name) => (
          <option key={name} value={name}>
            {t(`rules.builder.operators.${name}`)}
          </option>
        ))}
      </select>
      {cell && (
        <ValueInput
          fact={fact}
          operator={cell.operator}
          value={cell.value}
          title={title}
          onChange={(value) => onChange({ ...cell, value })}
        />
      )}
    </td>
  );
}
