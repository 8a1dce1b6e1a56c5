/**
 * 核决权限: the approval matrix as a table (category conditions, amount band, approver chain), the
 * roles' authority limits, the check's problems in place, and an "amount → chain" preview.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy, PolicyProblem } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { pathQuery, usePath } from '../../router.ts';
import { resolveApprovers } from '@domain/approvals';
import { CategoryMatchEditor } from './CategoryMatchEditor.tsx';
import type { SectionProps } from './editor.ts';
import { LabelPair } from './LabelPair.tsx';
import { ProblemsHere } from './ProblemsHere.tsx';
import { approvalProblemText } from './approval-problem-text.ts';
import { formatYuan, parseYuan, YuanInput } from './YuanInput.tsx';

type Row = Policy['approvals']['rows'][number];

function newRowId(rows: Row[]): string {
  let n = rows.length + 1;
  while (rows.some((r) => r.id === `band${n}`)) n += 1;
  return `band${n}`;
}

export function ApprovalsSection({ policy, update, problems, problemsAt }: SectionProps) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const at = pathQuery(usePath()).get('at') ?? '';
  const rows = policy.approvals.rows;
  const roleName = (role: string) => labelText(policy.roles[role]?.label, lang) || role;
  const text = (p: PolicyProblem) => approvalProblemText(p, policy, lang, t);
  const focusedRow = /^\/approvals\/rows\/(\d+)/.exec(at)?.[1];
  const focusedRole = /^\/roles\/([^/]+)/.exec(at)?.[1];

  useEffect(() => {
    const target = document.querySelector('.policy-a-focus');
    if (target && 'scrollIntoView' in target) target.scrollIntoView({ block: 'center' });
  }, [at]);

  const setRow = (index: number, change: (row: Row) => void) =>
    update((draft) => {
      const row = draft.approvals.rows[index];
      if (row) change(row);
    });
  const gaps = problems.filter((p) => p.path === '/approvals/rows' || p.path === '/approvals');
  const lastMax = rows.reduce<number | undefined>(
    (top, r) => (r.max === undefined ? top : Math.max(top ?? 0, r.max)),
    undefined,
  );

  return (
    <div className="policy-approvals">
      <h2>{t('approvals.title')}</h2>
      <p className="help">{t('approvals.intro', { currency: policy.approvals.currency })}</p>
      {gaps.length > 0 && (
        <div className="policy-a-alert" role="alert" data-testid="approval-gaps">
          <ProblemsHere problems={gaps} text={text} />
          <QuickFixes policy={policy} problems={gaps} update={update} />
        </div>
      )}
      <table className="policy-table" data-testid="approval-matrix">
        <caption>{t('approvals.matrix')}</caption>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('approvals.when')}</th>
            <th>{t('approvals.min')}</th>
            <th>{t('approvals.max')}</th>
            <th>{t('approvals.chain')}</th>
            <th>{t('approvals.note')}</th>
            <th>{t('approvals.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const here = problemsAt(`/approvals/rows/${index}`);
            const n = index + 1;
            const classes = [
              here.length ? 'has-problem' : '',
              focusedRow === String(index) ? 'policy-a-focus' : '',
            ].join(' ');
            return [
              <tr
                key={`${row.id}-${index}`}
                className={classes.trim() || undefined}
                data-testid={`approval-row-${index}`}
                aria-invalid={here.length > 0}
              >
                <td>{n}</td>
                <td>
                  <CategoryMatchEditor
                    policy={policy}
                    value={row.when}
                    name={t('approvals.rowName', { n })}
                    onChange={(when) =>
                      setRow(index, (r) => {
                        if (when) r.when = when;
                        else delete r.when;
                      })
                    }
                  />
                </td>
                <td>
                  <YuanInput
                    label={t('approvals.minOf', { n })}
                    testId={`approval-row-${index}-min`}
                    value={row.min}
                    invalid={problemsAt(`/approvals/rows/${index}/min`).length > 0}
                    onChange={(amount) => setRow(index, (r) => void (r.min = amount ?? 0))}
                  />
                </td>
                <td>
                  <YuanInput
                    label={t('approvals.maxOf', { n })}
                    testId={`approval-row-${index}-max`}
                    value={row.max}
                    allowEmpty
                    emptyText={t('approvals.noMax')}
                    invalid={problemsAt(`/approvals/rows/${index}/max`).length > 0}
                    onChange={(amount) =>
                      setRow(index, (r) => {
                        if (amount === undefined) delete r.max;
                        else r.max = amount;
                      })
                    }
                  />
                </td>
                <td>
                  <ChainEditor
                    policy={policy}
                    chain={row.chain}
                    name={t('approvals.rowName', { n })}
                    onChange={(chain) => setRow(index, (r) => void (r.chain = chain))}
                    roleName={roleName}
                    badIndex={
                      new Set(
                        problemsAt(`/approvals/rows/${index}/chain`).map((p) =>
                          Number(p.path.split('/')[5]),
                        ),
                      )
                    }
                  />
                </td>
                <td>
                  <LabelPair
                    value={row.note}
                    name={t('approvals.rowName', { n })}
                    onChange={(note) =>
                      setRow(index, (r) => {
                        if (note) r.note = note;
                        else delete r.note;
                      })
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="danger-link"
                    aria-label={t('approvals.removeRow', { n })}
                    onClick={() => update((d) => void d.approvals.rows.splice(index, 1))}
                  >
                    {t('edit.remove')}
                  </button>
                </td>
              </tr>,
              here.length > 0 && (
                <tr key={`${row.id}-${index}-problems`} className="has-problem problem-row">
                  <td />
                  <td colSpan={6}>
                    <ProblemsHere
                      problems={here}
                      text={text}
                      testId={`approval-row-${index}-problems`}
                    />
                    <QuickFixes policy={policy} problems={here} update={update} />
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
      <div className="toolbar">
        <button
          type="button"
          onClick={() =>
            update((d) => {
              const id = newRowId(d.approvals.rows);
              const last = d.approvals.rows[d.approvals.rows.length - 1];
              d.approvals.rows.push({ id, min: lastMax ?? 0, chain: last ? [...last.chain] : [] });
            })
          }
        >
          {t('approvals.addRow')}
        </button>
      </div>

      <RoleLimits
        policy={policy}
        update={update}
        problemsAt={problemsAt}
        focusedRole={focusedRole}
      />
      <ChainPreview policy={policy} roleName={roleName} />
    </div>
  );
}

type Fix = { label: string; apply: (draft: Policy) => void };

/**
 * One-click repairs for the usual consequences of moving a limit: the next band's lower bound (an
 * overlap or a gap) and the deciding role's authority (too low for the band).
 */
function fixesFor(
  problem: PolicyProblem,
  policy: Policy,
  lang: string,
  t: ReturnType<typeof useTranslation<'policy'>>['t'],
): Fix[] {
  const p = problem.params ?? {};
  const rows = policy.approvals.rows;
  const yuan = (v: number) => formatYuan(v, lang);
  const at = /^\/approvals\/rows\/(\d+)/.exec(problem.path);
  const index = at ? Number(at[1]) : -1;
  if (problem.code === 'band_overlap') {
    const other = rows.find((r) => r.id === p.other);
    if (other?.max === undefined || index < 0) return [];
    const to = other.max;
    return [
      {
        label: t('approvals.fixMin', { n: index + 1, amount: yuan(to) }),
        apply: (d) => {
          const row = d.approvals.rows[index];
          if (row) row.min = to;
        },
      },
    ];
  }
  if (problem.code === 'band_gap' && typeof p.from === 'number' && typeof p.to === 'number') {
    const from = p.from;
    const next = rows.findIndex((r) => r.min === p.to);
    if (next < 0) return [];
    return [
      {
        label: t('approvals.fixMin', { n: next + 1, amount: yuan(from) }),
        apply: (d) => {
          const row = d.approvals.rows[next];
          if (row) row.min = from;
        },
      },
    ];
  }
  if (
    problem.code === 'authority_too_low' &&
    typeof p.max === 'number' &&
    typeof p.role === 'string'
  ) {
    const role = p.role;
    const max = p.max;
    return [
      {
        label: t('approvals.fixLimit', {
          role: labelText(policy.roles[role]?.label, lang) || role,
          amount: yuan(max),
        }),
        apply: (d) => {
          const definition = d.roles[role];
          if (definition) definition.authorityLimit = max;
        },
      },
    ];
  }
  return [];
}

function QuickFixes({
  policy,
  problems,
  update,
}: {
  policy: Policy;
  problems: PolicyProblem[];
  update: SectionProps['update'];
}) {
  const { t, i18n } = useTranslation('policy');
  const fixes = problems.flatMap((p) => fixesFor(p, policy, i18n.language, t));
  if (fixes.length === 0) return null;
  return (
    <div className="toolbar quick-fixes">
      {fixes.map((fix) => (
        <button key={fix.label} type="button" onClick={() => update(fix.apply)}>
          {fix.label}
        </button>
      ))}
    </div>
  );
}

function ChainEditor({
  policy,
  chain,
  onChange,
  name,
  roleName,
  badIndex,
}: {
  policy: Policy;
  chain: string[];
  onChange: (chain: string[]) => void;
  name: string;
  roleName: (role: string) => string;
  badIndex: Set<number>;
}) {
  const { t } = useTranslation('policy');
  const move = (from: number, to: number) => {
    const next = [...chain];
    const [item] = next.splice(from, 1);
    if (item !== undefined) next.splice(to, 0, item);
    onChange(next);
  };
  return (
    <div className="chain-editor">
      <ol aria-label={t('approvals.chainOf', { name })}>
        {chain.map((role, i) => (
          <li key={`${role}-${i}`} className={badIndex.has(i) ? 'has-problem' : undefined}>
            <span className="chain-role">{roleName(role)}</span>
            {i === chain.length - 1 && <small className="muted"> {t('approvals.decides')}</small>}
            <span className="chain-buttons">
              <button
                type="button"
                disabled={i === 0}
                aria-label={t('approvals.moveUp', { role: roleName(role) })}
                onClick={() => move(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={i === chain.length - 1}
                aria-label={t('approvals.moveDown', { role: roleName(role) })}
                onClick={() => move(i, i + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={t('approvals.removeRole', { role: roleName(role) })}
                onClick={() => onChange(chain.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      <select
        aria-label={t('approvals.addApprover', { name })}
        value=""
        onChange={(e) => e.target.value && onChange([...chain, e.target.value])}
      >
        <option value="">{t('approvals.addApproverOption')}</option>
        {Object.keys(policy.roles)
          .filter((role) => !chain.includes(role))
          .map((role) => (
            <option key={role} value={role}>
              {roleName(role)}
            </option>
          ))}
      </select>
    </div>
  );
}

function RoleLimits({
  policy,
  update,
  problemsAt,
  focusedRole,
}: Pick<SectionProps, 'policy' | 'update' | 'problemsAt'> & { focusedRole?: string }) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const inChains = new Set(policy.approvals.rows.flatMap((r) => r.chain));
  const roles = Object.entries(policy.roles).filter(
    ([id, role]) => role.authorityLimit !== undefined || inChains.has(id),
  );
  const others = Object.entries(policy.roles).filter(([id]) => !roles.some(([r]) => r === id));
  return (
    <section className="policy-a-block">
      <h3>{t('approvals.limitsTitle')}</h3>
      <p className="help">{t('approvals.limitsIntro')}</p>
      <table className="policy-table" data-testid="role-limits">
        <thead>
          <tr>
            <th>{t('approvals.role')}</th>
            <th>{t('approvals.limit')}</th>
            <th>{t('approvals.usedIn')}</th>
          </tr>
        </thead>
        <tbody>
          {roles.map(([id, role]) => {
            const here = problemsAt(`/roles/${id}`);
            const used = policy.approvals.rows
              .map((r, i) => (r.chain.includes(id) ? i + 1 : 0))
              .filter(Boolean);
            const name = labelText(role.label, lang) || id;
            return (
              <tr
                key={id}
                data-testid={`role-limit-row-${id}`}
                className={
                  [here.length ? 'has-problem' : '', focusedRole === id ? 'policy-a-focus' : '']
                    .join(' ')
                    .trim() || undefined
                }
              >
                <th scope="row">{name}</th>
                <td>
                  <YuanInput
                    label={t('approvals.limitOf', { role: name })}
                    testId={`role-limit-${id}`}
                    value={role.authorityLimit}
                    allowEmpty
                    emptyText={t('approvals.unlimited')}
                    onChange={(amount) =>
                      update((d) => {
                        const r = d.roles[id];
                        if (!r) return;
                        if (amount === undefined) delete r.authorityLimit;
                        else r.authorityLimit = amount;
                      })
                    }
                  />
                  <ProblemsHere problems={here} />
                </td>
                <td>
                  {used.length
                    ? t('approvals.rows', { rows: used.join(lang === 'en' ? ', ' : '、') })
                    : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {others.length > 0 && (
        <label className="inline">
          {t('approvals.giveLimit')}{' '}
          <select
            value=""
            onChange={(e) => {
              const id = e.target.value;
              if (id) update((d) => void (d.roles[id] && (d.roles[id].authorityLimit = 0)));
            }}
          >
            <option value="">{t('approvals.pickRole')}</option>
            {others.map(([id, role]) => (
              <option key={id} value={id}>
                {labelText(role.label, lang) || id}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}

function ChainPreview({
  policy,
  roleName,
}: {
  policy: Policy;
  roleName: (role: string) => string;
}) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const [amountText, setAmountText] = useState('1500');
  const dimensions = [
    ...new Set(policy.approvals.rows.flatMap((r) => Object.keys(r.when ?? {}))),
  ].filter((d) => policy.categories[d]);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const amount = parseYuan(amountText);
  const categories: Record<string, string> = {};
  for (const d of dimensions) {
    const definition = policy.categories[d];
    const value = chosen[d] ?? definition?.default ?? Object.keys(definition?.values ?? {})[0];
    if (value) categories[d] = value;
  }
  let result: { text: string; ok: boolean } | null = null;
  if (typeof amount === 'number') {
    try {
      const { row, chain } = resolveApprovers(policy, amount, categories);
      const index = policy.approvals.rows.indexOf(row) + 1;
      result = {
        ok: true,
        text: t('preview.chain', {
          amount: formatYuan(amount, lang),
          chain: chain.map(roleName).join(' → ') || t('preview.nobody'),
          n: index,
        }),
      };
    } catch {
      result = { ok: false, text: t('preview.noRow', { amount: formatYuan(amount, lang) }) };
    }
  }
  return (
    <section className="policy-a-block" aria-labelledby="approvals-preview-title">
      <h3 id="approvals-preview-title">{t('preview.title')}</h3>
      <div className="toolbar">
        <label>
          {t('preview.amount')}{' '}
          <input
            type="text"
            inputMode="decimal"
            data-testid="approval-preview-amount"
            value={amountText}
            onChange={(e) => setAmountText(e.target.value)}
          />
        </label>
        {dimensions.map((d) => {
          const definition = policy.categories[d];
          if (!definition) return null;
          return (
            <label key={d}>
              {labelText(definition.label, lang)}{' '}
              <select
                value={categories[d] ?? ''}
                onChange={(e) => setChosen({ ...chosen, [d]: e.target.value })}
              >
                {Object.entries(definition.values).map(([id, v]) => (
                  <option key={id} value={id}>
                    {labelText(v.label, lang)}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
      <p
        role="status"
        data-testid="approval-preview-result"
        className={result && !result.ok ? 'field-error' : 'preview-result'}
      >
        {amount === null ? t('amount.invalid') : (result?.text ?? '')}
      </p>
    </section>
  );
}
