// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { acmeWithAssessedCases } from '../../support/assessment-rules.ts';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

describe('the reports page on assessment by measure and how figures are computed', () => {
  it.each([
    [
      'zh-CN' as const,
      [
        '全公司',
        '2026-03',
        '月均处理时长超17小时',
        '平均处理时长',
        '20 小时',
        '4',
        '扣5分',
        '—',
        '5',
      ],
      [
        '全公司',
        '2026-03',
        '当月逾期超过1件',
        '逾期件数',
        '2',
        '4',
        '扣除全部分数',
        '—',
        '全部分数',
      ],
      ['处理时长：每个已结案案件', '及时率（按时限）', '结案率：本期受理的案件中'],
    ],
    [
      'en' as const,
      [
        'Whole company',
        '2026-03',
        'Monthly average handling time above 17 h',
        'Average handling time',
        '20 h',
        '4',
        '−5 points',
        '—',
        '5',
      ],
      [
        'Whole company',
        '2026-03',
        'More than 1 late ticket in a month',
        'Late cases',
        '2',
        '4',
        'All points lost',
        '—',
        'All points',
      ],
      [
        'Handling time: for each closed case',
        'Timely rate (per deadline)',
        'Closure rate: the cases received',
      ],
    ],
  ])(
    'shows the measure rules that apply and explains each figure in %s',
    async (lang, slow, late, notes) => {
      const server = await studioServer();
      await acmeWithAssessedCases(server);
      renderStudio('/c/acme/reports?period=2026-03', ADMIN_TOKEN, lang);
      const table = await screen.findByTestId('report-table-aggregateAssessment');
      const rows = within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          within(row)
            .getAllByRole('cell')
            .map((cell) => cell.textContent),
        );
      expect(rows).toEqual([slow, late]);
      const figures = screen.getByTestId('report-figure-notes');
      for (const note of notes) expect(figures).toHaveTextContent(note);
      expect(screen.getByTestId('report-kpi-average-hours')).toHaveAttribute(
        'title',
        expect.stringContaining(notes[0]!),
      );
    },
  );
});
