/** A submitted form shown read-only, field by field, titled from the form (masked values stay masked). */
import { useTranslation } from 'react-i18next';
import { localizedSchema, type FormDefinition } from '../../components/policy-forms.ts';

type Node = {
  title?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Node>;
};
type Ui = Record<string, unknown> & { 'ui:order'?: string[]; 'ui:enumNames'?: string[] };

function ordered(node: Node, ui: Ui | undefined): string[] {
  const keys = Object.keys(node.properties ?? {});
  const order = ui?.['ui:order']?.filter((key) => keys.includes(key)) ?? [];
  return [...order, ...keys.filter((key) => !order.includes(key))];
}

export function IntakeView({
  form,
  data,
}: {
  form: FormDefinition;
  data: Record<string, unknown>;
}) {
  const { t, i18n } = useTranslation('staff');
  const schema = localizedSchema(form, i18n.language) as Node;
  const show = (node: Node, ui: Ui | undefined, value: unknown): string => {
    if (value === undefined || value === null || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('case.yes') : t('case.no');
    const index = node.enum?.indexOf(value) ?? -1;
    if (index >= 0 && ui?.['ui:enumNames']?.[index] && i18n.language !== 'en')
      return ui['ui:enumNames'][index] as string;
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const fields = (node: Node, ui: Ui | undefined, value: Record<string, unknown>) => (
    <dl className="staff-fields">
      {ordered(node, ui).map((key) => {
        const child = node.properties?.[key] as Node;
        const childUi = ui?.[key] as Ui | undefined;
        const childValue = value[key];
        if (child.type === 'object' && childValue && typeof childValue === 'object')
          return (
            <div key={key} className="staff-field-group">
              <dt>{child.title ?? key}</dt>
              <dd>{fields(child, childUi, childValue as Record<string, unknown>)}</dd>
            </div>
          );
        if (childValue === undefined) return null;
        return (
          <div key={key}>
            <dt>{child.title ?? key}</dt>
            <dd>{show(child, childUi, childValue)}</dd>
          </div>
        );
      })}
    </dl>
  );
  return fields(schema, form.uiSchema as Ui | undefined, data);
}
