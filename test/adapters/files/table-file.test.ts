import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readTableFile, TableFileError } from '../../../server/adapters/files/table-file.ts';
import { parseLocalTime } from '../../../server/app/import/parse-local-time.ts';

const dir = mkdtempSync(join(tmpdir(), 'kesu-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('readTableFile', () => {
  it('reads a CSV with a header, numbering rows as a spreadsheet does and skipping blank lines', async () => {
    const table = await readTableFile(
      file('ok.csv', '\uFEFFID,Text\r\n1,"two\nlines"\r\n\r\n3,plain\r\n'),
    );
    expect(table.columns).toEqual(['ID', 'Text']);
    expect(table.rows).toEqual([
      { row: 2, values: { ID: '1', Text: 'two\nlines' } },
      { row: 4, values: { ID: '3', Text: 'plain' } },
    ]);
  });

  it.each([
    [
      'a record with more fields than the header',
      'short.csv',
      'a,b\n1,2,3\n',
      /row 2 \(line 2\) has 3 fields, the header 2/,
    ],
    ['a column named twice', 'twice.csv', 'a,a\n1,2\n', /column "a" appears twice/],
    ['a column without a name', 'noname.csv', 'a,,c\n1,2,3\n', /column 2 has no name/],
    ['an unclosed quote', 'quote.csv', 'a\n"x\n', /never closed/],
    ['another kind of file', 'data.txt', 'a\n1\n', /only \.csv and \.xlsx files/],
  ])('refuses %s', async (_, name, text, message) => {
    const path = file(name, text);
    await expect(readTableFile(path)).rejects.toThrow(TableFileError);
    await expect(readTableFile(path)).rejects.toThrow(message);
  });

  it('reads the first worksheet of an .xlsx, dates as ISO local dates and numbers as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('complaints');
    sheet.addRow(['Complaint ID', 'Date received', 'Amount', 'Product']);
    sheet.addRow([3571115, new Date(Date.UTC(2020, 2, 18)), 12.5, 'Mortgage']);
    sheet.addRow([]);
    sheet.addRow(['x-2', new Date(Date.UTC(2020, 2, 19, 9, 30)), null, '信用卡']);
    const path = join(dir, 'book.xlsx');
    await workbook.xlsx.writeFile(path);
    const table = await readTableFile(path);
    expect(table.columns).toEqual(['Complaint ID', 'Date received', 'Amount', 'Product']);
    expect(table.rows).toEqual([
      {
        row: 2,
        values: {
          'Complaint ID': '3571115',
          'Date received': '2020-03-18',
          Amount: '12.5',
          Product: 'Mortgage',
        },
      },
      {
        row: 4,
        values: {
          'Complaint ID': 'x-2',
          'Date received': '2020-03-19T09:30:00',
          Amount: '',
          Product: '信用卡',
        },
      },
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(readTableFile(file('fake.xlsx', 'not a zip'))).rejects.toThrow(
      /not a readable \.xlsx/,
    );
  });

  it('reads a time-of-day cell of an .xlsx so that a mapping joins it to the date cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('complaints');
    sheet.addRow(['Date', 'Time']);
    // Excel keeps 3:53:50 PM as the fraction of a day, shown through a 12-hour format.
    const added = sheet.addRow([
      new Date(Date.UTC(2015, 3, 22)),
      (15 * 3600 + 53 * 60 + 50) / 86400,
    ]);
    added.getCell(2).numFmt = 'hh:mm:ss AM/PM';
    const path = join(dir, 'times.xlsx');
    await workbook.xlsx.writeFile(path);
    const [row] = (await readTableFile(path)).rows;
    const time = {
      column: 'Date',
      format: 'DD-MM-YYYY',
      timeColumn: 'Time',
      timeFormat: 'hh:mm:ss A',
      timeZone: 'America/New_York',
    };
    expect(parseLocalTime(row?.values.Date ?? '', time, row?.values.Time)).toBe(
      '2015-04-22T15:53:50-04:00',
    );
  });
});
