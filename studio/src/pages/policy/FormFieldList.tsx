/** A form's top-level fields as an editable list, and a row to add one. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import {
  addField,
  FIELD_TYPES,
  isNewFieldKey,
  listFields,
  moveField,
  removeField,
  setFieldHidden,
  setFieldLabel,
  setFieldOptions,
  setFieldRequired,
  setFieldType,
  type ChoiceOption,
  type FieldType,
  type FieldView,
} from './form-fields.ts';
import { TableHead } from '../../components/TableHead.tsx';

type FormDefinition = Policy['forms'][string];
type Edit = (change: (form: FormDefinition) => void) => void;

export function FormFieldList({ form, edit }: { form: FormDefinition; edit: Edit }) {
  const { t } = useTranslation('policy');
  const fields = listFields(form);
  return (
    <>
      <table className="policy-table policy-fields">
        <TableHead
          columns={[
            t('forms.order'),
            t('forms.label'),
            t('forms.type'),
            t('forms.required'),
            t('forms.hidden'),
            '',
          ]}
        />
        <tbody>
          {fields.map((field, i) => (
            <FieldRow
              key={field.key}
              field={field}
              first={i === 0}
              last={i === fields.length - 1}
              edit={edit}
            />
          ))}
        </tbody>
      </table>
      <AddField form={form} edit={edit} />
    </>
  );
}

function FieldRow(props: { field: FieldView; first: boolean; last: boolean; edit: Edit }) {
  const { field, edit } = props;
  const { t } = useTranslation('policy');
  const name = field.label || field.key;
  const editable = field.type !== 'object' && field.type !== 'other';
  return (
    <tr data-testid={`policy-field-${field.key}`}>
      <td className="nowrap">
        <button
          type="button"
          aria-label={t('forms.up', { name })}
          disabled={props.first}
          onClick={() => edit((f) => moveField(f, field.key, -1))}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={t('forms.down', { name })}
          disabled={props.last}
          onClick={() => edit((f) => moveField(f, field.key, 1))}
        >
          ↓
        </button>
      </td>
      <td>
        <input
          aria-label={t('forms.labelZh', { key: field.key })}
          value={field.label}
          onChange={(e) => edit((f) => setFieldLabel(f, field.key, 'zh-CN', e.target.value))}
        />
        <input
          aria-label={t('forms.labelEn', { key: field.key })}
          placeholder="English"
          value={field.labelEn}
          onChange={(e) => edit((f) => setFieldLabel(f, field.key, 'en', e.target.value))}
        />
        <code className="muted">{field.key}</code>
        {field.type === 'choice' && (
          <OptionsEditor
            name={name}
            options={field.options}
            onChange={(options) => edit((f) => setFieldOptions(f, field.key, options))}
          />
        )}
      </td>
      <td>
        {editable ? (
          <select
            aria-label={t('forms.typeOf', { name })}
            value={field.type}
            onChange={(e) => edit((f) => setFieldType(f, field.key, e.target.value as FieldType))}
          >
            {FIELD_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`forms.types.${type}`)}
              </option>
            ))}
          </select>
        ) : (
          <span className="muted">{t(`forms.types.${field.type}`)}</span>
        )}
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('forms.requiredOf', { name })}
          checked={field.required}
          onChange={(e) => edit((f) => setFieldRequired(f, field.key, e.target.checked))}
        />
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('forms.hiddenOf', { name })}
          checked={field.hidden}
          onChange={(e) => edit((f) => setFieldHidden(f, field.key, e.target.checked))}
        />
      </td>
      <td>
        <button
          type="button"
          className="danger"
          aria-label={t('forms.remove', { name })}
          onClick={() => edit((f) => removeField(f, field.key))}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}

function OptionsEditor(props: {
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

function AddField({ form, edit }: { form: FormDefinition; edit: Edit }) {
  const { t } = useTranslation('policy');
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const keyOk = isNewFieldKey(structuredClone(form), key);
  const ready = keyOk && label.trim() !== '';
  return (
    <form
      className="policy-add-field"
      aria-label={t('forms.add')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        edit((f) => addField(f, key, type, label.trim()));
        setKey('');
        setLabel('');
      }}
    >
      <h4>{t('forms.add')}</h4>
      <label>
        {t('forms.newLabel')}
        <input value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label>
        {t('forms.newKey')}
        <input
          className="code"
          value={key}
          aria-invalid={key !== '' && !keyOk ? true : undefined}
          onChange={(e) => setKey(e.target.value)}
        />
      </label>
      <label>
        {t('forms.newType')}
        <select value={type} onChange={(e) => setType(e.target.value as FieldType)}>
          {FIELD_TYPES.map((option) => (
            <option key={option} value={option}>
              {t(`forms.types.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!ready}>
        {t('forms.addButton')}
      </button>
      {key !== '' && !keyOk && <p className="help danger">{t('forms.keyHelp')}</p>}
    </form>
  );
}
