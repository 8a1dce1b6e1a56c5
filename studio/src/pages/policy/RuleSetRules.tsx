/** A rule set's rules in the builder, one RuleEditor each, with a button that adds a rule. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { defaultEvent, newRuleName } from './rule-actions.ts';
import type { FactField } from './rule-facts.ts';
import { RuleEditor } from './RuleEditor.tsx';

type RuleSet = Policy['ruleSets'][number];
type Rule = RuleSet['rules'][number];

type Props = {
  ruleSet: RuleSet;
  policy: Policy;
  catalogue: FactField[];
  onChange: (rules: Rule[]) => void;
};

export function RuleSetRules({ ruleSet, policy, catalogue, onChange }: Props) {
  const { t } = useTranslation('policy');
  const rules = ruleSet.rules ?? [];
  const [added, setAdded] = useState<number | undefined>(undefined);
  const add = () => {
    setAdded(rules.length);
    const name = newRuleName(rules.map((rule) => rule.name));
    const event = defaultEvent('setCategory', policy);
    onChange([...rules, { name, conditions: { all: [] }, event } as Rule]);
  };
  return (
    <div className="policy-rule-list">
      <h4>{t('rules.names', { count: rules.length })}</h4>
      {rules.map((rule, j) => (
        <RuleEditor
          key={j}
          rule={rule}
          policy={policy}
          catalogue={catalogue}
          onChange={(next) => onChange(rules.map((r, k) => (k === j ? next : r)))}
          onRemove={() => onChange(rules.filter((_, k) => k !== j))}
          initiallyOpen={j === added}
        />
      ))}
      <button type="button" onClick={add}>
        {t('rules.addRule')}
      </button>
    </div>
  );
}
