/**
 * Adding, copying and removing business calendars in a draft. A new calendar starts from China's
 * official calendar (holidays and 调休 make-up working days, rulesets/calendars) with office hours,
 * or as a copy of one of the policy's calendars; the company then adds its own days off.
 */
import national from '../../../../rulesets/calendars/cn-official-2024-2026.json';
import type { Label, Policy } from '../../api/types.ts';

type CalendarDefinition = Policy['calendars'][string];

/** What a new calendar starts from: the national calendar, or a copy of the policy's calendar. */
export type CalendarBase = { national: true } | { copyOf: string };

/** The national calendar's years, for the picker's words ("2024–2026"). */
export const NATIONAL_COVERAGE = national.coverage;

const OFFICE_DAY: [string, string][] = [
  ['09:00', '12:00'],
  ['13:00', '18:00'],
];

/** A valid new calendar id: letters, digits, underscores and hyphens, starting with a letter, unused. */
export function isNewCalendarId(policy: Policy, id: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(id) && !(id in policy.calendars);
}

/**
 * The national calendar as a policy calendar: its holidays and make-up working days, Monday to
 * Friday 9:00–12:00 and 13:00–18:00 (make-up days as Monday), in the policy's time zone.
 */
export function nationalCalendar(label: Label, timeZone: string): CalendarDefinition {
  const week = Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, OFFICE_DAY.map((r) => [...r])]),
  );
  return {
    label,
    timeZone,
    workingHours: [{ effectiveFrom: national.coverage.from, week: { ...week, sat: [], sun: [] } }],
    holidays: structuredClone(national.holidays),
    makeUpWorkdays: structuredClone(national.makeUpWorkdays),
    coverage: { ...national.coverage },
  } as CalendarDefinition;
}

/** Adds a calendar under the id, from the national calendar or as a copy under the new label. */
export function addCalendar(draft: Policy, id: string, label: Label, base: CalendarBase): void {
  const source = 'copyOf' in base ? draft.calendars[base.copyOf] : undefined;
  draft.calendars[id] = source
    ? { ...structuredClone(source), label }
    : nationalCalendar(label, draft.timeZone);
}

/**
 * Removes the calendar only: the clocks still on it stay, so the policy check names each in the
 * problems panel.
 */
export function removeCalendar(draft: Policy, id: string): void {
  delete draft.calendars[id];
}
