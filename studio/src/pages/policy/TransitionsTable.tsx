/** The workflow's transitions as an editable table: from, to, label, roles, stage form, guard. */
import { useTranslation } from 'react-i18next';
import type { Policy, PolicyProblem } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { AddTransitionForm } from './AddTransitionForm.tsx';
import { EffectSelect } from './EffectSelect.tsx';
import { ChipPicker } from './ChipPicker.tsx';
import { conditionText } from './condition-text.ts';
import { conditionSummary } from './rule-summary.ts';
import { useFactCatalogue, useSummaryWords } from './rule-words.ts';
import type { SectionProps } from './editor.ts';
import { SectionProblems } from './SectionProblems.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { GuardCell } from './GuardCell.tsx';

type Workflow = Policy['workflow'];

export function TransitionsTable(props: {
  policy: Policy;
  edit: (change: (w: Workflow) => void) => void;
  problemsAt: SectionProps['problemsAt'];
  /** Removes the transition at the index (the section names what still refers to it). */
  onRemove: (index: number) => void;
  /** A problem in words (removed parts by the names they had). */
  text: (problem: PolicyProblem) => string;
}) {
  const { t, i18n } = useTranslation('policy');
  const { policy, edit } = props;
  const lang = i18n.language;
  const states = Object.entries(policy.workflow.states).map(([id, s]) => ({
    id,
    label: labelText(s.label, lang),
  }));
  const roles = Object.entries(policy.roles).map(([id, r]) => ({
    id,
    label: labelText(r.label, lang),
  }));
  const words = { and: t('workflow.and'), or: t('workflow.or'), not: t('workflow.not') };
  // A guard in words as the rule builder says it ("分类 · 有效性 等于 有效"); the notation where
  // the builder cannot read it.
  const catalogue = useFactCatalogue(policy);
  const summaryWords = useSummaryWords();
  const guardText = (guard: unknown) =>
    conditionSummary(guard, catalogue, summaryWords) ?? conditionText(guard, words);
  const ids = policy.workflow.transitions.map((tr) => tr.id);
  const set = (i: number, change: (tr: Workflow['transitions'][number]) => void) =>
    edit((w) => change(w.transitions[i]!));

  return (
    <>
      <table className="policy-table policy-transitions">
        <TableHead
          columns={[
            t('workflow.transition'),
            t('workflow.from'),
            t('workflow.to'),
            t('workflow.roles'),
            t('workflow.form'),
            t('workflow.guard'),
            '',
          ]}
        />
        <tbody>
          {policy.workflow.transitions.map((tr, i) => {
            const name = labelText(tr.label, lang);
            return (
              <tr key={`${tr.id}-${i}`} data-testid={`policy-transition-${tr.id}`}>
                <td>
                  <input
                    aria-label={t('workflow.labelZhOf', { id: tr.id })}
                    value={tr.label['zh-CN']}
                    onChange={(e) => set(i, (x) => void (x.label['zh-CN'] = e.target.value))}
                  />
                  <input
                    lang="en"
                    aria-label={t('workflow.labelEnOf', { id: tr.id })}
                    placeholder={t('label.enPlaceholder')}
                    value={tr.label.en ?? ''}
                    onChange={(e) =>
                      set(i, (x) => {
                        if (e.target.value) x.label.en = e.target.value;
                        else delete x.label.en;
                      })
                    }
                  />
                  <code className="muted">{tr.id}</code>
                  <EffectSelect
                    name={name}
                    value={tr.effect}
                    onChange={(effect) =>
                      set(i, (x) => {
                        if (effect) x.effect = effect;
                        else delete x.effect;
                      })
                    }
                  />
                  <SectionProblems
                    problems={props.problemsAt(`/workflow/transitions/${i}`)}
                    text={props.text}
                  />
                </td>
                <td>
                  <ChipPicker
                    label={t('workflow.fromOf', { name })}
                    values={tr.from}
                    options={states}
                    onChange={(from) => set(i, (x) => void (x.from = from))}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('workflow.toOf', { name })}
                    value={tr.to ?? ''}
                    onChange={(e) =>
                      set(i, (x) => {
                        if (e.target.value) x.to = e.target.value;
                        else delete x.to;
                      })
                    }
                  >
                    <option value="">{t('workflow.stays')}</option>
                    {states.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <ChipPicker
                    label={t('workflow.rolesOf', { name })}
                    values={tr.roles}
                    options={roles}
                    onChange={(value) => set(i, (x) => void (x.roles = value))}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('workflow.formOf', { name })}
                    value={tr.form ?? ''}
                    onChange={(e) =>
                      set(i, (x) => {
                        if (e.target.value) x.form = e.target.value;
                        else delete x.form;
                      })
                    }
                  >
                    <option value="">{t('workflow.noForm')}</option>
                    {Object.entries(policy.forms)
                      .filter(([id]) => id !== 'intake')
                      .map(([id, f]) => (
                        <option key={id} value={id}>
                          {labelText(f.title, lang)}
                        </option>
                      ))}
                  </select>
                </td>
                <td className="policy-guard-col">
                  <GuardCell
                    text={tr.guard ? guardText(tr.guard) : ''}
                    guard={tr.guard}
                    name={name}
                    onChange={(guard) =>
                      set(i, (x) => {
                        if (guard) x.guard = guard;
                        else delete x.guard;
                      })
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={t('workflow.removeTransition', { name })}
                    data-testid={`remove-transition-${tr.id}`}
                    onClick={() => props.onRemove(i)}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <AddTransitionForm
        states={states}
        roles={roles}
        initial={policy.workflow.initial}
        taken={ids}
        onAdd={(transition) => edit((w) => void w.transitions.push(transition))}
      />
    </>
  );
}
