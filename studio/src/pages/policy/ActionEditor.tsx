/**
 * A rule's action: the type from Kesu's closed list, and its parameters picked from the policy
 * (dimension and value, role, department, clock, flag, intake field) or typed (a message).
 */
import { useTranslation } from 'react-i18next';
import type { Label, Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { LabelPair } from './LabelPair.tsx';
import {
  ACTION_PARAMS,
  ACTION_TYPES,
  defaultEvent,
  type ActionType,
  type ParamSpec,
} from './rule-actions.ts';
import type { FactField } from './rule-facts.ts';

type Event = { type: ActionType; params?: Record<string, unknown> };

type Props = {
  event: Event;
  policy: Policy;
  catalogue: FactField[];
  onChange: (event: Event) => void;
  /** The rule's name, for the controls' accessible names. */
  name: string;
};

type Choice = { value: string; label: string };

const labelled = (map: Record<string, { label: Label }> | undefined, lang: string): Choice[] =>
  Object.entries(map ?? {}).map(([value, item]) => ({
    value,
    label: labelText(item.label, lang) || value,
  }));

export function ActionEditor({ event, policy, catalogue, onChange, name }: Props) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const params = event.params ?? {};
  const set = (key: string, value: unknown) => {
    const next = { ...params };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    onChange({ type: event.type, params: next });
  };
  const paramWord = (spec: ParamSpec) =>
    t(`rules.action.${spec.kind === 'categoryValue' ? 'value' : spec.kind}`);
  const intakeFields = catalogue.filter((f) => f.fact === 'intake');
  const dimension = String(params.dimension ?? '');

  const choicesFor = (spec: ParamSpec): Choice[] | undefined => {
    switch (spec.kind) {
      case 'dimension':
        return labelled(policy.categories, lang);
      case 'categoryValue':
        return labelled(policy.categories?.[dimension]?.values, lang);
      case 'role':
        return labelled(policy.roles, lang);
      case 'department':
        return labelled(policy.departments, lang);
      case 'clock':
        return labelled(policy.clocks, lang);
      case 'field':
        return intakeFields.map((f) => ({ value: f.path?.slice(2) ?? f.name, label: f.label }));
      default:
        return undefined;
    }
  };

  const control = (spec: ParamSpec) => {
    const title = `${name} ${paramWord(spec)}`;
    const value = params[spec.key];
    if (spec.kind === 'message')
      return (
        <LabelPair
          name={title}
          value={value as Label | undefined}
          onChange={(label) => set(spec.key, label)}
        />
      );
    const choices = choicesFor(spec);
    if (choices) {
      const current = String(value ?? '');
      const known = choices.some((c) => c.value === current);
      return (
        <select
          aria-label={title}
          value={current}
          onChange={(e) => {
            if (spec.kind === 'dimension') {
              const first = Object.keys(policy.categories?.[e.target.value]?.values ?? {})[0];
              onChange({
                type: event.type,
                params: { ...params, dimension: e.target.value, value: first ?? '' },
              });
            } else set(spec.key, e.target.value);
          }}
        >
          {(spec.optional || !known) && (
            <option value={known ? '' : current}>
              {known || !current ? t('rules.action.none') : current}
            </option>
          )}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      );
    }
    const field = intakeFields.find((f) => f.path === `$.${String(params.field ?? '')}`);
    const numeric = spec.kind === 'fieldValue' && field?.kind === 'number';
    return (
      <input
        type={numeric ? 'number' : 'text'}
        aria-label={title}
        value={typeof value === 'string' || typeof value === 'number' ? value : ''}
        onChange={(e) =>
          set(spec.key, numeric && e.target.value !== '' ? Number(e.target.value) : e.target.value)
        }
      />
    );
  };

  return (
    <div className="rule-action">
      <label>
        {t('rules.action.type')}{' '}
        <select
          aria-label={`${name} ${t('rules.action.type')}`}
          value={event.type}
          onChange={(e) => onChange(defaultEvent(e.target.value as ActionType, policy))}
        >
          {ACTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`simulator.actions.${type}`)}
            </option>
          ))}
        </select>
      </label>
      {ACTION_PARAMS[event.type].map((spec) => (
        <label key={spec.key}>
          {spec.kind !== 'message' && <span>{paramWord(spec)} </span>}
          {control(spec)}
        </label>
      ))}
    </div>
  );
}
