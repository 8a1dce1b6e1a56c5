import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from '../../server/app/app-error.ts';
import { STORE_ERROR_CODES } from '../../server/app/ports/ports.ts';
import { DOMAIN_ERROR_CODES } from '../../server/domain/errors.ts';
import { ERROR_STATUS, isErrorCode } from '../../server/http/error-status.ts';
import { HTTP_ERROR_CODES } from '../../server/http/http-error.ts';
import { ERROR_MESSAGES } from '../../server/http/messages/error-messages.ts';

const LAYERS: [string, readonly string[]][] = [
  ['the domain', DOMAIN_ERROR_CODES],
  ['the use cases', APP_ERROR_CODES],
  ['the store', STORE_ERROR_CODES],
  ['the HTTP layer', HTTP_ERROR_CODES],
];

describe('the error codes', () => {
  it.each(LAYERS)(
    'give every code of %s a status and a sentence in both languages',
    (_l, codes) => {
      for (const code of codes) {
        expect(isErrorCode(code), code).toBe(true);
        if (!isErrorCode(code)) continue;
        expect(ERROR_STATUS[code], code).toBeGreaterThanOrEqual(400);
        expect(ERROR_MESSAGES[code]['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
        expect(ERROR_MESSAGES[code].en, code).toMatch(/^[A-Z]/);
      }
    },
  );

  it('map and word no code that no layer raises', () => {
    const raised = new Set(LAYERS.flatMap(([, codes]) => codes));
    expect(Object.keys(ERROR_STATUS).filter((code) => !raised.has(code))).toEqual([]);
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual(Object.keys(ERROR_STATUS).sort());
  });

  it('answer every conflict of the store with 409', () => {
    expect(ERROR_STATUS.conflict).toBe(409);
    expect(ERROR_STATUS.stale_version).toBe(409);
    expect(isErrorCode('toString')).toBe(false);
  });
});
