/** A form's top-level fields as an editable list, and a row to add one. */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { fieldTypesFor, listFields } from './form-fields.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { FieldRow } from './FieldRow.tsx';
import { AddField } from './AddField.tsx';

type FormDefinition = Policy['forms'][string];
type Edit = (change: (form: FormDefinition) => void) => void;

/** `formId` says which field types it offers: an intake takes no attachment fields. */
export function FormFieldList(props: { formId: string; form: FormDefinition; edit: Edit }) {
  const { formId, form, edit } = props;
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
              types={fieldTypesFor(formId)}
            />
          ))}
        </tbody>
      </table>
      <AddField form={form} edit={edit} types={fieldTypesFor(formId)} />
    </>
  );
}
