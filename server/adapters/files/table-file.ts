/**
 * Reads a table of old records from a CSV file (RFC 4180; UTF-8, GB18030 or a named encoding, see
 * text-encoding.ts) or an Excel workbook (.xlsx, the first worksheet): a header row of column
 * names, then one record a row. Rows are numbered as a spreadsheet shows them: the header is row
 * 1, the first record row 2.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { CsvError, parseCsvRecords } from './csv.ts';
import { decodeText } from './text-encoding.ts';

export type TableRow = { row: number; values: Record<string, string> };
export type Table = {
  columns: string[];
  rows: TableRow[];
  /** How a CSV's bytes were read (absent for a workbook), and whether that was recognised. */
  encoding?: { name: string; detected: boolean };
};

/** A file that cannot be read as a table, with the reason. */
export class TableFileError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'TableFileError';
  }
}

function checkColumns(file: string, columns: string[]): void {
  if (columns.length === 0 || columns.every((column) => column === '')) {
    throw new TableFileError(file, 'the first row holds no column names');
  }
  const seen = new Set<string>();
  for (const [index, column] of columns.entries()) {
    if (column === '') throw new TableFileError(file, `column ${index + 1} has no name`);
    if (seen.has(column)) throw new TableFileError(file, `column "${column}" appears twice`);
    seen.add(column);
  }
}

function isBlank(fields: string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

/** @throws TableFileError when the file is not CSV or a record has more fields than the header */
function csvTable(file: string, text: string): Table {
  let records;
  try {
    records = parseCsvRecords(text);
  } catch (error) {
    if (error instanceof CsvError) throw new TableFileError(file, error.message);
    throw error;
  }
  const [header, ...rest] = records;
  const columns = (header?.fields ?? []).map((name) => name.trim());
  checkColumns(file, columns);
  const rows: TableRow[] = [];
  for (const [index, record] of rest.entries()) {
    if (isBlank(record.fields)) continue;
    if (record.fields.length !== columns.length) {
      throw new TableFileError(
        file,
        `row ${index + 2} (line ${record.line}) has ${record.fields.length} fields, the header ${columns.length}`,
      );
    }
    rows.push({
      row: index + 2,
      values: Object.fromEntries(columns.map((column, i) => [column, record.fields[i] ?? ''])),
    });
  }
  return { columns, rows };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's text: dates (which Excel stores without a zone) as ISO local date or date-time. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const seconds = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
    if (seconds === 0) return date;
    return `${date}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

async function xlsxTable(file: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new TableFileError(file, `not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableFileError(file, 'the workbook has no worksheet');
  const width = sheet.getRow(1).cellCount;
  const rowTexts = (n: number) =>
    Array.from({ length: width }, (_, i) => cellText(sheet.getRow(n).getCell(i + 1).value));
  const columns = rowTexts(1).map((name) => name.trim());
  checkColumns(file, columns);
  const rows: TableRow[] = [];
  for (let n = 2; n <= sheet.rowCount; n += 1) {
    const fields = rowTexts(n);
    if (isBlank(fields)) continue;
    rows.push({
      row: n,
      values: Object.fromEntries(columns.map((column, i) => [column, fields[i] ?? ''])),
    });
  }
  return { columns, rows };
}

/**
 * Reads the table in a .csv or .xlsx file; a CSV in `encoding` when one is named.
 * @throws TableFileError for another extension, an unreadable file, or a malformed table;
 *   TextEncodingError for a CSV whose bytes are not text in its encoding
 */
export async function readTableFile(
  file: string,
  options: { encoding?: string } = {},
): Promise<Table> {
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx') return xlsxTable(file);
  if (extension !== '.csv') {
    throw new TableFileError(file, 'only .csv and .xlsx files can be imported');
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new TableFileError(file, (error as NodeJS.ErrnoException).code ?? 'cannot be read');
  }
  const decoded = decodeText(bytes, options.encoding);
  const encoding = { name: decoded.encoding, detected: decoded.detected };
  return { ...csvTable(file, decoded.text), encoding };
}
