/** A small multi-choice: chosen values as removable chips, and a select to add one. */
import { useTranslation } from 'react-i18next';

export function ChipPicker(props: {
  label: string;
  values: string[];
  options: { id: string; label: string }[];
  onChange: (values: string[]) => void;
}) {
  const { t } = useTranslation('policy');
  const { values, options, onChange } = props;
  const name = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  const rest = options.filter((o) => !values.includes(o.id));
  return (
    <div className="policy-chips" role="group" aria-label={props.label}>
      {values.map((value) => (
        <span key={value} className="policy-chip">
          {name(value)}
          <button
            type="button"
            aria-label={t('chipPicker.remove', { name: name(value) })}
            onClick={() => onChange(values.filter((v) => v !== value))}
          >
            ×
          </button>
        </span>
      ))}
      {rest.length > 0 && (
        <select
          aria-label={t('chipPicker.add', { label: props.label })}
          value=""
          onChange={(e) => e.target.value && onChange([...values, e.target.value])}
        >
          <option value="">+</option>
          {rest.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
