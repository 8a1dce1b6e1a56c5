/**
 * One rule in the builder: name, priority, description, its conditions (ConditionBuilder) and its
 * action (ActionEditor). A rule the builder cannot show unchanged is shown read-only, saying why.
 */
import { Suspense, lazy, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { ActionEditor } from './ActionEditor.tsx';
import { Loading } from '../../components/Loading.tsx';
import { conditionText } from './condition-text.ts';
import { useSummaryWords } from './rule-words.ts';
import { actionSummary, conditionSummary } from './rule-summary.ts';
import { LabelPair } from './LabelPair.tsx';
import { isEditableEvent } from './rule-actions.ts';
import type { FactField } from './rule-facts.ts';
import { conditionsToTree } from './rule-tree.ts';

// react-querybuilder (with its Redux store) loads when a rule is first opened, not with the editor.
const ConditionBuilder = lazy(async () => ({
  default: (await import('./ConditionBuilder.tsx')).ConditionBuilder,
}));

type Rule = Policy['ruleSets'][number]['rules'][number];

type Props = {
  rule: Rule;
  policy: Policy;
  catalogue: FactField[];
  onChange: (rule: Rule) => void;
  onRemove: () => void;
  /** Open in the builder from the start (a rule just added). */
  initiallyOpen?: boolean;
};

/**
 * Rules are listed closed, as a line of words, and opened one by one: a policy has dozens of rules,
 * and a builder each would make every edit re-render them all.
 */
export function RuleEditor({ rule, policy, catalogue, onChange, onRemove, initiallyOpen }: Props) {
  const { t, i18n } = useTranslation('policy');
  const [open, setOpen] = useState(initiallyOpen ?? false);
  const converted = useMemo(() => conditionsToTree(rule.conditions), [rule.conditions]);
  const event = rule.event as unknown;
  const title = t('rules.rule', { name: rule.name });
  const words = useSummaryWords();

  const summary = (
    <p className="rule-summary">
      {t('rules.builder.whenLead')}
      {conditionSummary(rule.conditions, catalogue, words) ?? (
        <code>{conditionText(rule.conditions, words)}</code>
      )}
      {' → '}
      {actionSummary(rule.event, policy, i18n.language, words)}
    </p>
  );
  const heading = (
    <h4>
      {t('rules.rule', { name: '' })}
      <code>{rule.name}</code>
      {rule.priority !== undefined && (
        <small className="muted"> · {t('rules.priority', { n: rule.priority })}</small>
      )}
    </h4>
  );

  if ('refused' in converted || !isEditableEvent(event)) {
    const reason = 'refused' in converted ? converted.refused : 'event';
    return (
      <section className="rule-card rule-card-readonly" aria-label={title}>
        {heading}
        {rule.description && <p className="help">{labelText(rule.description, i18n.language)}</p>}
        {summary}
        <p className="note" role="note">
          {t('rules.readOnly', { reason: t(`rules.refusal.${reason}`) })}
        </p>
      </section>
    );
  }

  const toggle = (
    <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
      {t(open ? 'rules.close' : 'rules.edit', { name: rule.name })}
    </button>
  );
  if (!open)
    return (
      <section className="rule-card" aria-label={title}>
        {heading}
        {rule.description && <p className="help">{labelText(rule.description, i18n.language)}</p>}
        {summary}
        {toggle}
      </section>
    );

  return (
    <section className="rule-card rule-card-open" aria-label={title}>
      {heading}
      {toggle}
      <div className="rule-card-head">
        <label>
          {t('rules.ruleName')}{' '}
          <input
            type="text"
            value={rule.name}
            onChange={(e) => onChange({ ...rule, name: e.target.value })}
          />
        </label>
        <label>
          {t('rules.rulePriority')}{' '}
          <input
            type="number"
            min={1}
            step={1}
            value={rule.priority ?? ''}
            onChange={(e) => {
              const next = { ...rule };
              const n = Number.parseInt(e.target.value, 10);
              if (Number.isInteger(n) && n >= 1) next.priority = n;
              else delete next.priority;
              onChange(next);
            }}
          />
        </label>
        <label>
          {t('rules.ruleDescription')}{' '}
          <LabelPair
            name={`${rule.name} ${t('rules.ruleDescription')}`}
            value={rule.description}
            onChange={(label) => {
              const next = { ...rule };
              if (label) next.description = label;
              else delete next.description;
              onChange(next);
            }}
          />
        </label>
      </div>
      <h5>{t('rules.when')}</h5>
      <Suspense fallback={<Loading />}>
        <ConditionBuilder
          tree={converted.tree}
          catalogue={catalogue}
          label={`${rule.name} ${t('rules.when')}`}
          onChange={(conditions) => onChange({ ...rule, conditions } as Rule)}
        />
      </Suspense>
      <h5>{t('rules.then')}</h5>
      <ActionEditor
        name={rule.name}
        event={event}
        policy={policy}
        catalogue={catalogue}
        onChange={(next) => onChange({ ...rule, event: next } as Rule)}
      />
      <button type="button" className="danger" onClick={onRemove}>
        {t('rules.removeRule', { name: rule.name })}
      </button>
    </section>
  );
}
