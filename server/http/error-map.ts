/** One table from every error code to its HTTP status and its message in zh-CN and en. */
import type { AppErrorCode } from '../app/app-error.ts';
import type { DomainErrorCode } from '../domain/errors.ts';
import type { Lang } from '../domain/policy/format.ts';

/** Codes the HTTP layer raises itself. */
export type HttpErrorCode =
  | 'malformed_json'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'unknown_field'
  | 'invalid_body'
  | 'route_not_found'
  | 'internal_error';

export type ErrorCode = DomainErrorCode | AppErrorCode | HttpErrorCode;

type Entry = {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 500;
  'zh-CN': string;
  en: string;
};

// A new code without an entry here fails the type check.
export const ERROR_TABLE: Record<ErrorCode, Entry> = {
  policy_invalid: { status: 422, 'zh-CN': '策略无效', en: 'The policy is invalid' },
  form_invalid: { status: 422, 'zh-CN': '表单填写有误', en: 'The form has errors' },
  unknown_transition: { status: 400, 'zh-CN': '未知的操作', en: 'Unknown action' },
  wrong_state: {
    status: 409,
    'zh-CN': '案件当前状态不允许此操作',
    en: 'The case is not in a state that allows this action',
  },
  role_not_allowed: {
    status: 403,
    'zh-CN': '您的角色不能执行此操作',
    en: 'Your role may not take this action',
  },
  guard_failed: {
    status: 409,
    'zh-CN': '不满足此操作的条件',
    en: 'The conditions of this action do not hold',
  },
  stage_form_missing: {
    status: 422,
    'zh-CN': '此操作需要填写表单',
    en: 'This action needs its form',
  },
  stage_form_invalid: { status: 422, 'zh-CN': '表单填写有误', en: 'The form has errors' },
  remedy_missing: { status: 422, 'zh-CN': '缺少处理金额', en: 'The remedy amount is missing' },
  approval_not_pending: {
    status: 409,
    'zh-CN': '当前不需要您审批',
    en: 'No approval of yours is pending',
  },
  approval_beyond_authority: {
    status: 403,
    'zh-CN': '金额超出您的核决权限',
    en: 'The amount is beyond your authority',
  },
  approvals_pending: {
    status: 409,
    'zh-CN': '审批尚未完成, 不能答复客户',
    en: 'The approvals are not complete; the customer cannot be answered yet',
  },
  no_approval_row: {
    status: 422,
    'zh-CN': '核决权限表没有覆盖此金额',
    en: 'No approval row covers this amount',
  },
  unknown_category: { status: 422, 'zh-CN': '未知的分类或取值', en: 'Unknown category or value' },
  unknown_clock: { status: 422, 'zh-CN': '未知的时限', en: 'Unknown clock' },
  calendar_unknown: { status: 422, 'zh-CN': '未知的日历', en: 'Unknown calendar' },
  calendar_no_working_time: {
    status: 422,
    'zh-CN': '日历中没有工作时间',
    en: 'The calendar has no working time',
  },
  case_terminal: { status: 409, 'zh-CN': '案件已结案', en: 'The case is closed' },
  override_invalid: {
    status: 422,
    'zh-CN': '继承模板的策略中有无法应用的覆盖项',
    en: 'An override of the template cannot be applied',
  },
  unauthorized: {
    status: 401,
    'zh-CN': '请先登录 (需要有效的令牌)',
    en: 'Sign in with a valid token',
  },
  forbidden: { status: 403, 'zh-CN': '没有权限', en: 'Not allowed' },
  not_found: { status: 404, 'zh-CN': '未找到', en: 'Not found' },
  invalid_request: { status: 400, 'zh-CN': '请求无效', en: 'Invalid request' },
  stale_version: {
    status: 409,
    'zh-CN': '数据已被他人修改, 请刷新后重试',
    en: 'Changed by someone else; reload and try again',
  },
  already_exists: { status: 409, 'zh-CN': '已存在', en: 'Already exists' },
  policy_has_problems: {
    status: 422,
    'zh-CN': '策略有问题或示例未通过, 未发布',
    en: 'The policy has problems or failing examples and was not published',
  },
  no_published_policy: {
    status: 409,
    'zh-CN': '公司尚未发布策略',
    en: 'The company has not published a policy yet',
  },
  unknown_role: { status: 422, 'zh-CN': '策略中没有此角色', en: 'The policy has no such role' },
  unknown_template: { status: 422, 'zh-CN': '没有此模板', en: 'No such template' },
  import_key_missing: {
    status: 422,
    'zh-CN': '导入记录缺少外部编号',
    en: 'The imported record has no external key',
  },
  import_key_duplicate: {
    status: 409,
    'zh-CN': '外部编号在同一批导入中重复',
    en: 'The external key appears twice in the import',
  },
  import_time_invalid: {
    status: 422,
    'zh-CN': '导入记录的时间无效',
    en: 'A time of the imported record is invalid',
  },
  import_value_unmapped: {
    status: 422,
    'zh-CN': '映射中没有这个取值',
    en: 'The mapping has no such value',
  },
  import_value_invalid: {
    status: 422,
    'zh-CN': '导入记录的取值类型不对',
    en: 'A value of the imported record has the wrong type',
  },
  import_category_invalid: {
    status: 422,
    'zh-CN': '策略的分类中没有这个取值',
    en: 'The policy’s category has no such value',
  },
  template_version_unavailable: {
    status: 409,
    'zh-CN': '没有所继承的模板版本',
    en: 'The template version extended is not available',
  },
  not_extending: {
    status: 409,
    'zh-CN': '草稿没有继承模板',
    en: 'The draft does not extend a template',
  },
  malformed_json: {
    status: 400,
    'zh-CN': '请求体不是有效的 JSON',
    en: 'The body is not valid JSON',
  },
  unsupported_media_type: {
    status: 415,
    'zh-CN': '请求体必须是 application/json',
    en: 'The body must be application/json',
  },
  body_too_large: { status: 413, 'zh-CN': '请求体过大', en: 'The body is too large' },
  unknown_field: { status: 400, 'zh-CN': '请求包含未知字段', en: 'The request has unknown fields' },
  invalid_body: {
    status: 400,
    'zh-CN': '请求字段缺失或类型错误',
    en: 'A field is missing or of the wrong type',
  },
  route_not_found: { status: 404, 'zh-CN': '没有此接口', en: 'No such route' },
  internal_error: { status: 500, 'zh-CN': '服务器内部错误', en: 'Internal server error' },
};

/** The language from Accept-Language: English when it prefers en, otherwise Chinese. */
export function langOf(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
