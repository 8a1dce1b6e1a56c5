import { describe, expect, it } from 'vitest';
import {
  CsvError,
  formatCsv,
  parseCsv,
  parseCsvRecords,
} from '../../../server/adapters/files/csv.ts';

describe('parseCsv (RFC 4180)', () => {
  it.each([
    ['one field', 'a', [['a']]],
    [
      'fields and records, CRLF',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'bare LF and bare CR end records too',
      'a,b\nc,d\re,f',
      [
        ['a', 'b'],
        ['c', 'd'],
        ['e', 'f'],
      ],
    ],
    [
      'no line break at the end',
      'a,b\r\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['empty fields', ',a,,\r\n', [['', 'a', '', '']]],
    ['a quoted field with a comma', '"x, y",z', [['x, y', 'z']]],
    [
      'a quoted field with CRLF and LF inside',
      '"line 1\r\nline 2\nline 3",z',
      [['line 1\r\nline 2\nline 3', 'z']],
    ],
    ['doubled quotes stand for one', '"say ""hi""",b', [['say "hi"', 'b']]],
    ['only a doubled quote', '""""', [['"']]],
    [
      'an empty quoted field at the end of a record',
      'a,""\r\nb,c',
      [
        ['a', ''],
        ['b', 'c'],
      ],
    ],
    ['a lone empty quoted field is a record', '""', [['']]],
    [
      'a byte order mark is dropped',
      '\uFEFFComplaint ID,Product\r\n1,Mortgage',
      [
        ['Complaint ID', 'Product'],
        ['1', 'Mortgage'],
      ],
    ],
    ['a quote inside an unquoted field is text', 'ab"c,d', [['ab"c', 'd']]],
    ['spaces are kept', ' a , b ', [[' a ', ' b ']]],
    [
      'Chinese text',
      '客户,投诉内容\n王女士,"外壳开裂，需退货"',
      [
        ['客户', '投诉内容'],
        ['王女士', '外壳开裂，需退货'],
      ],
    ],
    ['an empty line in the middle is an empty record', 'a\n\nb', [['a'], [''], ['b']]],
    ['an empty file has no records', '', []],
  ])('%s', (_, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('gives each record the line it starts on, counting line breaks inside quotes', () => {
    const records = parseCsvRecords('h1,h2\n"a\nb",c\nd,e\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it.each([
    ['a quote never closed', 'a,"b\nc', /never closed \(record 1, line 1\)/],
    ['text after a closing quote', 'a\n"b"x,c', /text after a closing quote \(record 2, line 2\)/],
  ])('refuses %s, saying where', (_, text, message) => {
    expect(() => parseCsv(text)).toThrow(CsvError);
    expect(() => parseCsv(text)).toThrow(message);
  });

  it('reads back what formatCsv writes', () => {
    const rows = [
      ['row', 'message'],
      ['2', 'a "quoted", multi\nline value'],
      ['3', ''],
    ];
    const text = formatCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text)).toEqual(rows);
  });
});
