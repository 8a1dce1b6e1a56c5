/**
 * An approval row's note (说明) kept in step with its amounts. Notes begin with the band in words —
 * "1,000元至10,000元以下：…", "1,000 to under 10,000 yuan: …" — and went stale when the bounds were
 * edited. The band phrase found in a note is written again from the row's amounts; the rest of the
 * note, and a note without a band phrase, are left as they are.
 */
import type { Label } from '../../api/types.ts';
import { formatYuan } from './YuanInput.tsx';

type Band = { min: number; max?: number | undefined };

const N = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const ZH = new RegExp(String.raw`(?:${N})元?至(?:${N})元以下|(?:${N})元及以上|(?:${N})元以下`);
const EN = new RegExp(
  String.raw`(?:${N}) to under (?:${N})(?: yuan)?|(?:${N})(?: yuan)? and above|below (?:${N})(?: yuan)?`,
  'i',
);

/** The band in Chinese words ("1,000元至10,000元以下"); null for 0 with no upper bound. */
function zhPhrase({ min, max }: Band, old: string): string | null {
  const yuan = (n: number) => formatYuan(n, 'zh-CN');
  if (max === undefined) return min > 0 ? `${yuan(min)}元及以上` : null;
  if (min === 0) return `${yuan(max)}元以下`;
  const joint = /^[\d,.]+至/.test(old) ? '至' : '元至';
  return `${yuan(min)}${joint}${yuan(max)}元以下`;
}

/** The band in English words, keeping the old phrase's "yuan" and capital letter. */
function enPhrase({ min, max }: Band, old: string, atStart: boolean): string | null {
  const yuan = (n: number) => formatYuan(n, 'en');
  const unit = / yuan/.test(old) ? ' yuan' : '';
  if (max === undefined) return min > 0 ? `${yuan(min)}${unit} and above` : null;
  if (min === 0) return `${/^B/.test(old) || atStart ? 'Below' : 'below'} ${yuan(max)}${unit}`;
  return `${yuan(min)} to under ${yuan(max)}${unit}`;
}

function restate(
  text: string,
  pattern: RegExp,
  phrase: (old: string, at: number) => string | null,
) {
  const found = pattern.exec(text);
  if (!found) return text;
  const next = phrase(found[0], found.index);
  return next === null
    ? text
    : text.slice(0, found.index) + next + text.slice(found.index + found[0].length);
}

/** The note with its band phrase (in each language) written from the band's amounts. */
export function restateBandNote(note: Label | undefined, band: Band): Label | undefined {
  if (!note) return note;
  const zh = restate(note['zh-CN'], ZH, (old) => zhPhrase(band, old));
  const en =
    note.en === undefined
      ? undefined
      : restate(note.en, EN, (old, at) => enPhrase(band, old, at === 0));
  return { 'zh-CN': zh, ...(en !== undefined ? { en } : {}) };
}
