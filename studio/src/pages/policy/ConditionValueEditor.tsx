/**
 * The value of one condition, edited as the fact's type asks: a number, a choice among the
 * field's options (in the user's language), several choices for "is one of", yes/no, a date, or
 * text. Writes JSON values of the right type (5000, not "5000"; true, not "true").
 */
import { useTranslation } from 'react-i18next';
import type { ValueEditorProps } from 'react-querybuilder';
import type { FactField } from './rule-facts.ts';

const isList = (operator: string) => operator === 'in' || operator === 'notIn';

/** react-querybuilder's value editor: the fact travels on the field as `fact`. */
export function ConditionValueEditor({
  fieldData,
  operator,
  value,
  handleOnChange,
}: ValueEditorProps) {
  const { t } = useTranslation('policy');
  return (
    <ValueInput
      fact={fieldData.fact as FactField | undefined}
      operator={operator}
      value={value}
      onChange={handleOnChange}
      title={t('rules.builder.value')}
    />
  );
}

type ValueInputProps = {
  fact: FactField | undefined;
  operator: string;
  value: unknown;
  onChange: (value: unknown) => void;
  /** The input's accessible name. */
  title: string;
};

/** One condition's value input, for the builder and the decision table's cells. */
export function ValueInput({ fact, operator, value, onChange, title }: ValueInputProps) {
  const { t } = useTranslation('policy');
  const handleOnChange = onChange;
  const options = fact?.options ?? [];

  if (isList(operator)) {
    const chosen = Array.isArray(value) ? value.map(String) : value === '' ? [] : [String(value)];
    if (fact?.kind === 'enum' && options.length) {
      const toggle = (option: string, on: boolean) =>
        handleOnChange(on ? [...chosen, option] : chosen.filter((v) => v !== option));
      return (
        <fieldset className="rule-value-choices" aria-label={title}>
          {options.map((option) => (
            <label key={option.value}>
              <input
                type="checkbox"
                checked={chosen.includes(option.value)}
                onChange={(e) => toggle(option.value, e.target.checked)}
              />{' '}
              {option.label}
            </label>
          ))}
        </fieldset>
      );
    }
    return (
      <input
        type="text"
        title={title}
        aria-label={title}
        placeholder={t('rules.builder.listHelp')}
        value={chosen.join(', ')}
        onChange={(e) =>
          handleOnChange(
            e.target.value
              .split(/[,，]/)
              .map((part) => part.trim())
              .filter(Boolean),
          )
        }
      />
    );
  }

  if (fact?.kind === 'number')
    return (
      <input
        type="number"
        title={title}
        aria-label={title}
        value={typeof value === 'number' || typeof value === 'string' ? value : ''}
        onChange={(e) => handleOnChange(e.target.value === '' ? '' : Number(e.target.value))}
      />
    );

  if (fact?.kind === 'boolean')
    return (
      <select
        title={title}
        aria-label={title}
        value={String(value)}
        onChange={(e) => handleOnChange(e.target.value === 'true')}
      >
        <option value="true">{t('rules.builder.yes')}</option>
        <option value="false">{t('rules.builder.no')}</option>
      </select>
    );

  if (fact?.kind === 'enum' && options.length) {
    const known = options.some((option) => option.value === value);
    return (
      <select
        title={title}
        aria-label={title}
        value={String(value ?? '')}
        onChange={(e) => handleOnChange(e.target.value)}
      >
        {!known && (
          <option value={String(value ?? '')}>
            {String(value ?? '') || t('rules.builder.choose')}
          </option>
        )}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  }

  const listId = fact && options.length ? `rule-value-${fact.name}` : undefined;
  return (
    <>
      <input
        type={fact?.kind === 'date' ? 'date' : 'text'}
        title={title}
        aria-label={title}
        list={listId}
        value={
          typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value)
        }
        onChange={(e) => handleOnChange(e.target.value)}
      />
      {listId && (
        <datalist id={listId}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </datalist>
      )}
    </>
  );
}
