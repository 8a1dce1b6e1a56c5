/**
 * One month of a business calendar as a grid (Monday first): working days, weekends, holidays and
 * 调休 make-up working days, computed with the runtime's own calendar functions.
 */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import {
  addDaysToDate,
  calendarIndex,
  dayKind,
  weekdayOfDate,
  workingIntervalsOn,
} from '@domain/time';

type CalendarDefinition = Policy['calendars'][string];

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** "2026-02" → the month after or before. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function daysOf(month: string): string[] {
  const days: string[] = [];
  for (let date = `${month}-01`; date.startsWith(month); date = addDaysToDate(date, 1))
    days.push(date);
  return days;
}

type Cell = { date: string; kind: string; name: string; minutes: number };

function cells(calendar: CalendarDefinition, month: string, lang: string): Cell[] {
  const index = calendarIndex(calendar);
  return daysOf(month).map((date) => {
    const kind = dayKind(calendar, date);
    const day = index.holidays.get(date) ?? index.makeUpWorkdays.get(date);
    const minutes = workingIntervalsOn(calendar, date).reduce(
      (sum, i) => sum + (i.to - i.from) / 60000,
      0,
    );
    return { date, kind, name: day ? labelText(day.name, lang) : '', minutes };
  });
}

function weeks(lead: number, days: Cell[]): (Cell | null)[][] {
  const all: (Cell | null)[] = [...Array.from({ length: lead }, () => null), ...days];
  while (all.length % 7) all.push(null);
  const out: (Cell | null)[][] = [];
  for (let i = 0; i < all.length; i += 7) out.push(all.slice(i, i + 7));
  return out;
}

export function CalendarMonth(props: {
  calendar: CalendarDefinition;
  month: string;
  onMonth: (month: string) => void;
}) {
  const { t, i18n } = useTranslation('policy');
  const { month, onMonth } = props;
  let days: Cell[];
  try {
    days = cells(props.calendar, month, i18n.language);
  } catch (error) {
    return (
      <p className="error-panel" role="alert">
        {t('calendar.broken')} {(error as Error).message}
      </p>
    );
  }
  const lead = WEEK.indexOf(weekdayOfDate(`${month}-01`));
  const [y, m] = month.split('-');
  return (
    <section className="policy-month" aria-label={t('calendar.monthView')}>
      <div className="policy-toolbar">
        <button type="button" onClick={() => onMonth(shiftMonth(month, -1))}>
          {t('calendar.prev')}
        </button>
        <h4 data-testid="policy-month-title">{t('calendar.monthTitle', { y, m: Number(m) })}</h4>
        <button type="button" onClick={() => onMonth(shiftMonth(month, 1))}>
          {t('calendar.next')}
        </button>
        <label>
          {t('calendar.goTo')}{' '}
          <input
            type="month"
            value={month}
            onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && onMonth(e.target.value)}
          />
        </label>
      </div>
      <table
        className="policy-month-grid"
        aria-label={t('calendar.monthTitle', { y, m: Number(m) })}
      >
        <thead>
          <tr>
            {WEEK.map((d) => (
              <th key={d} scope="col">
                {t(`calendar.weekdays.${d}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks(lead, days).map((week, w) => (
            <tr key={w}>
              {week.map((day, i) =>
                day ? (
                  <td
                    key={day.date}
                    data-testid={`policy-day-${day.date}`}
                    data-kind={day.kind}
                    className={`policy-day ${day.kind}`}
                    title={`${day.date} ${t(`calendar.kinds.${day.kind}`)}${day.name ? ` ${day.name}` : ''}`}
                  >
                    <span className="policy-day-number">{Number(day.date.slice(8))}</span>
                    <span className="policy-day-kind">
                      {day.kind === 'holiday' || day.kind === 'makeUpWorkday'
                        ? t(`calendar.short.${day.kind}`)
                        : ''}
                    </span>
                    {day.name && <span className="policy-day-name">{day.name}</span>}
                    {day.minutes > 0 && (
                      <span className="policy-day-hours">
                        {t('calendar.hours', { h: Math.round((day.minutes / 60) * 10) / 10 })}
                      </span>
                    )}
                  </td>
                ) : (
                  <td key={`e${i}`} className="policy-day empty" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="policy-legend">
        {(['workday', 'weekend', 'holiday', 'makeUpWorkday'] as const).map((k) => (
          <li key={k}>
            <span className={`policy-day-swatch ${k}`} /> {t(`calendar.kinds.${k}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
