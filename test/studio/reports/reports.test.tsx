// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../server/app/reports/reports.ts';
import type { Policy } from '../../../server/domain/policy/format.ts';
import { thisMonth } from '../../../studio/src/pages/reports/period.ts';
import { checkedPolicy } from '../../support/policies.ts';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { captureDownloads } from '../support/downloads.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

// Read from the repository root (vitest's working directory): under jsdom, URL is jsdom's and
// node:fs refuses it, so manufacturingIntake() cannot be used here.
const intake = JSON.parse(
  readFileSync(
    join(process.cwd(), 'rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json'),
    'utf8',
  ),
).intake;

/** A server whose clock is in the middle of this month, with `cases` complaints registered. */
async function serverWithCases(cases: number) {
  const server = await studioServer(`${thisMonth()}-15T04:00:00.000Z`);
  for (let i = 0; i < cases; i++) {
    const created = await server.call('POST', '/api/companies/demo/cases', {
      token: ADMIN_TOKEN,
      body: { intake },
    });
    expect(created.status).toBe(201);
  }
  const report = (
    await server.call('GET', `/api/companies/demo/reports/${thisMonth()}`, { token: ADMIN_TOKEN })
  ).body as Report;
  const policy = checkedPolicy(
    (await server.call('GET', '/api/companies/demo/policy/versions/latest', { token: ADMIN_TOKEN }))
      .body.policy,
  );
  return { server, report, policy };
}

/** The first category dimension of the report, its first value, count and Chinese labels. */
function firstCategory(report: Report, policy: Policy) {
  const [dimension, values] = Object.entries(report.byCategory)[0]!;
  const [value, count] = Object.entries(values)[0]!;
  const definition = policy.categories[dimension]!;
  return {
    dimension,
    value,
    count,
    label: definition.values[value]?.label['zh-CN'] ?? value,
    dimensionLabel: definition.label['zh-CN'],
  };
}

describe('the reports page', () => {
  it("shows this month's totals and category chart, and its CSV download has the same numbers", async () => {
    const { report, policy } = await serverWithCases(3);
    const downloads = captureDownloads();
    renderStudio('/c/demo/reports', ADMIN_TOKEN);
    expect(await screen.findByTestId('report-kpi-total')).toHaveTextContent('3');
    expect(screen.getByTestId('report-kpi-closed')).toHaveTextContent('0');
    const category = firstCategory(report, policy);
    const chart = screen.getByTestId(`report-chart-category-${category.dimension}`);
    expect(chart).toHaveTextContent(`按${category.dimensionLabel}统计`);
    expect(within(chart).getByRole('img')).toHaveAccessibleName(
      expect.stringContaining(`${category.label} ${category.count} 件`),
    );
    expect(chart.querySelectorAll('rect.reports-bar')).toHaveLength(
      Object.keys(report.byCategory[category.dimension]!).length,
    );

    await userEvent.click(screen.getByRole('button', { name: '下载 CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const csv = await downloads[0]!.text();
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // The studio speaks Chinese here, so the CSV does: labels first, codes in their own columns.
    expect(rows[0]).toBe('分项,项目（月份按 Asia/Shanghai 时间）,数值,分项代码,项目代码');
    expect(rows).toContain('投诉总数,,3,total,');
    expect(rows).toContain('已结案,,0,closed,');
    expect(rows).toContain(
      `分类：${category.dimensionLabel},${category.label},${category.count},category:${category.dimension},${category.value}`,
    );
    expect(rows).toContain(`月份,${thisMonth()},3,month,${thisMonth()}`);
  });

  it('builds an Excel workbook whose sheets hold the report numbers, with Chinese headers', async () => {
    const { report, policy } = await serverWithCases(2);
    const downloads = captureDownloads();
    renderStudio('/c/demo/reports', ADMIN_TOKEN);
    await userEvent.click(await screen.findByRole('button', { name: '下载 Excel（XLSX）' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await downloads[0]!.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '概况',
      '分类统计',
      '按月统计',
      '按状态统计',
      '按责任部门统计',
      '按责任人统计',
      '时限及时率',
      '考核（处罚）',
      '指标考核（按期间汇总）',
    ]);
    const summary = workbook.getWorksheet('概况')!;
    expect(summary.getRow(1).values).toEqual([undefined, '指标', '数值']);
    expect(summary.getRow(2).values).toEqual([undefined, '投诉总数', 2]);
    const categories = workbook.getWorksheet('分类统计')!;
    const category = firstCategory(report, policy);
    const rows = categories.getSheetValues().slice(2) as unknown[][];
    expect(rows).toContainEqual([
      undefined,
      category.dimensionLabel,
      category.label,
      category.count,
    ]);
    expect(workbook.getWorksheet('按月统计')!.getRow(2).values).toEqual([
      undefined,
      thisMonth(),
      2,
    ]);
  });

  it('says an empty period has no complaints instead of drawing empty charts', async () => {
    await serverWithCases(1);
    renderStudio('/c/demo/reports?period=2020-01', ADMIN_TOKEN);
    expect(await screen.findByTestId('report-empty')).toHaveTextContent(
      '2020年1月 没有登记任何投诉案件',
    );
    expect(screen.queryByRole('img')).toBeNull();
  });

  it.each([
    ['en', '2026-12', 'Report for December 2026'],
    ['zh-CN', '2026-12', '2026年12月 报表'],
    ['en', '2026', 'Report for 2026'],
  ] as const)('in %s, names the period %s as “%s”', async (lang, period, title) => {
    await serverWithCases(1);
    renderStudio(`/c/demo/reports?period=${period}`, ADMIN_TOKEN, lang);
    expect(await screen.findByTestId('report-period')).toHaveTextContent(title);
    expect(screen.getByTestId('report-period').textContent).not.toMatch(/Month|月 12/);
  });

  it('switches to the annual report, which draws a column per month split by a category', async () => {
    const { report, policy } = await serverWithCases(1);
    renderStudio('/c/demo/reports', ADMIN_TOKEN);
    await screen.findByTestId('report-kpi-total');
    await userEvent.selectOptions(screen.getByLabelText('报表类型'), 'annual');
    const year = thisMonth().slice(0, 4);
    await waitFor(() => expect(window.location.hash).toBe(`#/c/demo/reports?period=${year}`));
    const chart = await screen.findByTestId('report-chart-months');
    expect(chart.querySelectorAll('rect.reports-bar')).toHaveLength(12);
    expect(screen.getByTestId('report-kpi-total')).toHaveTextContent('1');
    const category = firstCategory(report, policy);
    await userEvent.selectOptions(
      within(chart).getByLabelText('按分类细分'),
      category.dimensionLabel,
    );
    expect(within(chart).getByRole('listitem')).toHaveTextContent(category.label);
    expect(chart.querySelectorAll('rect.reports-segment')).toHaveLength(12);
  });
});
