/**
 * Whether a change of numbering can give a number an earlier numbering already gave: a case number
 * is unique in a company for ever, so the runtime skips such serials, and the check warns before.
 */
import type { CheckProblem } from '../policy/check/check-codes.ts';
import type { Numbering } from '../policy/format.ts';
import { parsePattern } from './numbering.ts';

/** A numbering in force from a published version on (its number, when known). */
export type PublishedNumbering = { version?: number; numbering: Numbering };

/** Letters offered as a literal prefix that keeps new numbers apart from the earlier ones. */
const PREFIXES = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * What a number of this numbering always holds besides digits, in order: every token writes
 * digits, so two numberings whose literal text differs here never give the same number.
 */
function nonDigitText(numbering: Numbering): string {
  return parsePattern(numbering)
    .map((segment) => ('literal' in segment ? segment.literal.replace(/[0-9]/g, '') : ''))
    .join('');
}

const same = (a: Numbering, b: Numbering) =>
  a.pattern === b.pattern &&
  a.reset === b.reset &&
  JSON.stringify(a.tokens ?? null) === JSON.stringify(b.tokens ?? null);

/** `[X]` before the pattern, X a letter no earlier numbering writes. */
function suggestedPattern(numbering: Numbering, earlier: Numbering[]): string {
  const used = earlier.map(nonDigitText).join('') + nonDigitText(numbering);
  const letter = [...PREFIXES].find((candidate) => !used.includes(candidate)) ?? 'N';
  return `[${letter}]${numbering.pattern}`;
}

/**
 * Warnings (`numbering_may_repeat`, at /numbering/pattern) when `next` changes the latest
 * published numbering and can give a number an earlier one gave: one per earlier numbering, naming
 * the last version that used it, with a pattern a literal prefix keeps apart. None when the
 * numbering is the latest's or there is none published.
 */
export function numberingChangeWarnings(
  next: Numbering,
  published: readonly PublishedNumbering[],
): CheckProblem[] {
  const ordered = [...published].sort((a, b) => (a.version ?? 0) - (b.version ?? 0));
  const latest = ordered.at(-1);
  if (!latest || same(latest.numbering, next)) return [];
  const earlier: PublishedNumbering[] = [];
  for (const entry of ordered) {
    const index = earlier.findIndex((e) => same(e.numbering, entry.numbering));
    if (index >= 0) earlier.splice(index, 1);
    earlier.push(entry);
  }
  const suggestion = suggestedPattern(
    next,
    earlier.map((e) => e.numbering),
  );
  return earlier
    .filter((e) => !same(e.numbering, next) && nonDigitText(e.numbering) === nonDigitText(next))
    .reverse()
    .map((e) => ({
      path: '/numbering/pattern',
      code: 'numbering_may_repeat' as const,
      params: {
        ...(e.version !== undefined ? { version: e.version } : {}),
        before: e.numbering.pattern,
        beforeReset: e.numbering.reset,
        after: next.pattern,
        afterReset: next.reset,
        suggestion,
      },
    }));
}
