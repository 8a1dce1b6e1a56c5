/** Working hours per weekday (periods; the gaps between them are breaks), per effective date. */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';

type CalendarDefinition = Policy['calendars'][string];
type WorkingHours = CalendarDefinition['workingHours'][number];
type Range = [string, string];

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof WEEK)[number] | 'makeUpDay';

function rangesOf(entry: WorkingHours, day: Day): Range[] | undefined {
  return day === 'makeUpDay' ? entry.makeUpDay : entry.week[day];
}

function setRanges(entry: WorkingHours, day: Day, ranges: Range[]) {
  if (day === 'makeUpDay') {
    if (ranges.length) entry.makeUpDay = ranges;
    else delete entry.makeUpDay;
  } else if (ranges.length) entry.week[day] = ranges;
  else delete entry.week[day];
}

/** The breaks between consecutive periods, "12:00–13:00". */
function breaksOf(ranges: Range[]): string[] {
  const sorted = [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const out: string[] = [];
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i - 1]![1] < sorted[i]![0]) out.push(`${sorted[i - 1]![1]}–${sorted[i]![0]}`);
  return out;
}

export function WorkingHoursEditor(props: {
  calendar: CalendarDefinition;
  edit: (change: (c: CalendarDefinition) => void) => void;
}) {
  const { t } = useTranslation('policy');
  const { calendar, edit } = props;
  const editEntry = (i: number, change: (entry: WorkingHours) => void) =>
    edit((c) => change(c.workingHours[i]!));
  return (
    <section aria-label={t('calendar.workingHours')}>
      <h4>{t('calendar.workingHours')}</h4>
      {calendar.workingHours.map((entry, wi) => (
        <div key={wi} className="policy-hours">
          <label>
            {t('calendar.effectiveFrom')}{' '}
            <input
              type="date"
              value={entry.effectiveFrom}
              onChange={(e) => editEntry(wi, (x) => void (x.effectiveFrom = e.target.value))}
            />
          </label>
          <table className="policy-table">
            <tbody>
              {[...WEEK, 'makeUpDay' as const].map((day) => {
                const ranges = rangesOf(entry, day) ?? [];
                const dayName = t(`calendar.weekdays.${day}`);
                return (
                  <tr key={day}>
                    <th scope="row">{dayName}</th>
                    <td>
                      {ranges.length === 0 && (
                        <span className="muted">
                          {day === 'makeUpDay' ? t('calendar.makeUpDefault') : t('calendar.off')}
                        </span>
                      )}
                      {ranges.map((range, ri) => (
                        <span key={ri} className="policy-range">
                          {([0, 1] as const).map((end) => (
                            <input
                              key={end}
                              type="time"
                              aria-label={t(end ? 'calendar.rangeTo' : 'calendar.rangeFrom', {
                                day: dayName,
                                n: ri + 1,
                              })}
                              value={range[end]}
                              onChange={(e) =>
                                editEntry(wi, (x) => {
                                  const next = (rangesOf(x, day) ?? []).map((r) => [...r] as Range);
                                  next[ri]![end] = e.target.value;
                                  setRanges(x, day, next);
                                })
                              }
                            />
                          ))}
                          <button
                            type="button"
                            aria-label={t('calendar.removeRange', { day: dayName, n: ri + 1 })}
                            onClick={() =>
                              editEntry(wi, (x) =>
                                setRanges(
                                  x,
                                  day,
                                  (rangesOf(x, day) ?? []).filter((_, j) => j !== ri),
                                ),
                              )
                            }
                          >
                            ✕
                          </button>
                        </span>
                      ))}
                      {breaksOf(ranges).length > 0 && (
                        <small className="muted policy-breaks">
                          {t('calendar.breaks', { list: breaksOf(ranges).join('、') })}
                        </small>
                      )}
                    </td>
                    <td className="nowrap">
                      <button
                        type="button"
                        aria-label={t('calendar.addRange', { day: dayName })}
                        onClick={() =>
                          editEntry(wi, (x) => {
                            const current = rangesOf(x, day) ?? [];
                            const next: Range = current.length
                              ? ['18:00', '20:00']
                              : ['08:30', '17:30'];
                            setRanges(x, day, [...current, next]);
                          })
                        }
                      >
                        {t('calendar.addRangeShort')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
