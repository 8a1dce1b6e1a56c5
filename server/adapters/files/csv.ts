/**
 * CSV as RFC 4180 writes it: records end with CRLF (a bare LF or CR is accepted too), fields are
 * separated by commas, a field in double quotes may hold commas, line breaks and quotes doubled
 * (""). A UTF-8 byte order mark at the start is dropped; a line break at the end of the file does
 * not start another record.
 */

/** A file that is not CSV: where it breaks and why. */
export class CsvError extends Error {
  /** The record (1 = the first, the header) and the line of the file where the problem is. */
  readonly record: number;
  readonly line: number;
  constructor(message: string, record: number, line: number) {
    super(`${message} (record ${record}, line ${line})`);
    this.name = 'CsvError';
    this.record = record;
    this.line = line;
  }
}

/** A parsed record: its fields, and the line of the file it starts on. */
export type CsvRecord = { fields: string[]; line: number };

/**
 * Parses CSV text into records of fields.
 * @throws CsvError for a quote that is never closed, or text right after a closing quote
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  /** Whether the current field was quoted (so "" at the end of a line is still a field). */
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    records.push({ fields, line: recordLine });
    fields = [];
  };
  while (i < input.length) {
    const ch = input[i];
    if (ch === '"' && field === '' && !quoted) {
      // A quoted field: runs to the quote that is not doubled.
      const startLine = line;
      i += 1;
      for (;;) {
        if (i >= input.length) {
          throw new CsvError('a quoted field is never closed', records.length + 1, startLine);
        }
        const c = input[i];
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) line += 1;
        field += c;
        i += 1;
      }
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvError('text after a closing quote', records.length + 1, line);
      }
      quoted = true;
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      // A quote inside an unquoted field is kept as text (RFC 4180 forbids it; Excel writes it).
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || quoted || fields.length > 0) endRecord();
  return records;
}

/** Parses CSV text into rows of fields. @throws CsvError as parseCsvRecords */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((record) => record.fields);
}

/** Rows as CSV that Excel opens with any language intact: UTF-8 with BOM, CRLF, quoted as needed. */
export function formatCsv(rows: string[][]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
