import { describe, expect, it } from 'vitest';
import {
  columnOf,
  mapRow,
  MappingError,
  parseLocalTime,
  parseMapping,
  type ImportMapping,
} from '../../../server/app/import/import-mapping.ts';

const COLUMNS = ['ID', 'Received', 'Sent', 'Product', 'Issue', 'Name', 'Amount', 'VIP', 'Timely'];

const MAPPING: ImportMapping = {
  externalKey: 'ID',
  receivedAt: { column: 'Received', format: 'YYYY-MM-DD', timeZone: 'America/New_York' },
  sentAt: {
    column: 'Sent',
    format: 'YYYY-MM-DD',
    timeZone: 'America/New_York',
    transition: 'sendToCompany',
  },
  fields: {
    product: { column: 'Product', values: { Mortgage: 'mortgage' } },
    issue: { column: 'Issue', values: { Fees: 'fees' }, otherwise: 'other' },
    'customer.name': { column: 'Name' },
    amount: { column: 'Amount', type: 'number' },
    vip: { column: 'VIP', type: 'boolean' },
  },
  categories: { timelyResponse: { column: 'Timely', values: { Yes: 'timely', No: 'untimely' } } },
};

const ROW = {
  ID: '3571115',
  Received: '2020-03-18',
  Sent: '2020-03-19',
  Product: 'Mortgage',
  Issue: 'Something new',
  Name: ' Jane Doe ',
  Amount: '1,250.50',
  VIP: 'yes',
  Timely: 'No',
};

describe('parseMapping', () => {
  it('accepts a mapping whose columns are all in the file', () => {
    expect(parseMapping(MAPPING, COLUMNS)).toEqual(MAPPING);
  });

  it('lists every problem, each naming the column or the setting', () => {
    const broken = {
      ...MAPPING,
      externalKey: 'Complaint ID',
      receivedAt: { column: 'Date recieved', format: 'DD.MM', timeZone: 'Mars/Olympus' },
      sentAt: { ...MAPPING.sentAt, transition: '' },
      fields: { ...MAPPING.fields, state: { column: 'State' } },
      categories: { issue: { column: 'Issue', type: 'date' } },
    };
    const error = (() => {
      try {
        parseMapping(broken, COLUMNS);
      } catch (caught) {
        return caught as MappingError;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(MappingError);
    expect(error.problems).toEqual([
      { path: 'externalKey', message: 'column "Complaint ID" is not in the file' },
      { path: 'receivedAt.column', message: 'column "Date recieved" is not in the file' },
      {
        path: 'receivedAt.format',
        message: 'must be a date format with YYYY, MM or M, DD or D (e.g. YYYY-MM-DD)',
      },
      { path: 'receivedAt.timeZone', message: '"Mars/Olympus" is not an IANA time zone' },
      {
        path: 'sentAt.transition',
        message: 'must name the workflow transition the record took',
      },
      { path: 'fields.state.column', message: 'column "State" is not in the file' },
      { path: 'categories.issue.type', message: 'must be string, number, integer or boolean' },
    ]);
  });

  it('refuses something that is not a mapping', () => {
    expect(() => parseMapping([], COLUMNS)).toThrow(MappingError);
    expect(() => parseMapping({}, COLUMNS)).toThrow(/externalKey: must name a column/);
  });
});

describe('parseLocalTime', () => {
  const at = (format: string, timeZone = 'America/New_York') => ({ column: 'c', format, timeZone });
  it.each([
    ['an ISO date, winter (UTC-5)', '2020-01-15', at('YYYY-MM-DD'), '2020-01-15T00:00:00-05:00'],
    ['an ISO date, summer (UTC-4)', '2019-06-03', at('YYYY-MM-DD'), '2019-06-03T00:00:00-04:00'],
    ['US month/day/year without zeros', '3/8/2019', at('M/D/YYYY'), '2019-03-08T00:00:00-05:00'],
    ['year/month/day without zeros', '2019/3/8', at('YYYY/M/D'), '2019-03-08T00:00:00-05:00'],
    [
      'day-month-year with a time',
      '08-03-2019 14:05',
      at('DD-MM-YYYY HH:mm'),
      '2019-03-08T14:05:00-05:00',
    ],
    [
      'seconds',
      '2026-02-13 17:30:15',
      at('YYYY-MM-DD HH:mm:ss', 'Asia/Shanghai'),
      '2026-02-13T17:30:15+08:00',
    ],
    [
      'a spreadsheet date cell read as ISO',
      '2019-03-08',
      at('M/D/YYYY'),
      '2019-03-08T00:00:00-05:00',
    ],
    [
      'a spreadsheet date-time cell read as ISO',
      '2019-03-08T09:30:00',
      at('M/D/YYYY'),
      '2019-03-08T09:30:00-05:00',
    ],
  ])('reads %s', (_, text, time, expected) => {
    expect(parseLocalTime(text, time)).toBe(expected);
  });

  it.each([
    ['30 February', '2019-02-30', at('YYYY-MM-DD')],
    ['month 13', '2019-13-01', at('YYYY-MM-DD')],
    ['hour 24', '2019-01-01 24:00', at('YYYY-MM-DD HH:mm')],
    ['another format', '03/08/2019', at('YYYY-MM-DD')],
    ['text', 'yesterday', at('YYYY-MM-DD')],
  ])('refuses %s', (_, text, time) => {
    expect(parseLocalTime(text, time)).toBeUndefined();
  });
});

describe('mapRow', () => {
  it('fills intake fields (nested paths too), looks values up, converts types, keeps text as written', () => {
    expect(mapRow(MAPPING, { row: 2, values: ROW })).toEqual({
      ok: {
        row: 2,
        externalKey: '3571115',
        receivedAt: '2020-03-18T00:00:00-04:00',
        steps: [{ transition: 'sendToCompany', at: '2020-03-19T00:00:00-04:00' }],
        intake: {
          product: 'mortgage',
          issue: 'other',
          customer: { name: ' Jane Doe ' },
          amount: 1250.5,
          vip: true,
        },
        categories: { timelyResponse: 'untimely' },
      },
    });
  });

  it('leaves empty cells out', () => {
    const mapped = mapRow(MAPPING, {
      row: 3,
      values: { ...ROW, Sent: '', Name: '', Amount: ' ', VIP: '', Timely: '' },
    });
    expect(mapped).toEqual({
      ok: expect.objectContaining({ intake: { product: 'mortgage', issue: 'other' } }),
    });
    expect('ok' in mapped && mapped.ok.steps).toBeUndefined();
    expect('ok' in mapped && mapped.ok.categories).toBeUndefined();
  });

  it.each([
    ['an empty key', { ID: ' ' }, 'import_key_missing', 'ID'],
    ['an empty received date', { Received: '' }, 'import_time_invalid', 'Received'],
    [
      'a received date in another format',
      { Received: '3/18/2020' },
      'import_time_invalid',
      'Received',
    ],
    ['an impossible sent date', { Sent: '2020-02-30' }, 'import_time_invalid', 'Sent'],
    [
      'a value the mapping does not list',
      { Product: 'Student loan' },
      'import_value_unmapped',
      'Product',
    ],
    [
      'a category value the mapping does not list',
      { Timely: 'Maybe' },
      'import_value_unmapped',
      'Timely',
    ],
    ['text where a number goes', { Amount: 'twelve' }, 'import_value_invalid', 'Amount'],
    ['text where yes or no goes', { VIP: 'sometimes' }, 'import_value_invalid', 'VIP'],
  ])('refuses %s, naming the column', (_, change, code, column) => {
    const mapped = mapRow(MAPPING, { row: 7, values: { ...ROW, ...change } });
    expect(mapped).toEqual({
      rejected: expect.objectContaining({ row: 7, code, field: column }),
    });
  });

  it('names the cell and the format in the message', () => {
    const mapped = mapRow(MAPPING, { row: 7, values: { ...ROW, Received: '3/18/2020' } });
    expect('rejected' in mapped && mapped.rejected.message).toBe(
      '"3/18/2020" is not a time in the format YYYY-MM-DD',
    );
  });
});

describe('columnOf', () => {
  it.each([
    ['.product', 'Product'],
    ['.customer.name', 'Name'],
    ['.customer', undefined],
    ['.receivedAt', 'Received'],
    ['.sentAt', 'Sent'],
    ['.externalKey', 'ID'],
    ['.categories.timelyResponse', 'Timely'],
    ['.unknown', undefined],
    [undefined, undefined],
  ])('%s → %s', (property, column) => {
    expect(columnOf(MAPPING, property)).toBe(column);
  });
});
