/** The form that adds a stage form (a transition's form, 阶段表单) with no fields yet. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionProps } from './editor.ts';

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

type Props = Pick<SectionProps, 'policy' | 'update'> & {
  /** Opens the new form in the section. */
  onAdded: (id: string) => void;
};

/** Code and Chinese title; the transitions then name the form in the workflow section. */
export function AddStageForm({ policy, update, onAdded }: Props) {
  const { t } = useTranslation('policy');
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const idOk = ID.test(id) && !(id in policy.forms);
  const ready = idOk && title.trim() !== '';
  return (
    <form
      className="policy-inline-form"
      aria-label={t('forms.addForm')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        update((d) => {
          d.forms[id] = {
            title: { 'zh-CN': title.trim() },
            schema: { type: 'object', properties: {} },
            uiSchema: {},
          };
        });
        onAdded(id);
        setId('');
        setTitle('');
      }}
    >
      <input
        aria-label={t('forms.newFormTitle')}
        placeholder={t('forms.newFormTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <input
        className="code"
        aria-label={t('forms.newFormId')}
        placeholder={t('forms.newFormId')}
        aria-invalid={id !== '' && !idOk ? true : undefined}
        value={id}
        onChange={(e) => setId(e.target.value)}
      />
      <button type="submit" disabled={!ready}>
        {t('forms.addForm')}
      </button>
      {id !== '' && !idOk && <span className="help danger">{t('forms.formIdHelp')}</span>}
    </form>
  );
}
