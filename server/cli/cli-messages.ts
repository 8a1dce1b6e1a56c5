/** The kesu command's own words in zh-CN and en. */
import type { Lang } from '../domain/policy/format.ts';

const MESSAGES = {
  usage: {
    'zh-CN': `用法: kesu <命令> [参数] [--lang zh-CN|en]

  kesu templates                              列出内置模板 (id, 标题, 路径)
  kesu check <policy>                         检查策略, 列出所有问题 (有问题时退出码 1)
  kesu test <policy>                          运行策略的示例 (有失败时退出码 1)
  kesu explain <policy> <case.json> [--at <ISO 时间>]
                                              解释案件: 决定及其规则、审批链、各时限的到期时间与计入的工作时段
  kesu diff <a> <b>                           用文字列出两个策略之间的变化
  kesu new <template> <dir> [--extends]       把模板写成一个可放进 git 的策略文件夹;
                                              --extends: 只写继承引用, 之后只写覆盖的部分
  kesu extend <policy> <dir> --template <id>  把完整的策略改写为继承该模板的覆盖项, 写到新文件夹 <dir>
  kesu inherit <policy>                       列出继承模板的策略中哪些部分是继承、覆盖、新增或删除的
  kesu merge <dir> --template <id|路径> [--write]
                                              把模板的新版本合并进策略, 用文字列出冲突 (冲突处保留公司的值);
                                              --write 写回 policy.json (有冲突时退出码 1)
  kesu push <policy> --company <id>           把策略上传为运行中服务器上该公司的草稿 (发布仍需人工决定)
  kesu pull --company <id> <dir>              把该公司的草稿下载到 <dir>/policy.json
  kesu import <file.csv|file.xlsx> --company <id> --mapping <map.json> [--dry-run] [--skip-rejected]
                                              导入历史投诉记录: 先整份试运行, 有被拒的行则列出并写入
                                              <file>.rejected.csv, 不导入任何行 (除非 --skip-rejected)
                                              服务器: --server 或 KESU_URL (默认 http://127.0.0.1:8787); 令牌: --token 或 KESU_TOKEN

<policy> 是策略文件或文件夹的路径, 或内置模板的 id。`,
    en: `Usage: kesu <command> [arguments] [--lang zh-CN|en]

  kesu templates                              list the bundled templates (id, title, path)
  kesu check <policy>                         check a policy and print every problem (exit 1 if any)
  kesu test <policy>                          run the policy's examples (exit 1 on a failure)
  kesu explain <policy> <case.json> [--at <ISO time>]
                                              explain a case: decisions with their rules, the approver
                                              chain, every clock's due time and the intervals it counted
  kesu diff <a> <b>                           the changes between two policies, in words
  kesu new <template> <dir> [--extends]       write a template as a policy folder to keep in git;
                                              --extends: only a reference to it, for overrides
  kesu extend <policy> <dir> --template <id>  rewrite a full policy as overrides of the template, in a
                                              new folder <dir>
  kesu inherit <policy>                       which parts of a policy that extends a template are
                                              inherited, overridden, added or removed
  kesu merge <dir> --template <id|path> [--write]
                                              merge a template's new version into the policy and list
                                              the conflicts in words (the company's value is kept);
                                              --write saves policy.json (exit 1 on conflicts)
  kesu push <policy> --company <id>           upload a policy as the company's draft on a running server
                                              (publishing stays a decision)
  kesu pull --company <id> <dir>              download the company's draft to <dir>/policy.json
  kesu import <file.csv|file.xlsx> --company <id> --mapping <map.json> [--dry-run] [--skip-rejected]
                                              import old complaint records: the whole file is first
                                              checked as a dry run; rejected rows are listed and written
                                              to <file>.rejected.csv, and nothing is imported unless
                                              --skip-rejected
                                              server: --server or KESU_URL (default http://127.0.0.1:8787);
                                              token: --token or KESU_TOKEN

<policy> is the path of a policy file or folder, or the id of a bundled template.`,
  },
  noPolicy: {
    'zh-CN': '找不到策略: {0} (不是路径, 也不是内置模板 id)',
    en: 'No policy at {0} (neither a path nor a bundled template id)',
  },
  unknownCommand: { 'zh-CN': '未知命令: {0}', en: 'Unknown command: {0}' },
  missingArgument: { 'zh-CN': '缺少参数: {0}', en: 'Missing argument: {0}' },
  badTime: { 'zh-CN': '--at 不是有效的 ISO 时间: {0}', en: '--at is not a valid ISO time: {0}' },
  created: { 'zh-CN': '已创建 {0} ({1} 个文件)', en: 'Created {0} ({1} files)' },
  pushed: {
    'zh-CN': '已上传为公司 {0} 的草稿, 版本 {1}',
    en: 'Uploaded as the draft of {0}, version {1}',
  },
  pulled: {
    'zh-CN': '已下载公司 {0} 的草稿 (版本 {1}) 到 {2}',
    en: 'Downloaded the draft of {0} (version {1}) to {2}',
  },
  mappingProblems: {
    'zh-CN': '映射文件 {0} 与表格不符:',
    en: 'The mapping {0} does not fit the file:',
  },
  importChecked: {
    'zh-CN': '已检查 {0} 行: {1} 行可导入, {2} 行已导入过 (跳过), {3} 行被拒',
    en: 'Checked {0} rows: {1} to import, {2} already imported (skipped), {3} rejected',
  },
  importRejectedFile: { 'zh-CN': '被拒的行已写入 {0}', en: 'The rejected rows are in {0}' },
  importMoreRejected: { 'zh-CN': '… 另有 {0} 行, 见该文件', en: '… and {0} more, see that file' },
  importNothing: {
    'zh-CN': '未导入任何行。请改正后重新运行, 或加 --skip-rejected 只导入其余的行。',
    en: 'Nothing was imported. Correct them and run again, or add --skip-rejected to import the rest.',
  },
  importDryRun: { 'zh-CN': '试运行: 未写入任何数据', en: 'Dry run: nothing was written' },
  importDone: {
    'zh-CN': '已导入 {0} 行, {1} 行已导入过 (跳过), {2} 行被拒; 用时 {3} 秒 ({4} 行/秒)',
    en: 'Imported {0} rows, {1} already imported (skipped), {2} rejected, in {3} s ({4} rows/s)',
  },
  importProgress: {
    'zh-CN': '导入: {0}/{1} 行 ({2} 行/秒)',
    en: 'import: {0}/{1} rows ({2} rows/s)',
  },
  importInterrupted: {
    'zh-CN': '导入中断: {0}。已导入的行不会重复, 重新运行同一命令即可完成。',
    en: 'The import stopped: {0}. Rows already imported are never added twice: run the same command again to finish.',
  },
  versionUnavailable: {
    'zh-CN':
      '没有模板 {0} 的版本 {1} (template-base.json 中没有, 内置模板的版本是 {2}); 请用 kesu merge 合并新版本',
    en: 'Template {0} at version {1} is not available (not in template-base.json; the bundled one is {2}); merge the new version with kesu merge',
  },
  notExtending: {
    'zh-CN': '{0} 没有继承模板 (没有 "extends")',
    en: '{0} does not extend a template (no "extends")',
  },
  extendsLine: {
    'zh-CN': '{0} 继承模板 {1} (版本 {2}):',
    en: '{0} extends template {1} (version {2}):',
  },
  overridden: { 'zh-CN': '覆盖', en: 'overridden' },
  added: { 'zh-CN': '新增', en: 'added' },
  removed: { 'zh-CN': '删除', en: 'removed' },
  inherited: { 'zh-CN': '继承', en: 'inherited' },
  inheritTotal: {
    'zh-CN': '覆盖 {0}, 新增 {1}, 删除 {2}, 继承 {3}',
    en: '{0} overridden, {1} added, {2} removed, {3} inherited',
  },
  mergeLine: {
    'zh-CN': '合并模板 {0}: 版本 {1} → {2}',
    en: 'Merging template {0}: version {1} → {2}',
  },
  mergeTotal: {
    'zh-CN': '{0} 个冲突; 其余模板变化已采用',
    en: '{0} conflict(s); every other change of the template is taken',
  },
  alreadyExtends: { 'zh-CN': '{0} 已经继承模板', en: '{0} already extends a template' },
  extended: {
    'zh-CN': '已创建 {0}: {1} 个部分与模板不同, 其余继承',
    en: 'Created {0}: {1} part(s) differ from the template, the rest is inherited',
  },
  mergeWritten: { 'zh-CN': '已写入 {0}', en: 'Written to {0}' },
  splitFolder: {
    'zh-CN': '{0} 的策略分散在多个文件中 (forms/ 等), 无法写回; 请合并到 policy.json 后再试',
    en: '{0} keeps its policy in several files (forms/ …) and cannot be written; keep it in policy.json',
  },
  noChanges: { 'zh-CN': '没有变化', en: 'No changes' },
  checkOk: { 'zh-CN': '✓ {0}: 没有问题', en: '✓ {0}: no problems' },
  checkProblems: { 'zh-CN': '✗ {0}: {1} 个问题', en: '✗ {0}: {1} problem(s)' },
  cannotRun: { 'zh-CN': '策略有问题, 无法运行:', en: 'The policy has problems and cannot run:' },
  total: { 'zh-CN': '{0} passed, {1} failed', en: '{0} passed, {1} failed' },
  noExamples: { 'zh-CN': '策略没有示例', en: 'The policy has no examples' },
  caseState: { 'zh-CN': '案件状态: {0}', en: 'Case state: {0}' },
  categories: { 'zh-CN': '分类:', en: 'Categories:' },
  decisions: { 'zh-CN': '决定 (及其依据):', en: 'Decisions (and why):' },
  chain: {
    'zh-CN': '审批链 (金额 {0}, 核决权限行 {1}{2}):',
    en: 'Approver chain (amount {0}, approval row {1}{2}):',
  },
  preview: {
    'zh-CN': ', 按客户要求金额预估',
    en: ', previewed from the amount the customer asks for',
  },
  noChain: {
    'zh-CN': '审批链: 无 (尚无补偿金额)',
    en: 'Approver chain: none (no remedy amount yet)',
  },
  clocks: { 'zh-CN': '时限 (截至 {0}):', en: 'Clocks (as of {0}):' },
  clockLine: {
    'zh-CN': '{0} {1}: {2}, 到期 {3} ({4}); 已用 {5}/{6} 分钟{7}',
    en: '{0} {1}: {2}, due {3} ({4}); {5}/{6} min elapsed{7}',
  },
  noLimit: { 'zh-CN': '无上限', en: 'no limit' },
  running: { 'zh-CN': '计时中', en: 'running' },
  paused: { 'zh-CN': '暂停中', en: 'paused' },
  stopped: { 'zh-CN': '已停止', en: 'stopped' },
  calendarTime: {
    'zh-CN': '按自然时间计算 (节假日照常计入)',
    en: 'counted in calendar time (holidays count)',
  },
  minutes: { 'zh-CN': '{0} 分钟', en: '{0} minute(s)' },
  hours: { 'zh-CN': '{0} 小时', en: '{0} hour(s)' },
  days: { 'zh-CN': '{0} 天', en: '{0} day(s)' },
  workingMinutes: { 'zh-CN': '{0} 个工作分钟', en: '{0} working minute(s)' },
  workingHours: { 'zh-CN': '{0} 个工作小时', en: '{0} working hour(s)' },
  workingDays: { 'zh-CN': '{0} 个工作日', en: '{0} working day(s)' },
  overdue: { 'zh-CN': ', 已逾期', en: ', OVERDUE' },
  counted: { 'zh-CN': '计入的时段:', en: 'intervals counted:' },
  pausedIntervals: { 'zh-CN': '暂停 (不计):', en: 'paused (not counted):' },
  holiday: { 'zh-CN': '假日', en: 'holiday' },
  makeUp: { 'zh-CN': '调休上班', en: 'make-up working day' },
  outside: {
    'zh-CN': '注意: 到期时间超出日历节假日数据的覆盖范围',
    en: "note: the due time lies beyond the calendar's holiday data",
  },
  fromForm: { 'zh-CN': '表单字段 {0}', en: 'form field {0}' },
  fromDefault: { 'zh-CN': '维度 {0} 的默认值', en: 'default of {0}' },
  fromRule: { 'zh-CN': '规则 {0} / {1}', en: 'rule {0} / {1}' },
  fromTable: { 'zh-CN': '表 {0} 行 {1}', en: 'table {0} row {1}' },
  fromStaff: { 'zh-CN': '人员 {0}', en: 'staff {0}' },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

/** The message with {0}, {1}… filled in. */
export function say(lang: Lang, key: MessageKey, ...args: (string | number)[]): string {
  return MESSAGES[key][lang].replace(/\{(\d+)\}/g, (_, index: string) =>
    String(args[Number(index)] ?? ''),
  );
}

/** The language from --lang, else from the environment (KESU_LANG, LC_ALL, LC_MESSAGES, LANG): English when it says en, else zh-CN. */
export function pickLang(flag: string | undefined, env: Record<string, string | undefined>): Lang {
  const value = flag ?? env.KESU_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  if (/^en/i.test(value)) return 'en';
  return 'zh-CN';
}
