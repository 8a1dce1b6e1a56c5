/**
 * The rules section: each rule set (json-rules-engine rules whose events are Kesu's actions) edited
 * rule by rule in the builder, with its JSON as the advanced view and the policy check's problems
 * under it.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { labelText } from '../../i18n/index.ts';
import { useFactCatalogue } from './rule-words.ts';
import { AddByIdForm } from './AddByIdForm.tsx';
import type { SectionProps } from './editor.ts';
import { JsonEditor } from './JsonEditor.tsx';
import { LabelPair } from './LabelPair.tsx';
import { RuleSetBody } from './RuleSetBody.tsx';
import { atPointer, SectionProblems } from './SectionProblems.tsx';

type RuleSet = SectionProps['policy']['ruleSets'][number];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function RulesSection({ policy, update, problemsAt }: SectionProps) {
  const { t, i18n } = useTranslation('policy');
  const ids = policy.ruleSets.map((r) => r.id);
  const catalogue = useFactCatalogue(policy);
  // A problem's link (?at=/ruleSets/2/…) opens the section at that rule set.
  useEffect(() => {
    const index = /^\/ruleSets\/(\d+)/.exec(atPointer())?.[1];
    if (index !== undefined)
      document.getElementById(`policy-ruleset-${index}`)?.scrollIntoView?.({ block: 'start' });
  }, []);
  const accept = (v: unknown) =>
    !isObject(v)
      ? t('jsonEditor.notObject')
      : typeof v.id !== 'string' || !Array.isArray(v.rules)
        ? t('rules.shape')
        : null;

  return (
    <div className="policy-rules">
      <p className="help">{t('rules.help')}</p>
      {policy.ruleSets.map((ruleSet, i) => (
        <section
          key={i}
          id={`policy-ruleset-${i}`}
          className="policy-ruleset"
          aria-label={t('rules.set', { id: ruleSet.id })}
          data-testid={`policy-ruleset-${ruleSet.id}`}
        >
          <h3>
            {labelText(ruleSet.label, i18n.language) ||
              t(ruleSet.table ? 'rules.table.caption' : 'rules.set', { id: '' })}{' '}
            <code>{ruleSet.id}</code>{' '}
            <small className="muted">{t(`rules.on.${ruleSet.on ?? 'intake'}`)}</small>
          </h3>
          {ruleSet.description && (
            <p className="help">{labelText(ruleSet.description, i18n.language)}</p>
          )}
          <label className="policy-ruleset-label">
            {t('rules.setLabel')}{' '}
            <LabelPair
              name={t('rules.setLabel')}
              value={ruleSet.label}
              onChange={(label) =>
                update((draft) => {
                  const target = draft.ruleSets[i];
                  if (!target) return;
                  if (label) target.label = label;
                  else delete target.label;
                })
              }
            />
          </label>
          <RuleSetBody index={i} policy={policy} catalogue={catalogue} update={update} />
          <details className="policy-ruleset-json">
            <summary>{t('rules.advanced')}</summary>
            <JsonEditor
              label={t('rules.json', { id: ruleSet.id })}
              testId={`policy-ruleset-json-${ruleSet.id}`}
              value={ruleSet}
              accept={accept}
              rows={20}
              onApply={(v) => update((draft) => void (draft.ruleSets[i] = v as RuleSet))}
            />
          </details>
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (globalThis.confirm?.(t('rules.confirmRemove', { id: ruleSet.id })))
                update((draft) => void draft.ruleSets.splice(i, 1));
            }}
          >
            {t('rules.remove', { id: ruleSet.id })}
          </button>
          <SectionProblems problems={problemsAt(`/ruleSets/${i}`)} />
        </section>
      ))}
      <AddByIdForm
        label={t('rules.add')}
        idLabel={t('rules.newId')}
        pattern={/^[A-Za-z][A-Za-z0-9_-]*$/}
        taken={ids}
        onAdd={(id) => update((draft) => void draft.ruleSets.push({ id, on: 'intake', rules: [] }))}
      />
      <AddByIdForm
        label={t('rules.table.addTable')}
        idLabel={t('rules.table.newId')}
        pattern={/^[A-Za-z][A-Za-z0-9_-]*$/}
        taken={ids}
        onAdd={(id) =>
          update(
            (draft) =>
              void draft.ruleSets.push({
                id,
                on: 'intake',
                table: { hitPolicy: 'first' },
                rules: [],
              }),
          )
        }
      />
    </div>
  );
}
