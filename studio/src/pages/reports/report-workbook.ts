/**
 * The report as an Excel workbook, one sheet per table. exceljs is imported on demand so it lands
 * in its own chunk and only users who download an XLSX fetch it.
 */
import type { ReportTable } from './report-tables.ts';

const FORMATS = { percent: '0.0%', decimal: '0.0', count: '0', text: '@' } as const;

/** A valid, unique sheet name (Excel: at most 31 characters, none of []:*?/\). */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
  taken.add(name);
  return name;
}

/** The workbook's bytes (an .xlsx file). */
export async function buildReportWorkbook(tables: ReportTable[]): Promise<ArrayBuffer> {
  const module = await import('exceljs');
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kesu';
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken));
    sheet.columns = table.columns.map((column) => ({
      header: column.header,
      width: Math.max(12, column.header.length * 2 + 4),
      style: column.kind === 'text' ? {} : { numFmt: FORMATS[column.kind] },
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    table.rows.forEach((row, i) => {
      const added = sheet.addRow(row.map((cell) => cell ?? null));
      const kind = table.rowKinds?.[i];
      if (kind) added.getCell(row.length).numFmt = FORMATS[kind];
    });
  }
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
