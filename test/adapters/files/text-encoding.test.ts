import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, TextEncodingError } from '../../../server/adapters/files/text-encoding.ts';

const CHINESE = '工单号,投诉内容\r\nJM001,室内信号差，通话经常掉线\r\nJM002,“宽带”断网\r\n';

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(CHINESE, 'utf8'), 'utf-8', false],
    ['UTF-8 with a byte order mark', Buffer.from('\uFEFF' + CHINESE, 'utf8'), 'utf-8', false],
    ['GBK, as Chinese Excel saves CSV', iconv.encode(CHINESE, 'gbk'), 'gb18030', true],
    [
      'GB18030 with a four-byte character',
      iconv.encode(CHINESE + '𠀀\r\n', 'gb18030'),
      'gb18030',
      true,
    ],
    ['UTF-16 with its mark', iconv.encode(CHINESE, 'utf-16le', { addBOM: true }), 'utf-16le', true],
  ])('reads %s', (_, bytes, encoding, detected) => {
    const decoded = decodeText(bytes);
    expect(decoded.text.replace(/^\uFEFF/, '').startsWith('工单号,投诉内容')).toBe(true);
    expect(decoded.text).not.toContain('\uFFFD');
    expect(decoded).toMatchObject({ encoding, detected });
  });

  it('reads the encoding named', () => {
    const big5 = iconv.encode('編號,內容\r\n1,訊號不好\r\n', 'big5');
    expect(decodeText(big5, 'big5').text).toBe('編號,內容\r\n1,訊號不好\r\n');
  });

  it('refuses Western text in windows-1252 rather than read it as Chinese, naming the line', () => {
    const bytes = iconv.encode('Ref,Outcome\r\nDRN-1,the bank’s café said no\r\n', 'windows-1252');
    expect(() => decodeText(bytes)).toThrow(TextEncodingError);
    expect(() => decodeText(bytes)).toThrow(/not UTF-8 \(line 2\)/);
    expect(decodeText(bytes, 'windows-1252').text).toContain('the bank’s café');
  });

  it('refuses bytes that are not in the encoding named, naming the line', () => {
    const bytes = iconv.encode(CHINESE, 'gbk');
    expect(() => decodeText(bytes, 'utf-8')).toThrow('line 1 is not utf-8 text');
  });
});
