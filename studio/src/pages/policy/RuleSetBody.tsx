/**
 * A rule set's rules as the studio edits them: a decision table when the rule set is marked as one
 * and its rules are in table form, else rule by rule in the builder (with a note when a table's
 * rules were edited out of table form).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { DecisionTableEditor } from './DecisionTableEditor.tsx';
import { rulesToTable } from './decision-table.ts';
import type { SectionProps } from './editor.ts';
import type { FactField } from './rule-facts.ts';
import { RuleSetRules } from './RuleSetRules.tsx';

type Props = {
  index: number;
  policy: Policy;
  catalogue: FactField[];
  update: SectionProps['update'];
};

export function RuleSetBody({ index, policy, catalogue, update }: Props) {
  const { t } = useTranslation('policy');
  const ruleSet = policy.ruleSets[index] as Policy['ruleSets'][number];
  const hitPolicy = ruleSet.table?.hitPolicy;
  const read = useMemo(
    () => (hitPolicy ? rulesToTable(hitPolicy, ruleSet.rules ?? []) : undefined),
    [hitPolicy, ruleSet.rules],
  );
  const setRules = (rules: Policy['ruleSets'][number]['rules']) =>
    update((draft) => {
      const target = draft.ruleSets[index];
      if (target) target.rules = rules;
    });
  if (read && 'table' in read)
    return (
      <DecisionTableEditor
        id={ruleSet.id}
        table={read.table}
        policy={policy}
        catalogue={catalogue}
        onChange={(table, rules) =>
          update((draft) => {
            const target = draft.ruleSets[index];
            if (!target) return;
            target.rules = rules;
            target.table = { hitPolicy: table.hitPolicy };
          })
        }
      />
    );
  return (
    <>
      {read && (
        <p className="note" role="note">
          {t('rules.table.notTable', { reason: t(`rules.table.refusal.${read.refused}`) })}
        </p>
      )}
      <RuleSetRules ruleSet={ruleSet} policy={policy} catalogue={catalogue} onChange={setRules} />
    </>
  );
}
