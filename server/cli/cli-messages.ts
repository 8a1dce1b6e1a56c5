/** The kesu command's own words, one table a language (as the studio keeps its text). */
import type { Lang } from '../domain/policy/format.ts';

const zhCN = {
  usage: `用法: kesu <命令> [参数] [--lang zh-CN|en]

  kesu templates                              列出内置模板 (id, 标题, 路径), 及其来源未写明的假定
  kesu check <policy> [--against <policy>]    检查策略, 列出所有问题 (有问题时退出码 1); --against: 与已发布的策略比较编号变化
  kesu test <policy> [--accept [<id>…]]       运行策略的示例 (有失败时退出码 1); --accept: 把失败示例 (或所列示例)
                                              的当前结果写回示例文件, 列出每个示例改了什么
  kesu explain <policy> <case.json> [--at <ISO 时间>] [--json]
                                              解释案件: 决定及其规则、审批链、各时限的到期时间与计入的工作时段;
                                              --json: 以 JSON 输出 (键见 docs/cli.md)
  kesu diff <a> <b>                           用文字列出两个策略之间的变化
  kesu new <template> <dir> [--extends]       把模板写成一个可放进 git 的策略文件夹;
                                              --extends: 只写继承引用, 之后只写覆盖的部分
  kesu extend <policy> <dir> --template <id>  把完整的策略改写为继承该模板的覆盖项, 写到新文件夹 <dir>
  kesu inherit <policy>                       列出继承模板的策略中哪些部分是继承、覆盖、新增或删除的
  kesu merge <dir> --template <id|路径> [--write]
                                              把模板的新版本合并进策略, 用文字列出冲突 (冲突处保留公司的值);
                                              --write 写回 policy.json (有冲突时退出码 1)
  kesu push <policy> --company <id>           把策略上传为运行中服务器上该公司的草稿 (发布仍需人工决定),
                                              列出服务器的检查结果与示例结果
  kesu pull --company <id> <dir>              把该公司的草稿写入 <dir>, 文件布局与 kesu new 相同
                                              (已有的文件夹保持原来的布局)
  kesu backtest <policy> --company <id> [--from <日期> --to <日期>] [--sample <N>]
                                              回测: 用该策略重放服务器上该期间 (受理日期) 的历史案件,
                                              与各案件当时的版本比较, 列出变化 (不保存任何数据)
  kesu import <file.csv|file.xlsx> --company <id> --mapping <map.json> [--dry-run] [--skip-rejected]
             [--encoding <编码>]
                                              导入历史投诉记录: 先整份试运行, 有被拒的行则列出并写入
                                              <file>.rejected.csv, 不导入任何行 (除非 --skip-rejected);
                                              CSV 为 UTF-8 或 GBK/GB18030 (自动识别), 其他编码用 --encoding 指定
                                              服务器: --server 或 KESU_URL (默认 http://127.0.0.1:8787); 令牌: --token 或 KESU_TOKEN
  kesu db migrate                             把 KESU_DATABASE_URL (或 --database-url) 的 PostgreSQL 数据库
                                              升级到当前的表结构, 列出应用的迁移
  kesu db copy [--data-dir <dir>] [--company <id,…>]
                                              把内置存储 (数据目录, 默认 KESU_DATA_DIR 或 data) 中的公司复制到
                                              该数据库, 案件编号与审计记录不变; 数据库中已有的公司不复制
                                              (先停止使用该数据目录的服务器)

<policy> 是策略文件或文件夹的路径, 或内置模板的 id。`,
  noPolicy: '找不到策略: {0} (不是路径, 也不是内置模板 id)',
  unknownCommand: '未知命令: {0}',
  missingArgument: '缺少参数: {0}',
  badTime: '--at 不是有效的 ISO 时间: {0}',
  created: '已创建 {0} ({1} 个文件)',
  pushed: '已上传为公司 {0} 的草稿, 版本 {1}',
  pulled: '已下载公司 {0} 的草稿 (版本 {1}) 到 {2}',
  mappingProblems: '映射文件 {0} 与表格不符:',
  importChecked: '已检查 {0} 行: {1} 行可导入, {2} 行已导入过 (跳过), {3} 行被拒',
  importRejectedFile: '被拒的行已写入 {0}',
  importMoreRejected: '… 另有 {0} 行, 见该文件',
  importNothing: '未导入任何行。请改正后重新运行, 或加 --skip-rejected 只导入其余的行。',
  importDryRun: '试运行: 未写入任何数据',
  importDone: '已导入 {0} 行, {1} 行已导入过 (跳过), {2} 行被拒; 用时 {3} 秒 ({4} 行/秒)',
  importProgress: '导入: {0}/{1} 行 ({2} 行/秒)',
  importCheckProgress: '试运行检查: {0}/{1} 行 ({2} 行/秒)',
  importEncodingDetected: '按 {0} 编码读取该文件 (自动识别; 如不对, 请用 --encoding 指定)',
  unknownEncoding: '--encoding: 不认识的编码 {0} (例如 gb18030, gbk, big5, utf-16le, windows-1252)',
  encodingNotText: '{0}: 第 {1} 行不是 {2} 编码的文本; 请用 --encoding 指定文件的实际编码',
  encodingUnknown:
    '{0}: 文件不是 UTF-8 (第 {1} 行), 也不像 GBK/GB18030; 请用 --encoding 指定其编码 (例如 big5, windows-1252)',
  importInterrupted: '导入中断: {0}。已导入的行不会重复, 重新运行同一命令即可完成。',
  versionUnavailable:
    '没有模板 {0} 的版本 {1} (template-base.json 中没有, 内置模板的版本是 {2}); 请用 kesu merge 合并新版本',
  notExtending: '{0} 没有继承模板 (没有 "extends")',
  extendsLine: '{0} 继承模板 {1} (版本 {2}):',
  overridden: '覆盖',
  added: '新增',
  removed: '删除',
  inherited: '继承',
  inheritTotal: '覆盖 {0}, 新增 {1}, 删除 {2}, 继承 {3}',
  mergeLine: '合并模板 {0}: 版本 {1} → {2}',
  mergeTotal: '{0} 个冲突; 其余模板变化已采用',
  alreadyExtends: '{0} 已经继承模板',
  extended: '已创建 {0}: {1} 个部分与模板不同, 其余继承',
  mergeWritten: '已写入 {0}',
  splitFolder: '{0} 的策略分散在多个文件中 (forms/ 等), 无法写回; 请合并到 policy.json 后再试',
  noChanges: '没有变化',
  checkOk: '✓ {0}: 没有问题',
  assumption: '  假定 {0}: {1}',
  checkProblems: '✗ {0}: {1} 个问题',
  checkWarnings: '! {0}: {1} 个提醒 (不影响发布)',
  cannotRun: '策略有问题, 无法运行:',
  total: '{0} 个通过, {1} 个失败',
  noExamples: '策略没有示例',
  caseState: '案件状态: {0}',
  categories: '分类:',
  decisions: '决定 (及其依据):',
  chain: '审批链 (金额 {0}, 核决权限行 {1}{2}):',
  preview: ', 按客户要求金额预估',
  noChain: '审批链: 无 (尚无补偿金额)',
  clocks: '时限 (截至 {0}):',
  clockLine: '{0} {1}: {2}, 到期 {3} ({4}); 已用 {5}/{6} 分钟{7}',
  noLimit: '无上限',
  running: '计时中',
  paused: '暂停中',
  stopped: '已停止',
  calendarTime: '按自然时间计算 (节假日照常计入)',
  minutes: '{0} 分钟',
  hours: '{0} 小时',
  days: '{0} 天',
  workingMinutes: '{0} 个工作分钟',
  workingHours: '{0} 个工作小时',
  workingDays: '{0} 个工作日',
  closeOfWorkingDay: '第 {0} 个工作日下班前',
  closeOf: '到期于 {0} (受理次日起第 {1} 个工作日) 的下班时间',
  overdue: ', 已逾期',
  counted: '计入的时段:',
  pausedIntervals: '暂停 (不计):',
  holiday: '假日',
  makeUp: '调休上班',
  outside: '注意: 到期时间超出日历节假日数据的覆盖范围',
  fromForm: '表单字段 {0}',
  fromDefault: '维度 {0} 的默认值',
  durationChanged: '{0} 起改为 {1} (原为 {2}): {3} 由 {4} 改为 {5} ← {6}',
  missedEscalation: '错过第 {0} 级升级: 应于 {1} 升级, 时钟停止时已过 (按逾期计)',
  fromRule: '规则 {0} / {1}',
  fromTable: '表 {0} 行 {1}',
  fromStaff: '人员 {0}',
  noDatabaseUrl: '没有数据库地址: 请设置 KESU_DATABASE_URL=postgres://… 或使用 --database-url',
  migrationApplied: '已应用迁移 {0}',
  migrationsDone: '数据库 {1} 已升级: 应用了 {0} 个迁移',
  migrationsNone: '数据库 {0} 已是最新, 没有要应用的迁移',
  databaseFailed: '无法使用数据库 {0}: {1}',
  companyCopied: '已复制公司 {0}: {1} 个用户, {2} 个发布版本, {3} 个案件',
  companyPresent: '公司 {0} 已在数据库中, 未复制',
  copyProgress: '复制案件: {0}/{1} ({2} 个/秒)',
  backtestProgress: '回测: {0}/{1} 个案件 ({2} 个/秒)',
  fieldState: '状态',
  fieldNumber: '编号',
  fieldCategory: '分类 {0}',
  fieldDecisions: '决定',
  fieldApproverChain: '审批链',
  fieldDue: '时限 {0} 到期',
  fieldError: '错误',
  fieldFlags: '标记',
  fieldAbsentFlags: '不应出现的标记',
  fieldNotified: '通知的角色',
  acceptedExample: '✓ 已接受示例 {0} {1}:',
  acceptRefusedError: '✗ 示例 {0} 未接受: 它的步骤以错误结束, 需要人工修改步骤',
  acceptRefusedUnknown: '✗ 没有示例 {0}',
  acceptNothing: '没有失败的示例, 没有要接受的结果',
  acceptWritten: '已写入: {0}',
  acceptNeedsPath:
    '--accept 需要策略文件或文件夹的路径 ({0} 是内置模板, 请先用 kesu new 写成文件夹)',
  pushCheckOk: '检查: 没有问题',
  pushExamples: '示例: {0} 个通过, {1} 个失败',
  pushExamplesNotRun: '示例未运行: 策略有问题',
  failedExample: '  ✗ {0}  {1}',
  pulledFiles: '已写入 {0} 个文件: {1}',
  pulledUnchanged: '文件没有变化',
  minutesShort: '{0} 分钟',
  stepPending: '待审批',
  stepApproved: '已核准',
  stepRejected: '已驳回',
  traceAll: '全部满足',
  traceAny: '任一满足',
  traceNot: '不满足',
  traceCondition: '条件 {0}',
  traceTrue: '成立',
  traceFalse: '不成立',
  traceOpen: '未判断',
  cannotReach: '无法连接服务器 {0}: {1}',
  stepReadingDraft: '读取草稿',
  stepSavingDraft: '保存草稿',
  stepCheckingDraft: '检查草稿',
  stepRunningExamples: '运行示例',
  stepImporting: '导入',
  stepBacktest: '回测',
  backtestNoReport: '回测: 服务器的回答结束时没有报告',
  importKeyDuplicate: '同一键值也在第 {0} 行',
  fileMissing: '{0}: 不存在',
  fileUnreadable: '{0}: 无法读取',
  fileNotJson: '{0}: 不是有效的 JSON ({1})',
  fileNothingAt: '{0}: {1} 处没有内容',
  fileNested: '{0}: 文件引用嵌套过深',
  fileNoPolicy: '{0}: 没有 policy.json',
  fileNotEmpty: '{0}: 文件夹不是空的',
};

/** The message keys the command uses. */
export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  usage: `Usage: kesu <command> [arguments] [--lang zh-CN|en]

  kesu templates                              list the bundled templates (id, title, path) and what
                                              each assumes where its source is silent
  kesu check <policy> [--against <policy>]    check a policy and print every problem (exit 1 if any); --against: warn of a numbering change from the published one
  kesu test <policy> [--accept [<id>…]]       run the policy's examples (exit 1 on a failure);
                                              --accept: write the failing (or named) examples' current
                                              results into their files and list what changed
  kesu explain <policy> <case.json> [--at <ISO time>] [--json]
                                              explain a case: decisions with their rules, the approver
                                              chain, every clock's due time and the intervals it counted;
                                              --json: as JSON (keys in docs/cli.md)
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
                                              (publishing stays a decision) and print the server's
                                              check and examples summary
  kesu pull --company <id> <dir>              write the company's draft into <dir> in the layout kesu new
                                              writes (a folder that exists keeps its layout)
  kesu backtest <policy> --company <id> [--from <date> --to <date>] [--sample <N>]
                                              backtest: replay the server's cases received in the period
                                              through the policy, compare with the versions they ran
                                              under and list what changes (nothing is saved)
  kesu import <file.csv|file.xlsx> --company <id> --mapping <map.json> [--dry-run] [--skip-rejected]
             [--encoding <name>]
                                              import old complaint records: the whole file is first
                                              checked as a dry run; rejected rows are listed and written
                                              to <file>.rejected.csv, and nothing is imported unless
                                              --skip-rejected; a CSV is read as UTF-8 or GBK/GB18030
                                              (recognised), any other encoding is named with --encoding
                                              server: --server or KESU_URL (default http://127.0.0.1:8787);
                                              token: --token or KESU_TOKEN
  kesu db migrate                             bring the PostgreSQL database of KESU_DATABASE_URL (or
                                              --database-url) up to the current schema, listing the
                                              migrations applied
  kesu db copy [--data-dir <dir>] [--company <id,…>]
                                              copy the companies of the embedded store (the data
                                              directory, KESU_DATA_DIR or data by default) into that
                                              database, keeping case numbers and audit trails; a company
                                              the database already has is left as it is (stop the
                                              server using the data directory first)

<policy> is the path of a policy file or folder, or the id of a bundled template.`,
  noPolicy: 'No policy at {0} (neither a path nor a bundled template id)',
  unknownCommand: 'Unknown command: {0}',
  missingArgument: 'Missing argument: {0}',
  badTime: '--at is not a valid ISO time: {0}',
  created: 'Created {0} ({1} files)',
  pushed: 'Uploaded as the draft of {0}, version {1}',
  pulled: 'Downloaded the draft of {0} (version {1}) to {2}',
  mappingProblems: 'The mapping {0} does not fit the file:',
  importChecked: 'Checked {0} rows: {1} to import, {2} already imported (skipped), {3} rejected',
  importRejectedFile: 'The rejected rows are in {0}',
  importMoreRejected: '… and {0} more, see that file',
  importNothing:
    'Nothing was imported. Correct them and run again, or add --skip-rejected to import the rest.',
  importDryRun: 'Dry run: nothing was written',
  importDone:
    'Imported {0} rows, {1} already imported (skipped), {2} rejected, in {3} s ({4} rows/s)',
  importProgress: 'import: {0}/{1} rows ({2} rows/s)',
  importCheckProgress: 'dry run: {0}/{1} rows checked ({2} rows/s)',
  importEncodingDetected:
    'Read the file as {0} (recognised; if that is wrong, name it with --encoding)',
  unknownEncoding:
    '--encoding: unknown encoding {0} (e.g. gb18030, gbk, big5, utf-16le, windows-1252)',
  encodingNotText: '{0}: line {1} is not {2} text; name the file’s encoding with --encoding',
  encodingUnknown:
    '{0}: the file is not UTF-8 (line {1}) and does not read as GBK/GB18030; name its encoding with --encoding (e.g. big5, windows-1252)',
  importInterrupted:
    'The import stopped: {0}. Rows already imported are never added twice: run the same command again to finish.',
  versionUnavailable:
    'Template {0} at version {1} is not available (not in template-base.json; the bundled one is {2}); merge the new version with kesu merge',
  notExtending: '{0} does not extend a template (no "extends")',
  extendsLine: '{0} extends template {1} (version {2}):',
  overridden: 'overridden',
  added: 'added',
  removed: 'removed',
  inherited: 'inherited',
  inheritTotal: '{0} overridden, {1} added, {2} removed, {3} inherited',
  mergeLine: 'Merging template {0}: version {1} → {2}',
  mergeTotal: '{0} conflict(s); every other change of the template is taken',
  alreadyExtends: '{0} already extends a template',
  extended: 'Created {0}: {1} part(s) differ from the template, the rest is inherited',
  mergeWritten: 'Written to {0}',
  splitFolder:
    '{0} keeps its policy in several files (forms/ …) and cannot be written; keep it in policy.json',
  noChanges: 'No changes',
  checkOk: '✓ {0}: no problems',
  assumption: '  assumes {0}: {1}',
  checkProblems: '✗ {0}: {1} problem(s)',
  checkWarnings: '! {0}: {1} warning(s) (publishing is not refused)',
  cannotRun: 'The policy has problems and cannot run:',
  total: '{0} passed, {1} failed',
  noExamples: 'The policy has no examples',
  caseState: 'Case state: {0}',
  categories: 'Categories:',
  decisions: 'Decisions (and why):',
  chain: 'Approver chain (amount {0}, approval row {1}{2}):',
  preview: ', previewed from the amount the customer asks for',
  noChain: 'Approver chain: none (no remedy amount yet)',
  clocks: 'Clocks (as of {0}):',
  clockLine: '{0} {1}: {2}, due {3} ({4}); {5}/{6} min elapsed{7}',
  noLimit: 'no limit',
  running: 'running',
  paused: 'paused',
  stopped: 'stopped',
  calendarTime: 'counted in calendar time (holidays count)',
  minutes: '{0} minute(s)',
  hours: '{0} hour(s)',
  days: '{0} day(s)',
  workingMinutes: '{0} working minute(s)',
  workingHours: '{0} working hour(s)',
  workingDays: '{0} working day(s)',
  closeOfWorkingDay: 'by the close of working day {0}',
  closeOf: 'due at the close of {0} (working day {1} after the day of receipt)',
  overdue: ', OVERDUE',
  counted: 'intervals counted:',
  pausedIntervals: 'paused (not counted):',
  holiday: 'holiday',
  makeUp: 'make-up working day',
  outside: "note: the due time lies beyond the calendar's holiday data",
  fromForm: 'form field {0}',
  fromDefault: 'default of {0}',
  durationChanged: 'from {0}: {1} instead of {2}, since {3} changed {4} → {5} ← {6}',
  missedEscalation:
    'escalation level {0} missed: due at {1}, passed when the clock stopped (counted late)',
  fromRule: 'rule {0} / {1}',
  fromTable: 'table {0} row {1}',
  fromStaff: 'staff {0}',
  noDatabaseUrl: 'No database given: set KESU_DATABASE_URL=postgres://… or pass --database-url',
  migrationApplied: 'Applied migration {0}',
  migrationsDone: 'Database {1} is up to date: {0} migration(s) applied',
  migrationsNone: 'Database {0} was already up to date: no migration to apply',
  databaseFailed: 'Could not use database {0}: {1}',
  companyCopied: 'Copied company {0}: {1} user(s), {2} published version(s), {3} case(s)',
  companyPresent: 'Company {0} is already in the database: left as it is',
  copyProgress: 'copying cases: {0}/{1} ({2} cases/s)',
  backtestProgress: 'backtest: {0}/{1} cases ({2} cases/s)',
  fieldState: 'state',
  fieldNumber: 'number',
  fieldCategory: 'category {0}',
  fieldDecisions: 'decisions',
  fieldApproverChain: 'approver chain',
  fieldDue: 'clock {0} due',
  fieldError: 'error',
  fieldFlags: 'flags',
  fieldAbsentFlags: 'flags not raised',
  fieldNotified: 'roles notified',
  acceptedExample: '✓ accepted example {0} {1}:',
  acceptRefusedError:
    '✗ example {0} not accepted: a step ends in an error, its steps need a person',
  acceptRefusedUnknown: '✗ no example {0}',
  acceptNothing: 'No example fails: nothing to accept',
  acceptWritten: 'Written: {0}',
  acceptNeedsPath:
    '--accept needs the path of a policy file or folder ({0} is a bundled template: write it as a folder with kesu new first)',
  pushCheckOk: 'Check: no problems',
  pushExamples: 'Examples: {0} passed, {1} failed',
  pushExamplesNotRun: 'Examples not run: the policy has problems',
  failedExample: '  ✗ {0}  {1}',
  pulledFiles: 'Wrote {0} file(s): {1}',
  pulledUnchanged: 'No file changed',
  minutesShort: '{0} min',
  stepPending: 'pending',
  stepApproved: 'approved',
  stepRejected: 'rejected',
  traceAll: 'all',
  traceAny: 'any',
  traceNot: 'not',
  traceCondition: 'condition {0}',
  traceTrue: 'true',
  traceFalse: 'false',
  traceOpen: 'not evaluated',
  cannotReach: 'cannot reach {0}: {1}',
  stepReadingDraft: 'reading the draft',
  stepSavingDraft: 'saving the draft',
  stepCheckingDraft: 'checking the draft',
  stepRunningExamples: 'running the examples',
  stepImporting: 'importing',
  stepBacktest: 'backtest',
  backtestNoReport: 'backtest: the answer ended without a report',
  importKeyDuplicate: 'the key is also on row {0}',
  fileMissing: '{0}: does not exist',
  fileUnreadable: '{0}: cannot be read',
  fileNotJson: '{0}: is not valid JSON ({1})',
  fileNothingAt: '{0}: has nothing at {1}',
  fileNested: '{0}: includes nest too deeply',
  fileNoPolicy: '{0}: has no policy.json',
  fileNotEmpty: '{0}: is not empty',
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The message with {0}, {1}… filled in. */
export function say(lang: Lang, key: MessageKey, ...args: (string | number)[]): string {
  return MESSAGES[lang][key].replace(/\{(\d+)\}/g, (_, index: string) =>
    String(args[Number(index)] ?? ''),
  );
}

/** The language from --lang, else from the environment (KESU_LANG, LC_ALL, LC_MESSAGES, LANG): English when it says en, else zh-CN. */
export function pickLang(flag: string | undefined, env: Record<string, string | undefined>): Lang {
  const value = flag ?? env.KESU_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  if (/^en/i.test(value)) return 'en';
  return 'zh-CN';
}
