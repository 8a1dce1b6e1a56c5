/** Case numbering: the pattern, what its letters mean, and when the serial restarts. */
import { Type, type Static } from '@sinclair/typebox';
import { anyKeyMap, oneOfStrings, strictObject } from './schema-builders.ts';

const TOKEN_MEANINGS = ['year', 'month', 'day', 'serial'] as const;

/** What a pattern letter stands for. */
export type TokenMeaning = (typeof TOKEN_MEANINGS)[number];

/** Case numbering, e.g. YYMMCC (serial restarting monthly) or AABBCCDDD. */
export const NumberingSchema = strictObject({
  pattern: Type.String({ minLength: 1 }),
  /** Letter → meaning; default Y=year, M=month, D=day, C=serial. Other characters, and text in
   * [brackets], are literal. */
  tokens: Type.Optional(anyKeyMap(oneOfStrings(TOKEN_MEANINGS))),
  reset: oneOfStrings(['never', 'year', 'month', 'day']),
});
/** Case numbering, e.g. YYMMCC (serial restarting monthly) or AABBCCDDD. */
export type Numbering = Static<typeof NumberingSchema>;
