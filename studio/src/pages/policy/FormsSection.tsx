/**
 * The forms section: pick, add or remove a stage form (the intake stays); edit its fields in a list
 * (add from the palette, label and help in zh-CN/en, reorder, require, hide, type, choice options),
 * or its JSON Schema and uiSchema as text;
 * a live preview renders the form as staff will see it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelText } from '../../i18n/index.ts';
import { AddStageForm } from './AddStageForm.tsx';
import type { SectionProps } from './editor.ts';
import { FormFieldList } from './FormFieldList.tsx';
import { JsonEditor } from './JsonEditor.tsx';
import { PolicyForm } from './PolicyForm.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { atPointer, SectionProblems } from './SectionProblems.tsx';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function FormsSection({ policy, update, problemsAt }: SectionProps) {
  const { t, i18n } = useTranslation('policy');
  const ids = Object.keys(policy.forms);
  const [formId, setFormId] = useState(() => {
    const wanted = /^\/forms\/([^/]+)/.exec(atPointer())?.[1];
    return wanted && wanted in policy.forms ? wanted : 'intake';
  });
  const [data, setData] = useState<Record<string, unknown>>({});
  useEffect(() => setData({}), [formId]);
  const form = policy.forms[formId] ?? policy.forms.intake;
  const edit = (change: (f: typeof form) => void) =>
    update((draft) => change(draft.forms[formId] as typeof form));

  return (
    <div className="policy-forms">
      <div className="policy-toolbar">
        <label>
          {t('forms.pick')}{' '}
          <select value={formId} onChange={(e) => setFormId(e.target.value)}>
            {ids.map((id) => (
              <option key={id} value={id}>
                {labelText(policy.forms[id]!.title, i18n.language)}
                {id === 'intake' ? ` (${t('forms.intake')})` : ''}
              </option>
            ))}
          </select>
        </label>
        <code className="muted">{formId}</code>
        {formId !== 'intake' && (
          <RemoveButton
            label={t('forms.removeForm', { name: labelText(form.title, i18n.language) })}
            onClick={() => {
              // What still names the form (a transition) is then named by the problems panel.
              update((draft) => void delete draft.forms[formId]);
              setFormId('intake');
            }}
          />
        )}
        <label>
          {t('forms.titleZh')}{' '}
          <input
            value={form.title['zh-CN']}
            onChange={(e) => edit((f) => void (f.title['zh-CN'] = e.target.value))}
          />
        </label>
        <label>
          {t('forms.titleEn')}{' '}
          <input
            value={form.title.en ?? ''}
            onChange={(e) =>
              edit((f) => {
                if (e.target.value) f.title.en = e.target.value;
                else delete f.title.en;
              })
            }
          />
        </label>
      </div>
      <AddStageForm policy={policy} update={update} onAdded={setFormId} />
      <SectionProblems problems={problemsAt(`/forms/${formId}`)} />
      <div className="policy-forms-grid">
        <section aria-label={t('forms.fields')}>
          <h3>{t('forms.fields')}</h3>
          <FormFieldList formId={formId} form={form} edit={edit} />
        </section>
        <section aria-label={t('forms.preview')} data-testid="policy-form-preview">
          <h3>{t('forms.preview')}</h3>
          <div className="policy-preview">
            <PolicyForm form={form} formData={data} onChange={setData} />
          </div>
        </section>
      </div>
      <div className="policy-forms-grid">
        <JsonEditor
          label={t('forms.schemaJson')}
          testId="policy-schema-json"
          value={form.schema}
          accept={(v) => (isObject(v) ? null : t('jsonEditor.notObject'))}
          onApply={(v) => edit((f) => void (f.schema = v as typeof f.schema))}
          rows={24}
        />
        <JsonEditor
          label={t('forms.uiSchemaJson')}
          testId="policy-uischema-json"
          value={form.uiSchema ?? {}}
          accept={(v) => (isObject(v) ? null : t('jsonEditor.notObject'))}
          onApply={(v) => edit((f) => void (f.uiSchema = v as typeof f.uiSchema))}
          rows={24}
        />
      </div>
      <JsonEditor
        label={t('forms.i18nJson')}
        testId="policy-i18n-json"
        value={form.i18n?.en ?? {}}
        accept={(v) =>
          isObject(v) && Object.values(v).every((x) => typeof x === 'string')
            ? null
            : t('forms.i18nShape')
        }
        onApply={(v) =>
          edit((f) => void (f.i18n = { ...(f.i18n ?? {}), en: v as Record<string, string> }))
        }
        rows={10}
      />
    </div>
  );
}
