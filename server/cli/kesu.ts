/**
 * The kesu command: one module per command group (policy files, inheritance, the server), here the
 * dispatch, `kesu diff` and `kesu explain`. `main` takes its arguments, environment and output
 * streams, and returns the exit code.
 */
import { createAjvValidator } from '../adapters/validation/ajv-validator.ts';
import {
  loadPolicyDocument,
  PolicyFileError,
  type PolicyFileReason,
} from '../adapters/files/policy-files.ts';
import { TableFileError } from '../adapters/files/table-file.ts';
import {
  explainCaseDocument,
  readPolicyDocument,
  type PolicyDeps,
} from '../app/policies/policy-use-cases.ts';
import { diffPolicies } from '../domain/policy/diff-policies.ts';
import { isDomainError } from '../domain/errors.ts';
import type { Lang } from '../domain/policy/format.ts';
import { ERROR_MESSAGES } from '../http/messages/error-messages.ts';
import { diffMessage } from '../messages/diff-messages.ts';
import { pickLang, say, type MessageKey } from './cli-messages.ts';
import type { CliCommand, CliIo } from './cli-io.ts';
import { backtest } from './backtest-command.ts';
import { db } from './db-command.ts';
import { extend, inherit, merge } from './inherit-commands.ts';
import { loadPolicy, printProblems } from './load-policy.ts';
import { parseArgs, UsageError, type ParsedArgs as Parsed } from './parse-args.ts';
import { check, newPolicy, templates, test } from './policy-commands.ts';
import { explanationJson } from './explanation-json.ts';
import { formatExplanation } from './print-explanation.ts';
import { importRecords, pull, push } from './remote-commands.ts';
import { RemoteError } from './remote.ts';
import { InheritError } from './resolve-loaded.ts';

export type { CliIo } from './cli-io.ts';

function diff(parsed: Parsed, deps: PolicyDeps, io: CliIo): number {
  const [a, b] = parsed.args;
  if (!a || !b) throw new UsageError(say(deps.lang, 'missingArgument', '<a> <b>'));
  const before = readPolicyDocument(loadPolicy(a, deps.lang).document, deps);
  const after = readPolicyDocument(loadPolicy(b, deps.lang).document, deps);
  if (!before.ok || !after.ok) {
    io.out(say(deps.lang, 'cannotRun'));
    printProblems([...before.problems, ...after.problems], deps.lang, io);
    return 1;
  }
  const changes = diffPolicies(before.policy, after.policy);
  if (changes.length === 0) io.out(say(deps.lang, 'noChanges'));
  for (const change of changes) io.out(`${diffMessage(change, deps.lang)}    (${change.path})`);
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
    printProblems(explained.problems, deps.lang, io);
    return 1;
  }
  if (parsed.flags.json) {
    const json = explanationJson(explained.policy, explained.explanation, deps.lang);
    io.out(JSON.stringify(json, null, 2));
    return 0;
  }
  for (const line of formatExplanation(explained.policy, explained.explanation, deps.lang))
    io.out(line);
  return 0;
}

const COMMANDS: Record<string, CliCommand> = {
  templates,
  check,
  test,
  explain,
  diff,
  new: newPolicy,
  inherit,
  extend,
  merge,
  push,
  pull,
  import: importRecords,
  backtest,
  db,
};

/** No command, `help` or an unknown one: the usage (exit 0 when asked for, else 2). */
function usage(parsed: Parsed, lang: Lang, io: CliIo): number {
  if (parsed.command === undefined || parsed.command === 'help') {
    io.out(say(lang, 'usage'));
    return parsed.command === 'help' || parsed.flags.help ? 0 : 2;
  }
  io.err(say(lang, 'unknownCommand', parsed.command));
  io.err(say(lang, 'usage'));
  return 2;
}

const FILE_REASONS: Record<PolicyFileReason, MessageKey> = {
  missing: 'fileMissing',
  unreadable: 'fileUnreadable',
  notJson: 'fileNotJson',
  nothingAt: 'fileNothingAt',
  nested: 'fileNested',
  noPolicy: 'fileNoPolicy',
  notEmpty: 'fileNotEmpty',
};

/** A refusal the user can act on, printed with exit 2; anything else is rethrown. */
function refusal(error: unknown, lang: Lang, io: CliIo): number {
  if (error instanceof PolicyFileError) {
    io.err(say(lang, FILE_REASONS[error.reason], error.file, error.detail));
    return 2;
  }
  if (
    error instanceof UsageError ||
    error instanceof InheritError ||
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

/** Runs the command; returns the process exit code (0 ok, 1 problems or failures, 2 usage or input error). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  const lang = pickLang(parsed.flags.lang, io.env);
  const deps: PolicyDeps = { validator: createAjvValidator(), lang };
  try {
    const name = parsed.command;
    const command =
      name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    return command ? await command(parsed, deps, io) : usage(parsed, lang, io);
  } catch (error) {
    return refusal(error, lang, io);
  }
}
