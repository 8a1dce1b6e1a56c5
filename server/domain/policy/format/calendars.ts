/** Business calendars: working hours with breaks, holidays and make-up working days (调休). */
import { Type, type Static } from '@sinclair/typebox';
import { LabelSchema } from './labels.ts';
import { DateString, ref, strictObject, TimeOfDay } from './schema-builders.ts';

const label = ref('label', LabelSchema);

/** A span of working time in a day, "08:30"–"12:00". */
export const RangesSchema = Type.Array(
  Type.Unsafe<[string, string]>({ type: 'array', items: TimeOfDay, minItems: 2, maxItems: 2 }),
);
/** A span of working time in a day, "08:30"–"12:00". */
export type TimeRange = Static<typeof RangesSchema>[number];

const ranges = Type.Optional(ref('ranges', RangesSchema));

/** Working hours per weekday ("08:30"–"12:00"), effective from a date. */
export const WorkingHoursSchema = strictObject({
  effectiveFrom: DateString,
  week: strictObject({
    mon: ranges,
    tue: ranges,
    wed: ranges,
    thu: ranges,
    fri: ranges,
    sat: ranges,
    sun: ranges,
  }),
  /** Hours on a make-up working day (调休上班); defaults to Monday's. */
  makeUpDay: ranges,
});
/** Working hours per weekday ("08:30"–"12:00"), effective from a date. */
export type WorkingHours = Static<typeof WorkingHoursSchema>;

/** The days of the week, as working hours name them. */
export type Weekday = keyof WorkingHours['week'];

/** A named date: a holiday or a make-up working day. */
export const CalendarDaySchema = strictObject({ date: DateString, name: label });
/** A named date: a holiday or a make-up working day. */
export type CalendarDay = Static<typeof CalendarDaySchema>;

const day = ref('calendarDay', CalendarDaySchema);

/** A business calendar: time zone, working hours with breaks, holidays and make-up working days (调休). */
export const CalendarSchema = strictObject({
  label,
  timeZone: Type.String({ minLength: 1 }),
  workingHours: Type.Array(WorkingHoursSchema, { minItems: 1 }),
  holidays: Type.Array(day),
  makeUpWorkdays: Type.Array(day),
  /** The dates the holiday data covers; outside it only the weekly hours apply. */
  coverage: Type.Optional(strictObject({ from: DateString, to: DateString })),
});
/** A business calendar: time zone, working hours with breaks, holidays and make-up working days (调休). */
export type CalendarDefinition = Static<typeof CalendarSchema>;
