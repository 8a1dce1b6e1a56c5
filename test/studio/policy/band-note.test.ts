import { describe, expect, it } from 'vitest';
import { restateBandNote } from '../../../studio/src/pages/policy/band-note.ts';

describe('an approval row’s note follows its amounts', () => {
  it.each([
    [
      'both bounds, 元至',
      {
        'zh-CN': '1,000元至10,000元以下：业务部经理审核，副总经理核决',
        en: '1,000 to under 10,000 yuan: the sales manager, then the deputy GM',
      },
      { min: 1000, max: 20000 },
      {
        'zh-CN': '1,000元至20,000元以下：业务部经理审核，副总经理核决',
        en: '1,000 to under 20,000 yuan: the sales manager, then the deputy GM',
      },
    ],
    [
      'both bounds after a prefix, 至 without 元',
      {
        'zh-CN': '区域市场内、不涉及媒体，1,000至10,000元以下：主管审核',
        en: 'One region, no media, 1,000 to under 10,000 yuan: supervisor',
      },
      { min: 2000, max: 10000 },
      {
        'zh-CN': '区域市场内、不涉及媒体，2,000至10,000元以下：主管审核',
        en: 'One region, no media, 2,000 to under 10,000 yuan: supervisor',
      },
    ],
    [
      'an upper bound only',
      { 'zh-CN': '1,000元以下：业务部经理核决', en: 'Below 1,000 yuan: the sales manager' },
      { min: 0, max: 1500 },
      { 'zh-CN': '1,500元以下：业务部经理核决', en: 'Below 1,500 yuan: the sales manager' },
    ],
    [
      'an upper bound only, which gets a lower bound',
      { 'zh-CN': '1,000元以下：业务部经理核决', en: 'Below 1,000 yuan: the sales manager' },
      { min: 500, max: 1000 },
      {
        'zh-CN': '500元至1,000元以下：业务部经理核决',
        en: '500 to under 1,000 yuan: the sales manager',
      },
    ],
    [
      'no upper bound',
      { 'zh-CN': '10,000元及以上：总经理核决', en: '10,000 yuan and above: the GM' },
      { min: 20000 },
      { 'zh-CN': '20,000元及以上：总经理核决', en: '20,000 yuan and above: the GM' },
    ],
    [
      'an upper bound removed',
      { 'zh-CN': '1,000元至10,000元以下：副总经理', en: '1,000 to under 10,000 yuan: deputy GM' },
      { min: 1000 },
      { 'zh-CN': '1,000元及以上：副总经理', en: '1,000 yuan and above: deputy GM' },
    ],
    [
      'a note without amounts, left as it is',
      { 'zh-CN': '如补一次课、赠送学习资料（假设）', en: 'E.g. one make-up lesson (assumption)' },
      { min: 0, max: 800 },
      { 'zh-CN': '如补一次课、赠送学习资料（假设）', en: 'E.g. one make-up lesson (assumption)' },
    ],
    [
      'a Chinese note only',
      { 'zh-CN': '500元以下：客服代表' },
      { min: 0, max: 600 },
      { 'zh-CN': '600元以下：客服代表' },
    ],
  ])('%s', (_, note, band, expected) => {
    expect(restateBandNote(note, band)).toEqual(expected);
  });

  it('leaves a row without a note without one', () => {
    expect(restateBandNote(undefined, { min: 0, max: 1 })).toBeUndefined();
  });
});
