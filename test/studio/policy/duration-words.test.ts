// @vitest-environment jsdom
/** A duration in words: one working day is singular in English; Chinese has no plural. */
import { describe, expect, it } from 'vitest';
import { addMessages, setupI18n } from '../../../studio/src/i18n/index.ts';
import { describeDuration } from '../../../studio/src/pages/policy/duration.ts';
import { messages } from '../../../studio/src/pages/policy/messages/index.ts';

const i18n = (lang: 'zh-CN' | 'en') => {
  const instance = setupI18n(lang);
  addMessages('policy', messages);
  const t = instance.getFixedT(lang, 'policy');
  return (key: string, options?: object) => t(key, (options ?? {}) as Record<string, unknown>);
};

describe('describeDuration', () => {
  it('says "1 working day" and "2 working days", "1 day" and "3 days"', () => {
    const t = i18n('en');
    expect(describeDuration({ amount: 1, unit: 'workingDays' }, t)).toBe('1 working day');
    expect(describeDuration({ amount: 2, unit: 'workingDays' }, t)).toBe('2 working days');
    expect(describeDuration({ amount: 1, unit: 'hours' }, t)).toMatch(/^1 hour\b/);
    expect(describeDuration({ amount: 3, unit: 'days' }, t)).toMatch(/^3 days\b/);
  });

  it('says "1 个工作日" in Chinese', () => {
    const t = i18n('zh-CN');
    expect(describeDuration({ amount: 1, unit: 'workingDays' }, t)).toBe('1 个工作日');
  });
});
