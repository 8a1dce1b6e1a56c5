/**
 * The workflow section: the states (label, terminal kind, initial) and the transitions (from, to,
 * label, roles, stage form, guard) as editable tables, each added or removed, and the workflow
 * drawn as a diagram. A removal names at once the places that still refer to what was removed.
 */
import { useTranslation } from 'react-i18next';
import type { PolicyProblem } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { AddPartForm } from './AddPartForm.tsx';
import type { SectionProps } from './editor.ts';
import { RemovalNote, useRemoval } from './RemovalNote.tsx';
import { removedPartText, useKnownNames } from './removed-names.ts';
import { SectionProblems } from './SectionProblems.tsx';
import { TransitionsTable } from './TransitionsTable.tsx';
import { WorkflowDiagram } from './WorkflowDiagram.tsx';
import { TableHead } from '../../components/TableHead.tsx';

const TERMINALS = ['closed', 'abnormal', 'invalid', 'withdrawn'] as const;

export function WorkflowSection({ policy, update, problemsAt }: SectionProps) {
  const { t, i18n } = useTranslation('policy');
  const { workflow } = policy;
  const { removal, remove, dismiss } = useRemoval(policy);
  const known = useKnownNames(policy);
  const text = (p: PolicyProblem) => removedPartText(p, policy, known, i18n.language, t);
  type Workflow = typeof workflow;
  const edit = (change: (w: Workflow) => void) => update((draft) => change(draft.workflow));
  const removeState = (id: string, name: string) =>
    remove({ kind: 'state', id }, name || id, () => edit((w) => void delete w.states[id]));
  const removeTransition = (index: number) => {
    const transition = workflow.transitions[index];
    if (!transition) return;
    const name = labelText(transition.label, i18n.language) || transition.id;
    remove({ kind: 'transition', id: transition.id }, name, () =>
      edit((w) => void w.transitions.splice(index, 1)),
    );
  };

  return (
    <div className="policy-workflow">
      <SectionProblems problems={problemsAt('/workflow')} text={text} />
      <RemovalNote removal={removal} onDismiss={dismiss} />
      <section aria-label={t('workflow.diagram')}>
        <h3>{t('workflow.diagram')}</h3>
        <div className="policy-diagram-box">
          <WorkflowDiagram workflow={workflow} />
        </div>
      </section>
      <section aria-label={t('workflow.states')}>
        <h3>{t('workflow.states')}</h3>
        <table className="policy-table">
          <TableHead
            columns={[
              t('workflow.initial'),
              t('workflow.id'),
              t('workflow.labelZh'),
              t('workflow.labelEn'),
              t('workflow.terminalKind'),
              '',
            ]}
          />
          <tbody>
            {Object.entries(workflow.states).map(([id, state]) => {
              const name = labelText(state.label, i18n.language);
              return (
                <tr key={id} data-testid={`policy-state-${id}`}>
                  <td>
                    <input
                      type="radio"
                      name="policy-initial"
                      aria-label={t('workflow.initialOf', { name })}
                      checked={workflow.initial === id}
                      onChange={() => edit((w) => void (w.initial = id))}
                    />
                  </td>
                  <td>
                    <code>{id}</code>
                  </td>
                  <td>
                    <input
                      aria-label={t('workflow.labelZhOf', { id })}
                      value={state.label['zh-CN']}
                      onChange={(e) =>
                        edit((w) => void (w.states[id]!.label['zh-CN'] = e.target.value))
                      }
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('workflow.labelEnOf', { id })}
                      value={state.label.en ?? ''}
                      onChange={(e) =>
                        edit((w) => {
                          const label = w.states[id]!.label;
                          if (e.target.value) label.en = e.target.value;
                          else delete label.en;
                        })
                      }
                    />
                  </td>
                  <td>
                    <select
                      aria-label={t('workflow.terminalOf', { name })}
                      value={state.terminal ?? ''}
                      onChange={(e) =>
                        edit((w) => {
                          const s = w.states[id]!;
                          const value = e.target.value as (typeof TERMINALS)[number] | '';
                          if (value) s.terminal = value;
                          else delete s.terminal;
                        })
                      }
                    >
                      <option value="">{t('workflow.notTerminal')}</option>
                      {TERMINALS.map((k) => (
                        <option key={k} value={k}>
                          {t(`workflow.terminal.${k}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('workflow.removeState', { name })}
                      disabled={workflow.initial === id}
                      data-testid={`remove-state-${id}`}
                      onClick={() => removeState(id, name)}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <AddPartForm
          label={t('workflow.addState')}
          zhLabel={t('workflow.newLabel')}
          enLabel={t('workflow.newLabelEn')}
          idLabel={t('workflow.newId')}
          testId="add-state"
          taken={workflow.states}
          fallback="state"
          onAdd={(id, label) => {
            dismiss();
            edit((w) => void (w.states[id] = { label }));
          }}
        />
      </section>
      <section aria-label={t('workflow.transitions')}>
        <h3>{t('workflow.transitions')}</h3>
        <TransitionsTable
          policy={policy}
          edit={edit}
          problemsAt={problemsAt}
          onRemove={removeTransition}
          text={text}
        />
      </section>
    </div>
  );
}
