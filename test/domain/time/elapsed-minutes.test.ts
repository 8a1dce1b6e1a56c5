/** elapsedMinutes: working and calendar minutes between two instants. */
import { describe, it, expect } from 'vitest';
import { elapsedMinutes } from '../../../server/domain/time/calendar-duration.ts';
import { office, berlin, at, pause } from '../../support/calendars.ts';

describe('elapsedMinutes', () => {
  it.each([
    {
      description: 'working time over lunch',
      start: '2026-03-03T11:00:00+08:00',
      end: '2026-03-03T14:00:00+08:00',
      working: true,
      pauses: [],
      minutes: 120,
    },
    {
      description: 'calendar time over lunch',
      start: '2026-03-03T11:00:00+08:00',
      end: '2026-03-03T14:00:00+08:00',
      working: false,
      pauses: [],
      minutes: 180,
    },
    {
      description: 'working time over the Spring Festival',
      start: '2026-02-13T17:30:00+08:00',
      end: '2026-02-25T17:30:00+08:00',
      working: true,
      pauses: [],
      minutes: 1440,
    },
    {
      description: 'working time minus a pause',
      start: '2026-03-03T08:30:00+08:00',
      end: '2026-03-03T17:30:00+08:00',
      working: true,
      pauses: [pause('2026-03-03T11:00:00+08:00', '2026-03-03T14:00:00+08:00')],
      minutes: 360,
    },
    {
      description: 'an end before the start',
      start: '2026-03-03T14:00:00+08:00',
      end: '2026-03-03T11:00:00+08:00',
      working: true,
      pauses: [],
      minutes: 0,
    },
  ])('counts $description', ({ start, end, working, pauses, minutes }) => {
    expect(elapsedMinutes(office, at(start), at(end), working, pauses)).toBe(minutes);
  });

  it('counts the 23-hour day of the Berlin spring change in real minutes', () => {
    const start = at('2026-03-29T00:00:00+01:00');
    const end = at('2026-03-30T00:00:00+02:00');
    expect(elapsedMinutes(berlin, start, end, false)).toBe(1380);
  });
});
