// @vitest-environment jsdom
import { cleanup, configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderStudio, studioServer } from '../support/studio.tsx';
import { act, registerCase, staffOf } from './cases.ts';

// The whole studio renders against the real API in-process: allow for a loaded machine.
configure({ asyncUtilTimeout: 5000 });

describe('the case page’s clocks', () => {
  it('show a deadline a category change re-timed, with why, and an escalation missed at the stop', async () => {
    // Received Monday 2026-03-02 10:00: registration is due in 1 working day, Tuesday 10:00.
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const created = await registerCase(server, staff.sales);
    // Registered Tuesday 11:00, an hour late, before any sweep.
    server.setNow('2026-03-03T03:00:00.000Z');
    await act(server, staff.gmOffice, created.id, 'register', {
      investigatingDepartment: 'quality',
    });
    // The report finds a non-quality cause: closing takes 14 days instead of 21.
    server.setNow('2026-03-04T02:00:00.000Z');
    await act(server, staff.quality, created.id, 'submitInvestigationReport', {
      cause: 'nonQuality',
      validity: 'valid',
      responsibleDepartment: 'warehouse',
      confirmedDefectiveQuantity: 120,
      findings: '出货时错贴料号标签。',
      countermeasure: '加严出货检验。',
    });

    renderStudio(`/c/demo/cases/${created.id}`, staff.quality);
    await screen.findByTestId('case-number');
    const closing = within(screen.getByRole('region', { name: '时限' })).getByTestId(
      'clock-closing',
    );
    expect(within(closing).getByTestId('clock-duration-change')).toHaveTextContent(
      '2026年3月4日 10:00（Asia/Shanghai） 起时限改为 14 天（原为 21 天，自开始计时重算）：异常原因由“质量异常”改为“非质量异常（人为因素）”',
    );
    expect(screen.getByTestId('clock-registration')).toHaveTextContent(
      /第 1 级升级已错过：应于 2026年3月3日 10:00（Asia\/Shanghai） 升级/,
    );

    cleanup();
    renderStudio(`/c/demo/cases/${created.id}`, staff.quality, 'en');
    await screen.findByTestId('case-number');
    expect(screen.getByTestId('clock-duration-change')).toHaveTextContent(
      /the deadline is 14 day\(s\) instead of 21 day\(s\), counted again from the start: Cause changed from “Quality abnormality” to “Non-quality \(human factors\)”/,
    );
    expect(screen.getByTestId('clock-missed-escalation')).toHaveTextContent(
      /Escalation level 1 missed: due at .*, passed when the clock stopped; counted late/,
    );
  }, 30_000);
});
