/** A submitted form shown read-only, field by field, titled from the form (masked values stay masked). */
import { useTranslation } from 'react-i18next';
import { enumLabel } from '../../components/enum-labels.ts';
import { localizedSchema, type FormDefinition } from '../../components/policy-forms.ts';

type Node = {
  title?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Node>;
};
type Ui = Record<string, unknown> & { 'ui:order'?: string[] };

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
  const show = (node: Node, path: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('case.yes') : t('case.no');
    if (node.enum?.includes(value)) return enumLabel(form, path, node.enum, value, i18n.language);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const fields = (node: Node, ui: Ui | undefined, value: Record<string, unknown>, path = '') => (
    <dl className="staff-fields">
      {ordered(node, ui).map((key) => {
        const child = node.properties?.[key] as Node;
        const childUi = ui?.[key] as Ui | undefined;
        const childValue = value[key];
        if (child.type === 'object' && childValue && typeof childValue === 'object')
          return (
            <div key={key} className="staff-field-group">
              <dt>{child.title ?? key}</dt>
              <dd>
                {fields(child, childUi, childValue as Record<string, unknown>, `${path}.${key}`)}
              </dd>
            </div>
          );
        if (childValue === undefined) return null;
        return (
          <div key={key}>
            <dt>{child.title ?? key}</dt>
            <dd>{show(child, `${path}.${key}`, childValue)}</dd>
          </div>
        );
      })}
    </dl>
  );
  return fields(schema, form.uiSchema as Ui | undefined, data);
}
