/** The case's decisions, each with what it did and why (the rule's conditions, the table row…). */
import { useTranslation } from 'react-i18next';
import type { CaseView, Policy } from '../../api/types.ts';
import { formatTime, labelText } from '../../i18n/index.ts';

type Decision = CaseView['decisions'][number];

/** A rule that fires again after each action records the same decision again: shown once, counted. */
function collapsed(decisions: Decision[]): { decision: Decision; count: number }[] {
  const out: { decision: Decision; count: number; key: string }[] = [];
  for (const decision of decisions) {
    const { source } = decision;
    const key = JSON.stringify([
      decision.action,
      source.kind === 'rule' ? [source.ruleSet, source.rule] : source,
    ]);
    const same = out.find((entry) => entry.key === key);
    if (same) same.count += 1;
    else out.push({ decision, count: 1, key });
  }
  return out;
}

export function CaseDecisions({ policy, decisions }: { policy: Policy; decisions: Decision[] }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const role = (id: string) => labelText(policy.roles[id]?.label, lang) || id;
  const clock = (id: string) => labelText(policy.clocks[id]?.label, lang) || id;
  const what = ({ action }: Decision): string => {
    switch (action.type) {
      case 'setCategory': {
        const dimension = policy.categories[action.params.dimension];
        return t('case.action.setCategory', {
          dimension: labelText(dimension?.label, lang) || action.params.dimension,
          value:
            labelText(dimension?.values[action.params.value]?.label, lang) || action.params.value,
        });
      }
      case 'assign':
        return t('case.action.assign', {
          who:
            [
              action.params.role ? role(action.params.role) : '',
              action.params.department
                ? labelText(policy.departments?.[action.params.department]?.label, lang) ||
                  action.params.department
                : '',
            ]
              .filter((text, index, all) => text && all.indexOf(text) === index)
              .join(' · ') || '—',
        });
      case 'requireApproval':
      case 'notify':
        return t(`case.action.${action.type}`, { role: role(action.params.role) });
      case 'startClock':
      case 'stopClock':
      case 'pauseClock':
      case 'resumeClock':
        return t(`case.action.${action.type}`, { clock: clock(action.params.clock) });
      case 'flag':
        return t('case.action.flag', {
          flag: labelText(action.params.message, lang) || action.params.flag,
        });
      case 'setField':
        return t('case.action.setField', { field: action.params.field });
    }
  };
  const source = ({ source }: Decision): string => {
    switch (source.kind) {
      case 'rule': {
        // Named as the administrator named them: the rule set's label, a decision table's row
        // number, a rule's description; their codes where they have none.
        const set = policy.ruleSets.find((s) => s.id === source.ruleSet);
        const setName = labelText(set?.label, lang) || source.ruleSet;
        const index = set?.rules?.findIndex((r) => r.name === source.rule) ?? -1;
        if (set?.table && index >= 0)
          return t('case.source.tableRow', { table: setName, row: index + 1 });
        const rule = index >= 0 ? set?.rules?.[index] : undefined;
        const ruleName = labelText(rule?.description, lang) || source.rule;
        return t('case.source.rule', { ruleSet: setName, rule: ruleName });
      }
      case 'table':
        return t('case.source.table', { table: source.table });
      default:
        return t(`case.source.${source.kind}`);
    }
  };
  if (decisions.length === 0) return <p className="muted">{t('case.noDecisions')}</p>;
  return (
    <ol className="staff-decisions">
      {collapsed(decisions).map(({ decision, count }, index) => (
        <li key={index} data-testid="decision">
          <div>
            <strong>{what(decision)}</strong>{' '}
            {count > 1 && <span className="badge">{t('case.repeated', { count })}</span>}{' '}
            <span className="muted">
              {source(decision)} · {formatTime(decision.at, lang, policy.timeZone)}
            </span>
          </div>
          {decision.why.length > 0 && (
            <details>
              <summary>{t('case.why')}</summary>
              <pre className="staff-why">{decision.why.join('\n')}</pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
