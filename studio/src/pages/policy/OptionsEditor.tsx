import { useTranslation } from 'react-i18next';
import { type ChoiceOption } from './form-fields.ts';

/** The options of a choice field. */
export function OptionsEditor(props: {
  name: string;
  options: ChoiceOption[];
  onChange: (options: ChoiceOption[]) => void;
}) {
  const { t } = useTranslation('policy');
  const { options, onChange } = props;
  const set = (i: number, part: Partial<ChoiceOption>) =>
    onChange(options.map((o, j) => (i === j ? { ...o, ...part } : o)));
  return (
    <fieldset className="policy-options">
      <legend>{t('forms.options', { name: props.name })}</legend>
      {options.map((option, i) => (
        <div key={i}>
          <input
            aria-label={t('forms.optionLabel', { n: i + 1 })}
            value={option.label}
            onChange={(e) => set(i, { label: e.target.value })}
          />
          <input
            aria-label={t('forms.optionValue', { n: i + 1 })}
            className="code"
            value={option.value}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <button
            type="button"
            aria-label={t('forms.optionRemove', { n: i + 1 })}
            disabled={options.length <= 1}
            onClick={() => onChange(options.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...options, { value: `option${options.length + 1}`, label: '' }])}
      >
        {t('forms.optionAdd')}
      </button>
    </fieldset>
  );
}
