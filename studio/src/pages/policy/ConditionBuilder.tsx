/**
 * A rule's conditions edited with react-querybuilder: fields are the policy's facts (rule-facts.ts),
 * operators those that fit the field's type, groups all/any nested, `not` on a group. Each change
 * is written back as json-rules-engine conditions (rule-tree.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryBuilder, type Field, type RuleGroupType, type RuleType } from 'react-querybuilder';
import { ConditionValueEditor } from './ConditionValueEditor.tsx';
import { BUILDER_OPERATORS, OPERATORS_BY_KIND, type FactField } from './rule-facts.ts';
import { treeToConditions, type BuilderGroup } from './rule-tree.ts';

type Props = {
  tree: BuilderGroup;
  catalogue: FactField[];
  onChange: (conditions: Record<string, unknown>) => void;
  /** What the builder belongs to, for its region's name. */
  label: string;
};

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields a tree names that the catalogue lacks, so that the builder still shows them. */
function fieldsIn(tree: BuilderGroup, into: Set<string> = new Set()): Set<string> {
  for (const node of tree.rules) {
    if ('rules' in node) fieldsIn(node, into);
    else into.add(node.field);
  }
  return into;
}

function defaultValue(field: FactField | undefined, operator: string): unknown {
  if (operator === 'in' || operator === 'notIn') return [];
  if (!field) return '';
  if (field.kind === 'number') return 0;
  if (field.kind === 'boolean') return true;
  if (field.kind === 'enum') return field.options[0]?.value ?? '';
  return '';
}

export function ConditionBuilder({ tree, catalogue, onChange, label }: Props) {
  const { t } = useTranslation('policy');
  const [query, setQuery] = useState<RuleGroupType>(tree as RuleGroupType);
  // Follow changes made elsewhere (the JSON view) unless the builder already says the same.
  useEffect(() => {
    setQuery((current) =>
      sameJson(treeToConditions(current as BuilderGroup), treeToConditions(tree))
        ? current
        : (tree as RuleGroupType),
    );
  }, [tree]);

  const byName = useMemo(() => new Map(catalogue.map((f) => [f.name, f])), [catalogue]);
  const fields = useMemo(() => {
    const groups = new Map<string, Field[]>();
    const add = (group: string, field: Field) =>
      groups.set(group, [...(groups.get(group) ?? []), field]);
    for (const fact of catalogue) add(fact.group, { name: fact.name, label: fact.label, fact });
    for (const name of fieldsIn(tree))
      if (!byName.has(name))
        add('—', { name, label: t('rules.builder.unknownField', { name }), fact: undefined });
    return [...groups].map(([group, options]) => ({ label: group, options }));
  }, [catalogue, byName, tree, t]);

  const operatorsFor = (field: string) => {
    const kind = byName.get(field)?.kind;
    const names = kind ? OPERATORS_BY_KIND[kind] : BUILDER_OPERATORS;
    return names.map((name) => ({ name, label: t(`rules.builder.operators.${name}`) }));
  };

  const translations = {
    fields: { title: t('rules.builder.field') },
    operators: { title: t('rules.builder.operator') },
    value: { title: t('rules.builder.value') },
    combinators: { title: t('rules.builder.combinator') },
    addRule: {
      label: t('rules.builder.addCondition'),
      title: t('rules.builder.addConditionTitle'),
    },
    addGroup: { label: t('rules.builder.addGroup'), title: t('rules.builder.addGroupTitle') },
    removeRule: { label: '×', title: t('rules.builder.removeCondition') },
    removeGroup: { label: '×', title: t('rules.builder.removeGroup') },
    notToggle: { label: t('rules.builder.not'), title: t('rules.builder.notTitle') },
  };

  return (
    <div className="rule-builder" role="group" aria-label={label}>
      <QueryBuilder
        query={query}
        fields={fields}
        combinators={[
          { name: 'and', label: t('rules.builder.and') },
          { name: 'or', label: t('rules.builder.or') },
        ]}
        getOperators={operatorsFor}
        getDefaultValue={(rule: RuleType) => defaultValue(byName.get(rule.field), rule.operator)}
        resetOnOperatorChange
        showNotToggle
        translations={translations}
        controlElements={{ valueEditor: ConditionValueEditor }}
        onQueryChange={(next) => {
          setQuery(next);
          const conditions = treeToConditions(next as BuilderGroup);
          if (!sameJson(conditions, treeToConditions(tree))) onChange(conditions);
        }}
      />
    </div>
  );
}
