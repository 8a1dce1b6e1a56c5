/**
 * The text of a CSV file whatever its encoding: UTF-8 (with or without a byte order mark), UTF-16
 * with its mark, GBK/GB18030 as Chinese Excel writes "CSV (comma delimited)" — recognised by its
 * byte pattern — or the encoding the user names. Never text with replacement characters: bytes
 * that do not decode are refused with the line they are on.
 */
import iconv from 'iconv-lite';

/** Bytes that are not text in the encoding used: the line they are on, and that encoding. */
export class TextEncodingError extends Error {
  /** The encoding tried: the one named, or `utf-8` when none was named and none was recognised. */
  readonly encoding: string;
  /** Whether the user named the encoding (else the file is neither UTF-8 nor recognisably GB). */
  readonly named: boolean;
  readonly line: number;
  constructor(encoding: string, named: boolean, line: number) {
    super(
      named
        ? `line ${line} is not ${encoding} text`
        : `the file is not UTF-8 (line ${line}) and its encoding is not recognised: name it with --encoding (e.g. gb18030, big5, windows-1252)`,
    );
    this.name = 'TextEncodingError';
    this.encoding = encoding;
    this.named = named;
    this.line = line;
  }
}

/** Decoded text and how it was decoded. */
export type DecodedText = { text: string; encoding: string; detected: boolean };

/** Whether iconv-lite can decode this encoding (gb18030, gbk, big5, shift_jis, windows-1252 …). */
export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/**
 * Whether bytes that are not UTF-8 read as GB text: nearly every two-byte character is in the
 * GB2312 block (both bytes from 0xA1), where hanzi and full-width punctuation live. Western text
 * in windows-1252 puts single accented bytes next to ASCII, which never forms such pairs.
 */
function looksLikeGb(bytes: Uint8Array): boolean {
  let pairs = 0;
  let gb2312 = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const trail = bytes[i + 1] ?? 0;
    if (lead === 0x80 || lead === 0xff) return false;
    if (trail >= 0x30 && trail <= 0x39) {
      // A four-byte GB18030 character (rare letters, emoji): counted, not as GB2312.
      pairs += 1;
      i += 4;
      continue;
    }
    pairs += 1;
    if (lead >= 0xa1 && trail >= 0xa1 && trail !== 0xff) gb2312 += 1;
    i += 2;
  }
  return pairs > 0 && gb2312 / pairs >= 0.9;
}

function decodeWith(bytes: Uint8Array, encoding: string, named: boolean): string {
  const text = iconv.decode(Buffer.from(bytes), encoding);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) throw new TextEncodingError(encoding, named, lineOf(text, bad));
  return text;
}

/**
 * The file's text: in the named encoding, else by its byte order mark, else UTF-8 when it is
 * valid UTF-8, else GB18030 when its bytes read as Chinese.
 * @throws TextEncodingError for bytes that do not decode, naming the line
 */
export function decodeText(bytes: Uint8Array, encoding?: string): DecodedText {
  if (encoding) return { text: decodeWith(bytes, encoding, true), encoding, detected: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decodeWith(bytes, 'utf-16le', false), encoding: 'utf-16le', detected: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decodeWith(bytes, 'utf-16be', false), encoding: 'utf-16be', detected: true };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8', detected: false };
  } catch {
    if (looksLikeGb(bytes))
      return { text: decodeWith(bytes, 'gb18030', false), encoding: 'gb18030', detected: true };
    const loose = new TextDecoder('utf-8').decode(bytes);
    throw new TextEncodingError('utf-8', false, lineOf(loose, loose.indexOf('\uFFFD')));
  }
}
