/**
 * The kesu command: list templates, check a policy, run its examples, explain a case.
 * `main` takes its arguments, environment and output streams, and returns the exit code.
 */
import { createAjvValidator } from '../adapters/validation/ajv-validator.ts';
import { loadPolicyDocument, PolicyFileError } from '../adapters/files/policy-files.ts';
import { copyTemplate } from '../adapters/files/template-copy.ts';
import { listTemplates, resolvePolicyArgument } from '../adapters/files/template-library.ts';
import { TableFileError } from '../adapters/files/table-file.ts';
import { MappingError } from '../app/import/import-mapping.ts';
import { runImport } from './import-command.ts';
import type { ProgressIo } from './progress.ts';
import { pullDraft, pushDraft, RemoteError, type Remote } from './remote.ts';
import {
  extendFolder,
  inheritLines,
  InheritError,
  mergeFolder,
  newExtendsFolder,
  resolveLoaded,
} from './inherit-commands.ts';
import {
  checkPolicyDocument,
  explainCaseDocument,
  readPolicyDocument,
  testPolicyDocument,
  type PolicyDeps,
} from '../app/policies/policy-use-cases.ts';
import { diffPolicies } from '../domain/policy/diff-policies.ts';
import { isDomainError } from '../domain/errors.ts';
import type { Lang } from '../domain/policy/format.ts';
import type { PolicyProblem } from '../domain/validator.ts';
import { ERROR_MESSAGES } from '../http/messages/error-messages.ts';
import { pickLang, say } from './cli-messages.ts';
import { formatExplanation, labelIn } from './print-explanation.ts';

export type CliIo = {
  /** The HTTP client for push and pull (tests pass the app's own). */
  fetch?: typeof fetch;
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  /** Raw stderr and whether it is a terminal, for progress bars. */
  progress?: ProgressIo;
};

/** Flags that take no value. */
const SWITCHES = new Set(['help', 'dry-run', 'skip-rejected', 'extends', 'write']);

type Parsed = { command?: string; args: string[]; flags: Record<string, string> };

function parseArgs(argv: string[]): Parsed {
  const args: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (match?.[1] && SWITCHES.has(match[1]) && match[2] === undefined) flags[match[1]] = 'true';
    else if (match?.[1]) flags[match[1]] = match[2] ?? argv[(i += 1)] ?? '';
    else args.push(arg);
  }
  const [command, ...rest] = args;
  return { ...(command ? { command } : {}), args: rest, flags };
}

class UsageError extends Error {}

/** The policy at a path or template id; one in extends form is resolved (`raw` is as written). */
function loadPolicy(
  argument: string | undefined,
  lang: Lang,
): { document: unknown; raw: unknown; name: string; path: string } {
  if (!argument) throw new UsageError(say(lang, 'missingArgument', '<policy>'));
  const path = resolvePolicyArgument(argument);
  if (!path) throw new UsageError(say(lang, 'noPolicy', argument));
  const raw = loadPolicyDocument(path);
  return { document: resolveLoaded(path, raw, lang).policy, raw, name: argument, path };
}

function printProblems(problems: PolicyProblem[], io: CliIo): void {
  for (const problem of problems)
    io.out(`  ${problem.path || '/'}  [${problem.code}]  ${problem.message}`);
}

function check(parsed: Parsed, deps: PolicyDeps, io: CliIo): number {
  const { document, name } = loadPolicy(parsed.args[0], deps.lang);
  const problems = checkPolicyDocument(document, deps);
  if (problems.length === 0) {
    io.out(say(deps.lang, 'checkOk', name));
    return 0;
  }
  io.out(say(deps.lang, 'checkProblems', name, problems.length));
  printProblems(problems, io);
  return 1;
}

async function test(parsed: Parsed, deps: PolicyDeps, io: CliIo): Promise<number> {
  const { document } = loadPolicy(parsed.args[0], deps.lang);
  const { problems, results } = await testPolicyDocument(document, deps);
  if (problems.length > 0) {
    io.out(say(deps.lang, 'cannotRun'));
    printProblems(problems, io);
    return 1;
  }
  if (results.length === 0) io.out(say(deps.lang, 'noExamples'));
  for (const result of results) {
    io.out(`${result.passed ? '✓' : '✗'} ${result.id}  ${labelIn(result.title, deps.lang)}`);
    for (const failure of result.failures) io.out(`    ${failure}`);
  }
  const failed = results.filter((result) => !result.passed).length;
  io.out(say(deps.lang, 'total', results.length - failed, failed));
  return failed > 0 ? 1 : 0;
}

function newPolicy(parsed: Parsed, deps: PolicyDeps, io: CliIo): number {
  const [template, dir] = parsed.args;
  if (!template || !dir)
    throw new UsageError(say(deps.lang, 'missingArgument', '<template> <dir>'));
  if (parsed.flags.extends) {
    const written = newExtendsFolder(template, dir, deps.lang);
    io.out(say(deps.lang, 'created', dir, written.length));
    return 0;
  }
  const source = resolvePolicyArgument(template);
  if (!source || !listTemplates().some((entry) => entry.id === template))
    throw new UsageError(say(deps.lang, 'noPolicy', template));
  const written = copyTemplate(source, dir);
  io.out(say(deps.lang, 'created', dir, written.length));
  return 0;
}

function remoteOf(parsed: Parsed, deps: PolicyDeps, io: CliIo): Remote {
  const token = parsed.flags.token ?? io.env.KESU_TOKEN;
  if (!token) throw new UsageError(say(deps.lang, 'missingArgument', '--token or KESU_TOKEN'));
  const url = (parsed.flags.server ?? io.env.KESU_URL ?? 'http://127.0.0.1:8787').replace(
    /\/$/,
    '',
  );
  return { url, token, fetch: io.fetch ?? fetch };
}

async function push(parsed: Parsed, deps: PolicyDeps, io: CliIo): Promise<number> {
  const company = parsed.flags.company;
  if (!company) throw new UsageError(say(deps.lang, 'missingArgument', '--company'));
  const { raw } = loadPolicy(parsed.args[0], deps.lang);
  const { version, problems } = await pushDraft(remoteOf(parsed, deps, io), company, raw);
  io.out(say(deps.lang, 'pushed', company, version));
  if (problems.length > 0) {
    io.out(say(deps.lang, 'checkProblems', company, problems.length));
    printProblems(problems, io);
  }
  return problems.length > 0 ? 1 : 0;
}

async function pull(parsed: Parsed, deps: PolicyDeps, io: CliIo): Promise<number> {
  const company = parsed.flags.company;
  const dir = parsed.args[0];
  if (!company || !dir)
    throw new UsageError(say(deps.lang, 'missingArgument', '--company <id> <dir>'));
  const { version, file } = await pullDraft(remoteOf(parsed, deps, io), company, dir);
  io.out(say(deps.lang, 'pulled', company, version, file));
  return 0;
}

async function importRecords(parsed: Parsed, deps: PolicyDeps, io: CliIo): Promise<number> {
  const file = parsed.args[0];
  const { company, mapping } = parsed.flags;
  if (!file || !company || !mapping)
    throw new UsageError(
      say(deps.lang, 'missingArgument', '<file.csv|file.xlsx> --company <id> --mapping <map.json>'),
    );
  const batchSize = Number(parsed.flags['batch-size'] ?? 250);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 500)
    throw new UsageError(say(deps.lang, 'missingArgument', '--batch-size 1..500'));
  const options = {
    file,
    company,
    mappingFile: mapping,
    dryRun: parsed.flags['dry-run'] === 'true',
    skipRejected: parsed.flags['skip-rejected'] === 'true',
    batchSize,
    lang: deps.lang,
  };
  try {
    return await runImport(options, remoteOf(parsed, deps, io), io);
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    io.err(say(deps.lang, 'mappingProblems', mapping));
    for (const problem of error.problems) io.err(`  ${problem.path}: ${problem.message}`);
    return 2;
  }
}

function diff(parsed: Parsed, deps: PolicyDeps, io: CliIo): number {
  const [a, b] = parsed.args;
  if (!a || !b) throw new UsageError(say(deps.lang, 'missingArgument', '<a> <b>'));
  const before = readPolicyDocument(loadPolicy(a, deps.lang).document, deps);
  const after = readPolicyDocument(loadPolicy(b, deps.lang).document, deps);
  if (!before.ok || !after.ok) {
    io.out(say(deps.lang, 'cannotRun'));
    printProblems([...before.problems, ...after.problems], io);
    return 1;
  }
  const changes = diffPolicies(before.policy, after.policy);
  if (changes.length === 0) io.out(say(deps.lang, 'noChanges'));
  for (const change of changes) io.out(`${change.text[deps.lang]}    (${change.path})`);
  return 0;
}

async function explain(parsed: Parsed, deps: PolicyDeps, io: CliIo): Promise<number> {
  const { document } = loadPolicy(parsed.args[0], deps.lang);
  const caseFile = parsed.args[1];
  if (!caseFile) throw new UsageError(say(deps.lang, 'missingArgument', '<case.json>'));
  const input = loadPolicyDocument(caseFile) as Parameters<typeof explainCaseDocument>[1];
  const at = parsed.flags.at;
  if (at !== undefined && Number.isNaN(Date.parse(at)))
    throw new UsageError(say(deps.lang, 'badTime', at));
  const explained = await explainCaseDocument(document, input, at, deps);
  if (!explained.explanation) {
    io.out(say(deps.lang, 'cannotRun'));
    printProblems(explained.problems, io);
    return 1;
  }
  for (const line of formatExplanation(explained.policy, explained.explanation, deps.lang))
    io.out(line);
  return 0;
}

/** Runs the command; returns the process exit code (0 ok, 1 problems or failures, 2 usage or input error). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  const lang = pickLang(parsed.flags.lang, io.env);
  const deps: PolicyDeps = { validator: createAjvValidator(), lang };
  try {
    switch (parsed.command) {
      case 'templates':
        for (const entry of listTemplates())
          io.out(`${entry.id}\t${labelIn(entry.title, lang)}\t${entry.path}`);
        return 0;
      case 'check':
        return check(parsed, deps, io);
      case 'test':
        return await test(parsed, deps, io);
      case 'explain':
        return await explain(parsed, deps, io);
      case 'diff':
        return diff(parsed, deps, io);
      case 'new':
        return newPolicy(parsed, deps, io);
      case 'inherit': {
        const { raw, path } = loadPolicy(parsed.args[0], lang);
        for (const line of inheritLines(path, raw, lang)) io.out(line);
        return 0;
      }
      case 'extend': {
        const [source, dir] = parsed.args;
        const template = parsed.flags.template;
        if (!source || !dir || !template)
          throw new UsageError(say(lang, 'missingArgument', '<policy> <dir> --template <id>'));
        const { raw, path } = loadPolicy(source, lang);
        const { parts } = extendFolder(path, raw, template, dir, lang);
        io.out(say(lang, 'extended', dir, parts));
        return 0;
      }
      case 'merge': {
        const [dir] = parsed.args;
        const template = parsed.flags.template;
        if (!dir || !template)
          throw new UsageError(say(lang, 'missingArgument', '<dir> --template <id|path>'));
        const merged = mergeFolder(dir, template, parsed.flags.write === 'true', lang);
        for (const line of merged.lines) io.out(line);
        return merged.conflicts > 0 ? 1 : 0;
      }
      case 'push':
        return await push(parsed, deps, io);
      case 'pull':
        return await pull(parsed, deps, io);
      case 'import':
        return await importRecords(parsed, deps, io);
      case undefined:
      case 'help':
        io.out(say(lang, 'usage'));
        return parsed.command === 'help' || parsed.flags.help ? 0 : 2;
      default:
        io.err(say(lang, 'unknownCommand', parsed.command));
        io.err(say(lang, 'usage'));
        return 2;
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof InheritError ||
      error instanceof PolicyFileError ||
      error instanceof RemoteError ||
      error instanceof TableFileError
    ) {
      io.err(error.message);
      return 2;
    }
    if (isDomainError(error)) {
      io.err(`[${error.code}] ${ERROR_MESSAGES[error.code][lang]}: ${error.message}`);
      for (const field of error.fieldErrors) io.err(`  ${field.property}: ${field.message}`);
      return 2;
    }
    throw error;
  }
}
