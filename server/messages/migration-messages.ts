/**
 * Why an open case stays on its policy version at publish, in zh-CN and en: one sentence for every
 * reason code (a code without one fails the type check).
 */
import type { MigrationReason, MigrationReasonParams } from '../domain/case/migrate-case.ts';
import type { Lang } from '../domain/policy/format.ts';

/** The sentence of every reason code, per language. */
export const MIGRATION_MESSAGES: {
  [C in keyof MigrationReasonParams]: Record<Lang, (p: MigrationReasonParams[C]) => string>;
} = {
  state_missing: {
    'zh-CN': (p) => `新版本的流程没有状态 ${p.state}`,
    en: (p) => `the new workflow has no state ${p.state}`,
  },
  state_terminal: {
    'zh-CN': (p) => `状态 ${p.state} 在新版本中是结案状态`,
    en: (p) => `state ${p.state} is a terminal state in the new version`,
  },
  category_invalid: {
    'zh-CN': (p) => `新版本的分类 ${p.dimension} 没有取值 ${p.value}`,
    en: (p) => `category ${p.dimension} has no value ${p.value} in the new version`,
  },
  clock_missing: {
    'zh-CN': (p) => `新版本没有时限 ${p.clock}`,
    en: (p) => `the new version has no clock ${p.clock}`,
  },
  clock_unresolved: {
    'zh-CN': (p) => `新版本无法确定时限 ${p.clock} 的期限`,
    en: (p) => `the new version gives clock ${p.clock} no duration for this case`,
  },
  approval_role_missing: {
    'zh-CN': (p) => `待审批的角色 ${p.role} 在新版本中不存在`,
    en: (p) => `pending approver role ${p.role} does not exist in the new version`,
  },
  approval_row_missing: {
    'zh-CN': (p) => `新版本的核决权限表没有覆盖金额 ${p.amount}`,
    en: (p) => `the new approval matrix has no band for ${p.amount}`,
  },
};

/** A reason in words, in the language asked for. */
export function migrationMessage(reason: MigrationReason, lang: Lang): string {
  const sentence = MIGRATION_MESSAGES[reason.code][lang] as (params: unknown) => string;
  return sentence(reason.params);
}
