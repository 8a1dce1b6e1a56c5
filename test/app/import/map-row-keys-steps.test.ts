/** Mappings for files without a key column, with times in two columns, and with several steps. */
import { describe, expect, it } from 'vitest';
import type { MappingError } from '../../../server/app/import/import-mapping.ts';
import {
  columnOf,
  mapRow,
  parseLocalTime,
  parseMapping,
  takenSteps,
  type ImportMapping,
} from '../../../server/app/import/import-mapping.ts';

const ZONE = 'Asia/Shanghai';

/** An EOMS export: no ticket number, dispatch date and time apart, three steps with times. */
const COLUMNS = [
  '派单日期',
  '派单时间',
  '号码',
  '签收时间',
  '签收人',
  '回复时间',
  '处理结果',
  '回复内容',
  '归档时间',
  '内容',
];

const MAPPING: ImportMapping = {
  externalKey: { columns: ['派单日期', '派单时间', '号码'] },
  receivedAt: {
    column: '派单日期',
    format: 'YYYY/M/D',
    timeColumn: '派单时间',
    timeFormat: 'A hh:mm:ss',
    timeZone: ZONE,
  },
  steps: [
    {
      transition: 'sign',
      column: '签收时间',
      format: 'YYYY-MM-DD HH:mm',
      timeZone: ZONE,
      data: { responsiblePerson: { column: '签收人' } },
    },
    {
      transition: 'finalReply',
      column: '回复时间',
      format: 'YYYY-MM-DD HH:mm',
      timeZone: ZONE,
      data: {
        result: { column: '处理结果', values: { 故障: 'fault', 覆盖: 'coverage' } },
        content: { column: '回复内容' },
      },
    },
    { transition: 'archive', column: '归档时间', format: 'YYYY-MM-DD HH:mm', timeZone: ZONE },
  ],
  fields: { description: { column: '内容' } },
};

const ROW = {
  派单日期: '2024/4/30',
  派单时间: '下午 03:05:00',
  号码: '13800138000',
  签收时间: '2024-04-30 16:10',
  签收人: '李工',
  回复时间: '2024-05-01 09:30',
  处理结果: '故障',
  回复内容: '基站故障已修复',
  归档时间: '2024-05-02 10:00',
  内容: '室内无信号',
};

describe('times in two columns and with AM/PM', () => {
  const at = (format: string, timeFormat?: string) => ({
    column: 'Date',
    format,
    timeZone: 'America/New_York',
    ...(timeFormat ? { timeColumn: 'Time', timeFormat } : {}),
  });
  it.each([
    [
      'a Comcast row: day-month-year, then hh:mm:ss PM',
      '22-04-2015',
      '03:53:50 PM',
      at('DD-MM-YYYY', 'hh:mm:ss A'),
      '2015-04-22T15:53:50-04:00',
    ],
    [
      '12 AM is midnight',
      '22-04-2015',
      '12:10:00 AM',
      at('DD-MM-YYYY', 'hh:mm:ss A'),
      '2015-04-22T00:10:00-04:00',
    ],
    [
      '12 PM is noon',
      '22-04-2015',
      '12:10:00 pm',
      at('DD-MM-YYYY', 'hh:mm:ss A'),
      '2015-04-22T12:10:00-04:00',
    ],
    [
      '上午 before the time, as Chinese Excel writes it',
      '2015/4/22',
      '上午 09:05:00',
      at('YYYY/M/D', 'A hh:mm:ss'),
      '2015-04-22T09:05:00-04:00',
    ],
    [
      'a 24-hour time column',
      '2015-04-22',
      '21:05',
      at('YYYY-MM-DD', 'HH:mm'),
      '2015-04-22T21:05:00-04:00',
    ],
    [
      'an Excel time cell (read as 1899-12-30)',
      '2015-04-22',
      '1899-12-30T15:53:50',
      at('DD-MM-YYYY', 'hh:mm:ss A'),
      '2015-04-22T15:53:50-04:00',
    ],
    [
      'one column with AM/PM',
      '4/22/2015 3:53 PM',
      undefined,
      at('M/D/YYYY h:mm A'),
      '2015-04-22T15:53:00-04:00',
    ],
  ])('reads %s', (_, date, time, column, expected) => {
    expect(parseLocalTime(date, column, time)).toBe(expected);
  });

  it.each([
    ['13 o’clock PM', '13:00:00 PM'],
    ['no AM/PM', '03:53:50'],
    ['a time that is not one', 'afternoon'],
  ])('refuses %s', (_, time) => {
    expect(parseLocalTime('22-04-2015', at('DD-MM-YYYY', 'hh:mm:ss A'), time)).toBeUndefined();
  });
});

describe('parseMapping: keys, time columns, steps', () => {
  const problems = (mapping: unknown) => {
    try {
      parseMapping(mapping, COLUMNS);
    } catch (error) {
      return (error as MappingError).problems;
    }
    return [];
  };

  it('accepts a combined key, a time column and steps with form fields', () => {
    expect(parseMapping(MAPPING, COLUMNS)).toEqual(MAPPING);
    expect(problems({ ...MAPPING, externalKey: { rowNumber: 'eoms-2024-04' } })).toEqual([]);
  });

  it('names each problem', () => {
    expect(
      problems({
        ...MAPPING,
        externalKey: { columns: ['派单日期', '工单号'] },
        receivedAt: { ...MAPPING.receivedAt, timeColumn: '时间', timeFormat: 'hh:mm' },
        steps: [
          {
            ...MAPPING.steps?.[0],
            transition: '',
            data: { responsiblePerson: { column: '责任人' } },
          },
        ],
      }),
    ).toEqual([
      { path: 'externalKey.columns[1]', message: 'column "工单号" is not in the file' },
      { path: 'receivedAt.timeColumn', message: 'column "时间" is not in the file' },
      {
        path: 'receivedAt.timeFormat',
        message: 'hh (12-hour) needs A for AM/PM (e.g. hh:mm:ss A)',
      },
      { path: 'steps[0].transition', message: 'must name the workflow transition the record took' },
      {
        path: 'steps[0].data.responsiblePerson.column',
        message: 'column "责任人" is not in the file',
      },
    ]);
    expect(problems({ ...MAPPING, externalKey: { rowNumber: '' } })).toEqual([
      {
        path: 'externalKey',
        message:
          'must name a column, list columns ({"columns": [...]}) or give {"rowNumber": "<prefix naming the file>"}',
      },
    ]);
  });
});

describe('mapRow: keys without a key column', () => {
  it('joins the key columns', () => {
    const mapped = mapRow(MAPPING, { row: 2, values: ROW });
    expect('ok' in mapped && mapped.ok.externalKey).toBe('2024/4/30|下午 03:05:00|13800138000');
  });

  it('uses the row number after the file’s prefix', () => {
    const mapping = { ...MAPPING, externalKey: { rowNumber: 'eoms-2024-04' } };
    const mapped = mapRow(mapping, { row: 17, values: ROW });
    expect('ok' in mapped && mapped.ok.externalKey).toBe('eoms-2024-04:17');
  });

  it('refuses a row whose key column is empty, naming it', () => {
    expect(mapRow(MAPPING, { row: 3, values: { ...ROW, 号码: ' ' } })).toEqual({
      rejected: {
        row: 3,
        key: '',
        code: 'import_key_missing',
        field: '号码',
        message: 'the external key is empty',
      },
    });
  });
});

describe('mapRow: steps', () => {
  it('reads the received time from two columns and each step at its time with its form', () => {
    const mapped = mapRow(MAPPING, { row: 2, values: ROW });
    expect(mapped).toEqual({
      ok: expect.objectContaining({
        receivedAt: '2024-04-30T15:05:00+08:00',
        steps: [
          {
            transition: 'sign',
            at: '2024-04-30T16:10:00+08:00',
            data: { responsiblePerson: '李工' },
          },
          {
            transition: 'finalReply',
            at: '2024-05-01T09:30:00+08:00',
            data: { result: 'fault', content: '基站故障已修复' },
          },
          { transition: 'archive', at: '2024-05-02T10:00:00+08:00' },
        ],
      }),
    });
  });

  it('leaves out the steps a record did not take (an empty time)', () => {
    const values = { ...ROW, 回复时间: '', 归档时间: '' };
    const mapped = mapRow(MAPPING, { row: 2, values });
    expect('ok' in mapped && mapped.ok.steps?.map((s) => s.transition)).toEqual(['sign']);
    expect(takenSteps(MAPPING, values)).toEqual([0]);
  });

  it.each([
    [
      'a step before the received time',
      { 签收时间: '2024-04-30 14:00' },
      '签收时间',
      'sign at 2024-04-30T14:00:00+08:00 is before the received time (派单日期 + 派单时间) 2024-04-30T15:05:00+08:00: one of the two is wrong',
    ],
    [
      'a step before the step ahead of it',
      { 归档时间: '2024-05-01 09:00' },
      '归档时间',
      'archive at 2024-05-01T09:00:00+08:00 is before finalReply (回复时间) 2024-05-01T09:30:00+08:00: one of the two is wrong',
    ],
    ['an empty time of day', { 派单时间: '' }, '派单时间', 'the time is empty'],
    [
      'a time of day in another format',
      { 派单时间: '15:05' },
      '派单日期 + 派单时间',
      '"2024/4/30 15:05" is not a time in the format YYYY/M/D A hh:mm:ss',
    ],
  ])('refuses %s, naming the columns and both times', (_, change, field, message) => {
    const byRow = { ...MAPPING, externalKey: { rowNumber: 'eoms' } };
    expect(mapRow(byRow, { row: 4, values: { ...ROW, ...change } })).toEqual({
      rejected: expect.objectContaining({ row: 4, code: 'import_time_invalid', field, message }),
    });
  });

  it('names the column behind a step the server refuses, counting only the steps taken', () => {
    // The row took sign and archive; the server's .steps[1] is the archive.
    expect(columnOf(MAPPING, '.steps[1].at', [0, 2])).toBe('归档时间');
    expect(columnOf(MAPPING, '.steps[0].data.responsiblePerson', [0, 2])).toBe('签收人');
    expect(columnOf(MAPPING, '.steps[1].data.content', [0, 1])).toBe('回复内容');
    expect(columnOf(MAPPING, '.receivedAt')).toBe('派单日期 + 派单时间');
    expect(columnOf(MAPPING, '.externalKey')).toBe('派单日期 + 派单时间 + 号码');
  });
});
