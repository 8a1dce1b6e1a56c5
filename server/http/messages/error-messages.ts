/** What each error code says to a person, in zh-CN and en: the API's envelope and the kesu command. */
import type { Lang } from '../../domain/policy/format.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/accounts/sign-in-rules.ts';
import type { ErrorCode } from '../error-status.ts';

/** One sentence in every language Kesu speaks. */
export type Sentence = Record<Lang, string>;

const FORM_HAS_ERRORS: Sentence = { 'zh-CN': '表单填写有误', en: 'The form has errors' };

/** The sentence of each code; a code without one, or one that no layer raises, fails the type check. */
export const ERROR_MESSAGES: Record<ErrorCode, Sentence> = {
  // The domain.
  policy_invalid: { 'zh-CN': '策略无效', en: 'The policy is invalid' },
  form_invalid: FORM_HAS_ERRORS,
  unknown_transition: { 'zh-CN': '未知的操作', en: 'Unknown action' },
  wrong_state: {
    'zh-CN': '案件当前状态不允许此操作',
    en: 'The case is not in a state that allows this action',
  },
  role_not_allowed: { 'zh-CN': '您的角色不能执行此操作', en: 'Your role may not take this action' },
  guard_failed: { 'zh-CN': '不满足此操作的条件', en: 'The conditions of this action do not hold' },
  stage_form_missing: { 'zh-CN': '此操作需要填写表单', en: 'This action needs its form' },
  stage_form_invalid: FORM_HAS_ERRORS,
  remedy_missing: { 'zh-CN': '缺少处理金额', en: 'The remedy amount is missing' },
  approval_not_pending: { 'zh-CN': '当前不需要您审批', en: 'No approval of yours is pending' },
  approval_beyond_authority: {
    'zh-CN': '金额超出您的核决权限',
    en: 'The amount is beyond your authority',
  },
  approval_same_person: {
    'zh-CN': '您已审批过此审批链的一步, 下一步须由另一人审批 (四眼原则)',
    en: 'You already approved a step of this chain; another person must approve the next (four eyes)',
  },
  approvals_pending: {
    'zh-CN': '审批尚未完成, 不能答复客户',
    en: 'The approvals are not complete; the customer cannot be answered yet',
  },
  no_approval_row: {
    'zh-CN': '核决权限表没有覆盖此金额',
    en: 'No approval row covers this amount',
  },
  unknown_category: { 'zh-CN': '未知的分类或取值', en: 'Unknown category or value' },
  unknown_clock: { 'zh-CN': '未知的时限', en: 'Unknown clock' },
  calendar_unknown: { 'zh-CN': '未知的日历', en: 'Unknown calendar' },
  calendar_no_working_time: {
    'zh-CN': '日历中没有工作时间',
    en: 'The calendar has no working time',
  },
  case_terminal: { 'zh-CN': '案件已结案', en: 'The case is closed' },
  override_invalid: {
    'zh-CN': '继承模板的策略中有无法应用的覆盖项',
    en: 'An override of the template cannot be applied',
  },
  // The use cases (and the store: stale_version, not_found).
  unauthorized: { 'zh-CN': '请先登录 (需要有效的令牌)', en: 'Sign in with a valid token' },
  forbidden: { 'zh-CN': '没有权限', en: 'Not allowed' },
  not_found: { 'zh-CN': '未找到', en: 'Not found' },
  invalid_request: { 'zh-CN': '请求无效', en: 'Invalid request' },
  stale_version: {
    'zh-CN': '数据已被他人修改, 请刷新后重试',
    en: 'Changed by someone else; reload and try again',
  },
  already_exists: { 'zh-CN': '已存在', en: 'Already exists' },
  policy_has_problems: {
    'zh-CN': '策略有问题或示例未通过, 未发布',
    en: 'The policy has problems or failing examples and was not published',
  },
  no_published_policy: {
    'zh-CN': '公司尚未发布策略',
    en: 'The company has not published a policy yet',
  },
  unknown_role: { 'zh-CN': '策略中没有此角色', en: 'The policy has no such role' },
  unknown_template: { 'zh-CN': '没有此模板', en: 'No such template' },
  import_key_missing: {
    'zh-CN': '导入记录缺少外部编号',
    en: 'The imported record has no external key',
  },
  import_key_duplicate: {
    'zh-CN': '外部编号在同一批导入中重复',
    en: 'The external key appears twice in the import',
  },
  import_time_invalid: {
    'zh-CN': '导入记录的时间无效',
    en: 'A time of the imported record is invalid',
  },
  import_value_unmapped: { 'zh-CN': '映射中没有这个取值', en: 'The mapping has no such value' },
  import_value_invalid: {
    'zh-CN': '导入记录的取值类型不对',
    en: 'A value of the imported record has the wrong type',
  },
  import_category_invalid: {
    'zh-CN': '策略的分类中没有这个取值',
    en: 'The policy’s category has no such value',
  },
  template_version_unavailable: {
    'zh-CN': '没有所继承的模板版本',
    en: 'The template version extended is not available',
  },
  not_extending: { 'zh-CN': '草稿没有继承模板', en: 'The draft does not extend a template' },
  idempotency_key_reused: {
    'zh-CN': '此幂等键 (Idempotency-Key) 已用于另一个请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  backtest_period_invalid: {
    'zh-CN': '回测期间无效: 日期须为 YYYY-MM-DD, 且开始不晚于结束',
    en: 'The backtest period is invalid: dates are YYYY-MM-DD and from is not after to',
  },
  backtest_sample_invalid: {
    'zh-CN': '回测样本数须为 1 到 100000 之间的整数',
    en: 'The backtest sample size must be a whole number from 1 to 100000',
  },
  invalid_credentials: { 'zh-CN': '登录名或密码错误', en: 'Wrong login or password' },
  sign_in_delayed: {
    'zh-CN': '密码错误次数过多, 请稍后再试',
    en: 'Too many wrong passwords; try again later',
  },
  login_taken: { 'zh-CN': '此登录名或邮箱已被他人使用', en: 'This login or e-mail is taken' },
  password_already_set: {
    'zh-CN': '该用户已设置密码; 如需更换请重置密码',
    en: 'The user has set a password; reset it instead',
  },
  no_login: {
    'zh-CN': '该用户尚无登录名, 请先邀请',
    en: 'The user has no login yet; invite them first',
  },
  invitation_invalid: {
    'zh-CN': '邀请链接无效、已使用或已过期, 请联系管理员重新发送',
    en: 'The invitation link is invalid, used or expired; ask your administrator for a new one',
  },
  password_too_short: {
    'zh-CN': `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
    en: `The password needs at least ${PASSWORD_MIN_LENGTH} characters`,
  },
  password_too_long: {
    'zh-CN': `密码最多 ${PASSWORD_MAX_LENGTH} 个字符`,
    en: `The password has at most ${PASSWORD_MAX_LENGTH} characters`,
  },
  password_same_as_login: {
    'zh-CN': '密码不能与登录名或邮箱相同',
    en: 'The password must not be the login or e-mail',
  },
  attachment_missing: { 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' },
  attachment_too_large: {
    'zh-CN': '文件超过公司政策允许的大小',
    en: 'The file is larger than the company’s policy allows',
  },
  attachment_type_not_allowed: {
    'zh-CN': '公司政策不允许这种文件类型 (按文件内容判断, 而非文件名)',
    en: 'The company’s policy does not allow this type of file (judged by its content, not its name)',
  },
  attachment_too_many: {
    'zh-CN': '此案件的附件数已达公司政策的上限',
    en: 'The case already has as many attachments as the company’s policy allows',
  },
  stage_form_attachment_invalid: {
    'zh-CN': '表单中的附件须为本案件已上传的文件',
    en: 'The form’s attachments must be files uploaded to this case',
  },
  // The store.
  conflict: {
    'zh-CN': '已存在 (刚被他人创建), 请刷新后重试',
    en: 'Already exists (someone else just created it); reload and try again',
  },
  storage_unavailable: {
    'zh-CN': '存储写入失败, 服务暂不可用; 请管理员检查磁盘后重启服务',
    en: 'A write to storage failed; the service is unavailable until an administrator frees the disk and restarts it',
  },
  // The HTTP layer.
  malformed_json: { 'zh-CN': '请求体不是有效的 JSON', en: 'The body is not valid JSON' },
  unsupported_media_type: {
    'zh-CN': '请求体必须是 application/json',
    en: 'The body must be application/json',
  },
  body_too_large: { 'zh-CN': '请求体过大', en: 'The body is too large' },
  body_too_deep: {
    'zh-CN': '请求体嵌套层级过深 (最多 64 层)',
    en: 'The body is nested too deeply (at most 64 levels)',
  },
  number_not_finite: {
    'zh-CN': '数字超出可表示的范围',
    en: 'A number is beyond the range that can be stored',
  },
  unknown_field: { 'zh-CN': '请求包含未知字段', en: 'The request has unknown fields' },
  invalid_body: {
    'zh-CN': '请求字段缺失或类型错误',
    en: 'A field is missing or of the wrong type',
  },
  body_field_missing: {
    'zh-CN': '请求缺少必需的字段',
    en: 'The request is missing a required field',
  },
  invalid_header: { 'zh-CN': '请求头无效', en: 'A request header is invalid' },
  invalid_query: { 'zh-CN': '查询参数无效', en: 'A query parameter is invalid' },
  csrf_refused: {
    'zh-CN': '请求来自其他网站, 已拒绝 (CSRF 防护)',
    en: 'The request came from another site and was refused (CSRF protection)',
  },
  submission_refused: {
    'zh-CN': '投诉未能提交，请刷新页面后重试',
    en: 'The complaint could not be sent; reload the page and try again',
  },
  too_many_complaints: {
    'zh-CN': '提交的投诉过多，请稍后再试',
    en: 'Too many complaints were sent; try again later',
  },
  public_upload_closed: {
    'zh-CN': '此投诉已不能再添加附件',
    en: 'Files can no longer be added to this complaint',
  },
  route_not_found: { 'zh-CN': '没有此接口', en: 'No such route' },
  internal_error: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
};

/** How long to wait, in words: seconds under two minutes, else minutes (rounded up). */
function waitWords(seconds: number, lang: Lang): string {
  if (seconds < 120) return lang === 'zh-CN' ? `${seconds} 秒` : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return lang === 'zh-CN' ? `${minutes} 分钟` : `${minutes} minutes`;
}

/**
 * The sentence of a code in `lang`; a sign-in refused for a while says how long
 * (details.retryAfterSeconds).
 */
export function errorSentence(
  code: ErrorCode,
  details: Record<string, unknown> | undefined,
  lang: Lang,
): string {
  const wait = details?.retryAfterSeconds;
  if (code === 'sign_in_delayed' && typeof wait === 'number')
    return lang === 'zh-CN'
      ? `密码错误次数过多, 请 ${waitWords(wait, lang)}后再试`
      : `Too many wrong passwords; try again in ${waitWords(wait, lang)}`;
  if (code === 'too_many_complaints' && typeof wait === 'number')
    return lang === 'zh-CN'
      ? `提交的投诉过多，请 ${waitWords(wait, lang)}后再试`
      : `Too many complaints were sent; try again in ${waitWords(wait, lang)}`;
  return ERROR_MESSAGES[code][lang];
}
