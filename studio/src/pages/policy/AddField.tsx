import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { addField, isNewFieldKey, type FieldType } from './form-fields.ts';

type FormDefinition = Policy['forms'][string];
type Edit = (change: (form: FormDefinition) => void) => void;

/** The form that adds a field to a form. */
export function AddField(props: { form: FormDefinition; edit: Edit; types: readonly FieldType[] }) {
  const { form, edit } = props;
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
          {props.types.map((option) => (
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
