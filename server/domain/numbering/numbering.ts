/** Case numbering: a pattern such as YYMMCC (serial restarting monthly) or AABBCCDDD. */
import { zonedParts } from '../time/time.ts';
import type { Numbering, TokenMeaning } from '../policy/format.ts';

const DEFAULT_TOKENS: Record<string, TokenMeaning> = {
  Y: 'year',
  M: 'month',
  D: 'day',
  C: 'serial',
};

type Segment = { meaning: TokenMeaning; width: number } | { literal: string };

/** Splits a pattern into runs of token letters and literal text; text in [brackets] is literal. */
export function parsePattern(numbering: Numbering): Segment[] {
  const tokens = numbering.tokens ?? DEFAULT_TOKENS;
  const segments: Segment[] = [];
  let quoted = false;
  for (const char of numbering.pattern) {
    if (char === '[' || char === ']') {
      quoted = char === '[';
      continue;
    }
    const meaning = quoted ? undefined : tokens[char];
    const last = segments[segments.length - 1];
    if (meaning && last && 'meaning' in last && last.meaning === meaning) last.width += 1;
    else if (meaning) segments.push({ meaning, width: 1 });
    else if (last && 'literal' in last) last.literal += char;
    else segments.push({ literal: char });
  }
  return segments;
}

/** The period a serial counts in ("2026-02" for a monthly reset), in the company's time zone. */
export function numberingPeriod(numbering: Numbering, atMs: number, timeZone: string): string {
  const { date } = zonedParts(atMs, timeZone);
  switch (numbering.reset) {
    case 'never':
      return 'all';
    case 'year':
      return date.slice(0, 4);
    case 'month':
      return date.slice(0, 7);
    case 'day':
      return date;
  }
}

/**
 * Formats the case number for a serial received at a moment. A serial wider than its token is
 * written in full rather than wrapped, so numbers never repeat.
 */
export function formatCaseNumber(
  numbering: Numbering,
  atMs: number,
  timeZone: string,
  serial: number,
): string {
  const { date } = zonedParts(atMs, timeZone);
  const values: Record<TokenMeaning, string> = {
    year: date.slice(0, 4),
    month: date.slice(5, 7),
    day: date.slice(8, 10),
    serial: String(serial),
  };
  return parsePattern(numbering)
    .map((segment) => {
      if ('literal' in segment) return segment.literal;
      const value = values[segment.meaning];
      if (segment.meaning === 'year')
        return value.slice(-segment.width).padStart(segment.width, '0');
      return value.padStart(segment.width, '0');
    })
    .join('');
}

/** The next number: the serial after the last one used in the period of `atMs`. */
export function nextCaseNumber(
  numbering: Numbering,
  atMs: number,
  timeZone: string,
  lastSerialInPeriod: number,
): { number: string; period: string; serial: number } {
  const serial = lastSerialInPeriod + 1;
  return {
    number: formatCaseNumber(numbering, atMs, timeZone, serial),
    period: numberingPeriod(numbering, atMs, timeZone),
    serial,
  };
}
