/** New calendars: from China's official calendar, or a copy of one of the policy's. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../studio/src/api/types.ts';
import {
  addCalendar,
  isNewCalendarId,
  removeCalendar,
} from '../../../studio/src/pages/policy/calendar-edits.ts';
import { checkPolicy } from '../../../server/domain/policy/check/index.ts';
import { buildPolicy, testValidator } from '../../support/policies.ts';

const read = (path: string) => JSON.parse(readFileSync(join(process.cwd(), path), 'utf8'));
const policy = () => buildPolicy() as unknown as Policy;
const national = read('rulesets/calendars/cn-official-2024-2026.json');

describe('calendar edits', () => {
  it('adds the national calendar with office hours, which the policy check accepts', () => {
    const draft = policy();
    const before = structuredClone(draft);
    addCalendar(draft, 'shop', { 'zh-CN': '门店日历' }, { national: true });
    const shop = draft.calendars.shop!;
    expect(shop.holidays).toEqual(national.holidays);
    expect(shop.makeUpWorkdays).toEqual(national.makeUpWorkdays);
    expect(shop.coverage).toEqual(national.coverage);
    expect(shop.timeZone).toBe(draft.timeZone);
    expect(shop.workingHours[0]?.week.mon).toEqual([
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ]);
    expect(shop.workingHours[0]?.week.sat).toEqual([]);
    addCalendar(draft, 'depot', { 'zh-CN': '仓库日历' }, { national: true });
    shop.holidays.push({ date: '2026-06-01', name: { 'zh-CN': '店庆' } });
    expect(draft.calendars.depot!.holidays).toEqual(national.holidays);
    expect(Object.keys(draft.calendars)).toEqual([
      ...Object.keys(before.calendars),
      'shop',
      'depot',
    ]);
    draft.clocks.reply!.calendar = 'shop';
    expect(checkPolicy(draft, testValidator())).toMatchObject({ ok: true });
    expect(isNewCalendarId(draft, 'shop')).toBe(false);
  });

  it('copies a calendar under a new name, the copy then its own', () => {
    const draft = policy();
    const office = Object.keys(draft.calendars)[0]!;
    addCalendar(draft, 'branch', { 'zh-CN': '分公司日历' }, { copyOf: office });
    expect(draft.calendars.branch).toEqual({
      ...draft.calendars[office],
      label: { 'zh-CN': '分公司日历' },
    });
    draft.calendars.branch!.makeUpWorkdays.pop();
    expect(draft.calendars.branch!.makeUpWorkdays).not.toEqual(
      draft.calendars[office]!.makeUpWorkdays,
    );
    removeCalendar(draft, 'branch');
    expect(Object.keys(draft.calendars)).toEqual([office]);
  });
});
