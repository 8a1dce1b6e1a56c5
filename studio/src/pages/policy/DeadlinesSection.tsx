/**
 * Deadlines (时限): the clocks (duration, working or calendar time, calendar, start and stop, warning
 * and escalation levels in words) and the duration tables (category conditions → duration).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { CategoryMatchEditor } from './CategoryMatchEditor.tsx';
import type { SectionProps } from './editor.ts';
import { LabelPair } from './LabelPair.tsx';
import { ProblemsHere } from './ProblemsHere.tsx';

type Clock = Policy['clocks'][string];
type Duration = { amount: number; unit: Unit };
type Unit = 'minutes' | 'hours' | 'days' | 'workingMinutes' | 'workingHours' | 'workingDays';
type Base = 'minutes' | 'hours' | 'days';
type Trigger = Clock['start'][number];
type Level = NonNullable<Clock['warnings']>[number];

const BASES: Base[] = ['minutes', 'hours', 'days'];

function split(unit: Unit): { base: Base; working: boolean } {
  const working = unit.startsWith('working');
  const base = (working ? unit.slice(7).toLowerCase() : unit) as Base;
  return { base, working };
}

function join(base: Base, working: boolean): Unit {
  return (working ? `working${base[0]?.toUpperCase()}${base.slice(1)}` : base) as Unit;
}

/** A duration's amount: typed freely, reported when it is a number of zero or more. */
function AmountInput({
  value,
  onChange,
  label,
  testId,
}: {
  value: number;
  onChange: (amount: number) => void;
  label: string;
  testId?: string;
}) {
  const [text, setText] = useState(String(value));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(String(value));
  }, [value, focused]);
  const amount = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(amount) && amount >= 0;
  return (
    <input
      type="number"
      min={0}
      step="any"
      className="narrow"
      aria-label={label}
      aria-invalid={!valid}
      data-testid={testId}
      value={text}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onChange={(e) => {
        setText(e.target.value);
        const next = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(next) && next >= 0 && next !== value)
          onChange(next);
      }}
    />
  );
}

/** When a warning or escalation level fires: a share of the duration, or a time past due. */
function LevelTiming({
  level,
  name,
  onChange,
}: {
  level: Level;
  name: string;
  onChange: (change: (level: Level) => void) => void;
}) {
  const { t } = useTranslation('policy');
  if (level.atFraction === undefined && !level.after) return null;
  return (
    <details className="level-timing">
      <summary aria-label={t('deadlines.adjustOf', { name })}>{t('deadlines.adjust')}</summary>
      {level.atFraction !== undefined && (
        <label>
          {t('deadlines.percentLabel')}{' '}
          <AmountInput
            value={Math.round(level.atFraction * 100)}
            label={t('deadlines.percentOf', { name })}
            onChange={(percent) =>
              onChange((l) => void (l.atFraction = Math.min(100, percent) / 100))
            }
          />{' '}
          %
        </label>
      )}
      {level.after && (
        <DurationInput
          value={level.after as Duration}
          name={name}
          onChange={(after) => onChange((l) => void (l.after = after))}
        />
      )}
    </details>
  );
}

/** Amount, unit and working/calendar time of a duration. */
function DurationInput({
  value,
  onChange,
  name,
  testId,
}: {
  value: Duration;
  onChange: (d: Duration) => void;
  name: string;
  testId?: string;
}) {
  const { t } = useTranslation('policy');
  const { base, working } = split(value.unit);
  return (
    <span className="duration-input">
      <AmountInput
        value={value.amount}
        label={t('deadlines.amountOf', { name })}
        testId={testId ? `${testId}-amount` : undefined}
        onChange={(amount) => onChange({ ...value, amount })}
      />
      <select
        aria-label={t('deadlines.unitOf', { name })}
        value={base}
        onChange={(e) => onChange({ ...value, unit: join(e.target.value as Base, working) })}
      >
        {BASES.map((b) => (
          <option key={b} value={b}>
            {t(`deadlines.units.${b}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('deadlines.timeKindOf', { name })}
        value={working ? 'working' : 'calendar'}
        onChange={(e) => onChange({ ...value, unit: join(base, e.target.value === 'working') })}
      >
        <option value="working">{t('deadlines.working')}</option>
        <option value="calendar">{t('deadlines.calendar')}</option>
      </select>
    </span>
  );
}

/** "3 个工作日" / "7 天（日历时间）". */
export function describeDuration(d: Duration, t: (key: string, o?: object) => string): string {
  const { base, working } = split(d.unit);
  return t(working ? 'deadlines.durationWorking' : 'deadlines.durationCalendar', {
    amount: d.amount,
    unit: t(working ? `deadlines.workingUnits.${base}` : `deadlines.units.${base}`),
  });
}

export function DeadlinesSection({ policy, update, problemsAt }: SectionProps) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const tr = t as unknown as (key: string, o?: object) => string;
  const transitionName = (id: string) =>
    labelText(policy.workflow.transitions.find((x) => x.id === id)?.label, lang) || id;
  const stateName = (id: string) => labelText(policy.workflow.states[id]?.label, lang) || id;
  const roleName = (id: string) => labelText(policy.roles[id]?.label, lang) || id;
  const trigger = (x: Trigger) =>
    'event' in x
      ? t('deadlines.onOpened')
      : 'transition' in x
        ? t('deadlines.onTransition', { name: transitionName(x.transition) })
        : t('deadlines.onState', { name: stateName(x.enterState) });
  const level = (l: Level, kind: 'warning' | 'escalation') => {
    const when =
      l.atFraction !== undefined
        ? t('deadlines.atFraction', { percent: Math.round(l.atFraction * 100) })
        : l.after
          ? t('deadlines.after', { duration: describeDuration(l.after as Duration, tr) })
          : kind === 'escalation'
            ? t('deadlines.atDue')
            : '';
    const actions = l.actions
      .map((a) =>
        a.type === 'remind'
          ? t('deadlines.remind', { message: labelText(a.message, lang) })
          : a.type === 'notify'
            ? t('deadlines.notify', { role: roleName(a.role) })
            : a.type === 'reassign'
              ? t('deadlines.reassign', { role: roleName(a.role) })
              : t('deadlines.raiseSeverity', {
                  dimension: labelText(policy.categories[a.dimension]?.label, lang) || a.dimension,
                }),
      )
      .join('；');
    return t(kind === 'warning' ? 'deadlines.warningLevel' : 'deadlines.escalationLevel', {
      level: l.level,
      when,
      actions,
    });
  };
  const setClock = (id: string, change: (c: Clock) => void) =>
    update((d) => {
      const c = d.clocks[id];
      if (c) change(c);
    });
  const tables = Object.keys(policy.durationTables ?? {});

  return (
    <div className="policy-deadlines">
      <h2>{t('deadlines.title')}</h2>
      <p className="help">{t('deadlines.intro')}</p>
      <table className="policy-table" data-testid="clocks">
        <caption>{t('deadlines.clocks')}</caption>
        <thead>
          <tr>
            <th>{t('deadlines.clock')}</th>
            <th>{t('deadlines.duration')}</th>
            <th>{t('deadlines.calendarUsed')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(policy.clocks).map(([id, clock]) => {
            const name = labelText(clock.label, lang) || id;
            const here = problemsAt(`/clocks/${id}`);
            const byTable = 'table' in clock.duration;
            return [
              <tr
                key={id}
                data-testid={`clock-${id}`}
                className={here.length ? 'has-problem' : undefined}
              >
                <th scope="row">
                  <LabelPair
                    value={clock.label}
                    name={name}
                    onChange={(label) =>
                      setClock(id, (c) => void (c.label = label ?? { 'zh-CN': '' }))
                    }
                  />
                  <ProblemsHere problems={here} />
                </th>
                <td>
                  {tables.length > 0 && (
                    <select
                      aria-label={t('deadlines.durationKindOf', { name })}
                      value={
                        byTable ? `table:${(clock.duration as { table: string }).table}` : 'fixed'
                      }
                      onChange={(e) => {
                        const v = e.target.value;
                        setClock(id, (c) => {
                          c.duration = v.startsWith('table:')
                            ? { table: v.slice(6) }
                            : { amount: 1, unit: 'workingDays' };
                        });
                      }}
                    >
                      <option value="fixed">{t('deadlines.fixed')}</option>
                      {tables.map((table) => (
                        <option key={table} value={`table:${table}`}>
                          {t('deadlines.byTable', {
                            name: labelText(policy.durationTables?.[table]?.label, lang) || table,
                          })}
                        </option>
                      ))}
                    </select>
                  )}
                  {!byTable && (
                    <DurationInput
                      value={clock.duration as Duration}
                      name={name}
                      testId={`clock-${id}-duration`}
                      onChange={(duration) => setClock(id, (c) => void (c.duration = duration))}
                    />
                  )}
                </td>
                <td>
                  <select
                    aria-label={t('deadlines.calendarOf', { name })}
                    value={clock.calendar}
                    onChange={(e) => {
                      const calendar = e.target.value;
                      setClock(id, (c) => void (c.calendar = calendar));
                    }}
                  >
                    {!policy.calendars[clock.calendar] && (
                      <option value={clock.calendar}>{clock.calendar}</option>
                    )}
                    {Object.entries(policy.calendars).map(([cid, cal]) => (
                      <option key={cid} value={cid}>
                        {labelText(cal.label, lang) || cid}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>,
              <tr
                key={`${id}-details`}
                className={here.length ? 'has-problem clock-row2' : 'clock-row2'}
              >
                <td colSpan={3}>
                  <div className="clock-details">
                    <div>
                      <h4>{t('deadlines.startStop')}</h4>
                      <div>
                        <strong>{t('deadlines.start')}</strong>{' '}
                        {clock.start.length
                          ? clock.start.map(trigger).join(t('deadlines.or'))
                          : t('deadlines.byRule')}
                      </div>
                      <div>
                        <strong>{t('deadlines.stop')}</strong>{' '}
                        {clock.stop.map(trigger).join(t('deadlines.or')) || '—'}
                      </div>
                      {clock.pauseIn?.length ? (
                        <div>
                          <strong>{t('deadlines.pause')}</strong>{' '}
                          {clock.pauseIn.map(stateName).join('、')}
                        </div>
                      ) : null}
                    </div>
                    <div>
                      <h4>{t('deadlines.levels')}</h4>
                      <ul className="plain">
                        {(clock.warnings ?? []).map((l, i) => (
                          <li key={`w${i}`}>
                            {level(l, 'warning')}
                            <LevelTiming
                              level={l}
                              name={t('deadlines.levelName', {
                                clock: name,
                                kind: t('deadlines.warning'),
                                level: l.level,
                              })}
                              onChange={(change) =>
                                setClock(id, (c) => {
                                  const target = c.warnings?.[i];
                                  if (target) change(target);
                                })
                              }
                            />
                          </li>
                        ))}
                        {(clock.escalations ?? []).map((l, i) => (
                          <li key={`e${i}`}>
                            {level(l, 'escalation')}
                            <LevelTiming
                              level={l}
                              name={t('deadlines.levelName', {
                                clock: name,
                                kind: t('deadlines.escalation'),
                                level: l.level,
                              })}
                              onChange={(change) =>
                                setClock(id, (c) => {
                                  const target = c.escalations?.[i];
                                  if (target) change(target);
                                })
                              }
                            />
                          </li>
                        ))}
                      </ul>
                    </div>
                  </div>
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>

      {Object.entries(policy.durationTables ?? {}).map(([tableId, table]) => {
        const name = labelText(table.label, lang) || tableId;
        return (
          <section
            key={tableId}
            className="policy-a-block"
            data-testid={`duration-table-${tableId}`}
          >
            <h3>{name}</h3>
            <table className="policy-table">
              <thead>
                <tr>
                  <th>{t('approvals.when')}</th>
                  <th>{t('deadlines.duration')}</th>
                  <th>{t('approvals.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => {
                  const here = problemsAt(`/durationTables/${tableId}/rows/${i}`);
                  const rowName = t('deadlines.tableRow', { name, n: i + 1 });
                  return (
                    <tr key={`${row.id}-${i}`} className={here.length ? 'has-problem' : undefined}>
                      <td>
                        <CategoryMatchEditor
                          policy={policy}
                          value={row.when}
                          name={rowName}
                          onChange={(when) =>
                            update((d) => {
                              const r = d.durationTables?.[tableId]?.rows[i];
                              if (r) r.when = when ?? {};
                            })
                          }
                        />
                        <ProblemsHere problems={here} />
                      </td>
                      <td>
                        <DurationInput
                          value={row.duration as Duration}
                          name={rowName}
                          onChange={(duration) =>
                            update((d) => {
                              const r = d.durationTables?.[tableId]?.rows[i];
                              if (r) r.duration = duration;
                            })
                          }
                        />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="danger-link"
                          aria-label={t('deadlines.removeRow', { name: rowName })}
                          onClick={() =>
                            update((d) => void d.durationTables?.[tableId]?.rows.splice(i, 1))
                          }
                        >
                          {t('edit.remove')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
                <tr>
                  <td className="muted">{t('deadlines.otherwise')}</td>
                  <td>
                    {table.default ? (
                      <DurationInput
                        value={table.default as Duration}
                        name={t('deadlines.defaultOf', { name })}
                        onChange={(duration) =>
                          update((d) => {
                            const tb = d.durationTables?.[tableId];
                            if (tb) tb.default = duration;
                          })
                        }
                      />
                    ) : (
                      <button
                        type="button"
                        onClick={() =>
                          update((d) => {
                            const tb = d.durationTables?.[tableId];
                            if (tb) tb.default = { amount: 1, unit: 'workingDays' };
                          })
                        }
                      >
                        {t('deadlines.addDefault')}
                      </button>
                    )}
                  </td>
                  <td />
                </tr>
              </tbody>
            </table>
            <button
              type="button"
              onClick={() =>
                update((d) => {
                  const tb = d.durationTables?.[tableId];
                  if (!tb) return;
                  let n = tb.rows.length + 1;
                  while (tb.rows.some((r) => r.id === `row${n}`)) n += 1;
                  tb.rows.push({
                    id: `row${n}`,
                    when: {},
                    duration: { amount: 1, unit: 'workingDays' },
                  });
                })
              }
            >
              {t('deadlines.addRow')}
            </button>
          </section>
        );
      })}
    </div>
  );
}
