import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import {
  moveField,
  removeField,
  setFieldHelp,
  setFieldHidden,
  setFieldLabel,
  setFieldOptions,
  setFieldRequired,
  setFieldType,
  type FieldType,
  type FieldView,
} from './form-fields.ts';
import { OptionsEditor } from './OptionsEditor.tsx';

type FormDefinition = Policy['forms'][string];
type Edit = (change: (form: FormDefinition) => void) => void;

/** The types offered, with the field's own kept even where the form would not offer it. */
function offered(types: readonly FieldType[], own: FieldType): readonly FieldType[] {
  return types.includes(own) ? types : [...types, own];
}

/** One field of a form in the field list: order, label, help, type, required, hidden, options. */
export function FieldRow(props: {
  field: FieldView;
  first: boolean;
  last: boolean;
  edit: Edit;
  /** The types offered (the palette, less what the form cannot take). */
  types: readonly FieldType[];
}) {
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
        <div className="field-help">
          <input
            aria-label={t('forms.helpZh', { name })}
            placeholder={t('forms.helpPlaceholder')}
            value={field.help}
            onChange={(e) => edit((f) => setFieldHelp(f, field.key, 'zh-CN', e.target.value))}
          />
          <input
            aria-label={t('forms.helpEn', { name })}
            placeholder="Help (English)"
            lang="en"
            value={field.helpEn}
            onChange={(e) => edit((f) => setFieldHelp(f, field.key, 'en', e.target.value))}
          />
        </div>
        {(field.type === 'choice' || field.type === 'multichoice') && (
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
            {offered(props.types, field.type).map((type) => (
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
