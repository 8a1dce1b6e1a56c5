/** A report written as CSV for Excel. */
import type { Report } from './report.ts';

/**
 * The report as CSV rows (section, key, value) that Excel opens with Chinese intact: UTF-8 with
 * BOM.
 */
export function reportCsv(report: Report): string {
  const rows: (string | number | null)[][] = [['section', 'key', 'value']];
  rows.push(
    ['total', '', report.total],
    ['closed', '', report.closed],
    ['closureRate', '', report.closureRate],
  );
  for (const [dimension, values] of Object.entries(report.byCategory))
    for (const [value, n] of Object.entries(values)) rows.push([`category:${dimension}`, value, n]);
  for (const [month, n] of Object.entries(report.byMonth)) rows.push(['month', month, n]);
  for (const [state, n] of Object.entries(report.byState)) rows.push(['state', state, n]);
  for (const [department, n] of Object.entries(report.byDepartment))
    rows.push(['department', department, n]);
  for (const [person, n] of Object.entries(report.byPerson)) rows.push(['person', person, n]);
  for (const [clock, entry] of Object.entries(report.clocks))
    rows.push([`timelyRate:${clock}`, `${entry.timely}/${entry.counted}`, entry.rate]);
  rows.push(
    ['handlingHours', 'average', report.handlingHours.average],
    ['handlingHours', 'p90', report.handlingHours.p90],
  );
  rows.push(
    ['satisfaction', 'average', report.satisfaction.average],
    ['satisfaction', 'responses', report.satisfaction.responses],
  );
  rows.push(
    ['remedies', 'count', report.remedies.count],
    ['remedies', 'approvedAmount', report.remedies.approvedAmount],
  );
  for (const a of report.assessment)
    rows.push([
      `assessment:${a.month}`,
      a.person,
      `${a.count} → ${a.consequence}${a.penaltyAmount !== undefined ? ` (${a.penaltyAmount})` : ''}`,
    ]);
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
