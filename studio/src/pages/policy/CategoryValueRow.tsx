/** One value of a category dimension (分类): its name, description, default mark and remove button. */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { LabelPair } from './LabelPair.tsx';
import { RemoveButton } from './RemoveButton.tsx';

type Dimension = Policy['categories'][string];
type Value = Dimension['values'][string];

type Props = {
  dimensionId: string;
  dimension: Dimension;
  valueId: string;
  value: Value;
  setDim: (change: (d: Dimension) => void) => void;
  onRemove: () => void;
};

/** The value's row; the default is a radio shared by the dimension's rows. */
export function CategoryValueRow({
  dimensionId,
  dimension,
  valueId,
  value,
  setDim,
  onRemove,
}: Props) {
  const { t, i18n } = useTranslation('policy');
  const valueName = labelText(value.label, i18n.language) || valueId;
  const setValue = (change: (v: Value) => void) =>
    setDim((d) => {
      const v = d.values[valueId];
      if (v) change(v);
    });
  return (
    <tr data-testid={`category-${dimensionId}-${valueId}`}>
      <td>
        <LabelPair
          value={value.label}
          name={valueName}
          onChange={(label) => setValue((v) => void (v.label = label ?? { 'zh-CN': '' }))}
        />
        <code className="muted"> {valueId}</code>
      </td>
      <td>
        <LabelPair
          value={value.description}
          name={t('categories.descriptionOf', { name: valueName })}
          onChange={(description) =>
            setValue((v) => {
              if (description) v.description = description;
              else delete v.description;
            })
          }
        />
      </td>
      <td>
        <input
          type="radio"
          name={`default-${dimensionId}`}
          aria-label={t('categories.defaultOf', { name: valueName })}
          checked={dimension.default === valueId}
          onChange={() => setDim((d) => void (d.default = valueId))}
        />
      </td>
      <td>
        <RemoveButton label={t('categories.removeValue', { name: valueName })} onClick={onRemove} />
      </td>
    </tr>
  );
}
