/** The backtest's differences in words: states, actions, refusals and matrix rows by the policy's labels. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../studio/src/api/types.ts';
import {
  differenceSummary,
  matrixRowsText,
} from '../../../studio/src/pages/policy/backtest-text.ts';
import { messages } from '../../../studio/src/pages/policy/messages/index.ts';

const policy = JSON.parse(
  readFileSync(join(process.cwd(), 'rulesets/manufacturing-quality/policy.json'), 'utf8'),
) as Policy;

const i18n = i18next.createInstance();
void i18n.init({
  resources: { 'zh-CN': { policy: messages['zh-CN'] }, en: { policy: messages.en } },
  lng: 'zh-CN',
  defaultNS: 'policy',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const words = (lang: 'zh-CN' | 'en') => ({ lang, t: i18n.getFixedT(lang, 'policy') });

describe('a backtest difference in words', () => {
  it('names states, actions and refusals by the policy and the catalogue, in both languages', () => {
    const zh = words('zh-CN');
    const en = words('en');
    const state = { kind: 'state', from: 'closed', to: 'approving' } as const;
    const refused = {
      kind: 'refused',
      transition: 'reply',
      at: '2026-03-13T01:05:00.000Z',
      from: null,
      to: 'approvals_pending',
    } as const;
    const intake = { kind: 'intake', from: null, to: 'form_invalid' } as const;
    expect(differenceSummary(state, policy, zh.lang, zh.t)).toBe('结案 → 核决中');
    expect(differenceSummary(state, policy, en.lang, en.t)).toBe('Closed → Awaiting approval');
    expect(differenceSummary(refused, policy, zh.lang, zh.t)).toBe('答复客户: 允许 → 审批尚未完成');
    expect(differenceSummary(refused, policy, en.lang, en.t)).toBe(
      'Reply to the customer: allowed → approvals not complete',
    );
    expect(differenceSummary(intake, policy, zh.lang, zh.t)).toBe('允许 → 表单填写有误');
    expect(differenceSummary(intake, policy, en.lang, en.t)).toBe('allowed → the form has errors');
    for (const code of [
      'wrong_state',
      'role_not_allowed',
      'approval_beyond_authority',
      'guard_failed',
      'case_terminal',
      'unknown_transition',
    ]) {
      const d = { ...refused, to: code };
      expect(differenceSummary(d, policy, zh.lang, zh.t)).not.toContain(code);
      expect(differenceSummary(d, policy, en.lang, en.t)).not.toContain(code);
    }
  });

  it('names a matrix row by its note, else by its place; a row the draft lacks keeps its id', () => {
    const zh = words('zh-CN');
    const en = words('en');
    const withoutNotes: Policy = {
      ...policy,
      approvals: {
        ...policy.approvals,
        rows: policy.approvals.rows.map(({ note: _note, ...row }) => row),
      },
    };
    const source = 'approvals/oneToTenThousand';
    expect(matrixRowsText(source, policy, zh.lang, zh.t)).toBe(
      '1,000元至10,000元以下：业务部经理审核，副总经理核决',
    );
    expect(matrixRowsText(source, withoutNotes, zh.lang, zh.t)).toBe('第 2 行');
    expect(matrixRowsText(source, withoutNotes, en.lang, en.t)).toBe('row 2');
    expect(
      matrixRowsText('approvals/belowOneThousand, approvals/gone', withoutNotes, en.lang, en.t),
    ).toBe('row 1, gone');
    expect(matrixRowsText('', policy, en.lang, en.t)).toBe('–');
  });
});
