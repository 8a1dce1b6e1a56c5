/** The commands that talk to a running server: `kesu push`, `kesu pull` and `kesu import`. */
import { isKnownEncoding, TextEncodingError } from '../adapters/files/text-encoding.ts';
import { MappingError } from '../app/import/import-mapping.ts';
import type { PolicyDeps } from '../app/policies/policy-use-cases.ts';
import { say } from './cli-messages.ts';
import type { CliCommand, CliIo } from './cli-io.ts';
import { runImport } from './import-command.ts';
import { loadPolicy, printProblems } from './load-policy.ts';
import { UsageError, type ParsedArgs } from './parse-args.ts';
import { pullDraft, pushDraft, type PushAnswer, type Remote } from './remote.ts';
import { labelIn } from './print-explanation.ts';
import { writePolicyFolder } from '../adapters/files/policy-folder-write.ts';
import type { CheckedProblem } from '../app/policies/policy-problems.ts';
import type { Label } from '../domain/policy/format.ts';

/** The server (--server, KESU_URL or the local default) and token (--token or KESU_TOKEN). */
export function remoteOf(parsed: ParsedArgs, deps: PolicyDeps, io: CliIo): Remote {
  const token = parsed.flags.token ?? io.env.KESU_TOKEN;
  if (!token) throw new UsageError(say(deps.lang, 'missingArgument', '--token or KESU_TOKEN'));
  const url = (parsed.flags.server ?? io.env.KESU_URL ?? 'http://127.0.0.1:8787').replace(
    /\/$/,
    '',
  );
  return { url, token, fetch: io.fetch ?? fetch, lang: deps.lang };
}

/** The server's check and examples summary of what was pushed. */
function printPushAnswer(answer: PushAnswer, company: string, deps: PolicyDeps, io: CliIo): void {
  const { lang } = deps;
  if (answer.warnings.length > 0) {
    io.out(say(lang, 'checkWarnings', company, answer.warnings.length));
    printProblems(answer.warnings as CheckedProblem[], lang, io);
  }
  if (answer.problems.length > 0) {
    io.out(say(lang, 'checkProblems', company, answer.problems.length));
    printProblems(answer.problems as CheckedProblem[], lang, io);
    io.out(say(lang, 'pushExamplesNotRun'));
    return;
  }
  io.out(say(lang, 'pushCheckOk'));
  const examples = answer.examples;
  if (!examples) return;
  io.out(say(lang, 'pushExamples', examples.passed, examples.failed));
  for (const result of examples.results.filter((r) => !r.passed))
    io.out(say(lang, 'failedExample', result.id, labelIn(result.title as Label, lang)));
}

/**
 * `kesu push <policy> --company <id>`: prints the server's check and examples summary; exit 1
 * when the uploaded draft has problems or an example fails. @throws UsageError
 */
export const push: CliCommand = async (parsed, deps, io) => {
  const company = parsed.flags.company;
  if (!company) throw new UsageError(say(deps.lang, 'missingArgument', '--company'));
  const { raw } = loadPolicy(parsed.args[0], deps.lang);
  const answer = await pushDraft(remoteOf(parsed, deps, io), company, raw);
  io.out(say(deps.lang, 'pushed', company, answer.version));
  printPushAnswer(answer, company, deps, io);
  return answer.problems.length > 0 || (answer.examples?.failed ?? 0) > 0 ? 1 : 0;
};

/**
 * `kesu pull --company <id> <dir>`: the draft written into the folder in the layout `kesu new`
 * writes, or the one the folder already has; files that do not change are left alone.
 * @throws UsageError
 */
export const pull: CliCommand = async (parsed, deps, io) => {
  const company = parsed.flags.company;
  const dir = parsed.args[0];
  if (!company || !dir)
    throw new UsageError(say(deps.lang, 'missingArgument', '--company <id> <dir>'));
  const { version, document } = await pullDraft(remoteOf(parsed, deps, io), company);
  const written = writePolicyFolder(dir, document);
  io.out(say(deps.lang, 'pulled', company, version, dir));
  io.out(
    written.length === 0
      ? say(deps.lang, 'pulledUnchanged')
      : say(deps.lang, 'pulledFiles', written.length, written.join(', ')),
  );
  return 0;
};

/** The batch size from --batch-size (default 250). @throws UsageError outside 1..500 */
function batchSizeOf(parsed: ParsedArgs, deps: PolicyDeps): number {
  const batchSize = Number(parsed.flags['batch-size'] ?? 250);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 500)
    throw new UsageError(say(deps.lang, 'missingArgument', '--batch-size 1..500'));
  return batchSize;
}

/** The encoding named with --encoding, if any. @throws UsageError for one iconv-lite lacks */
function encodingOf(parsed: ParsedArgs, deps: PolicyDeps): string | undefined {
  const encoding = parsed.flags.encoding;
  if (encoding !== undefined && !isKnownEncoding(encoding))
    throw new UsageError(say(deps.lang, 'unknownEncoding', encoding));
  return encoding;
}

/**
 * `kesu import <file> --company <id> --mapping <map.json>`: exit 2 when the mapping does not fit
 * or the file's bytes are not text in its encoding.
 */
export const importRecords: CliCommand = async (parsed, deps, io) => {
  const file = parsed.args[0];
  const { company, mapping } = parsed.flags;
  if (!file || !company || !mapping)
    throw new UsageError(
      say(deps.lang, 'missingArgument', '<file.csv|file.xlsx> --company <id> --mapping <map.json>'),
    );
  const options = {
    file,
    company,
    mappingFile: mapping,
    dryRun: parsed.flags['dry-run'] === 'true',
    skipRejected: parsed.flags['skip-rejected'] === 'true',
    batchSize: batchSizeOf(parsed, deps),
    lang: deps.lang,
    encoding: encodingOf(parsed, deps),
  };
  try {
    return await runImport(options, remoteOf(parsed, deps, io), io);
  } catch (error) {
    if (error instanceof TextEncodingError) {
      const { named, line, encoding } = error;
      io.err(
        named
          ? say(deps.lang, 'encodingNotText', file, line, encoding)
          : say(deps.lang, 'encodingUnknown', file, line),
      );
      return 2;
    }
    if (!(error instanceof MappingError)) throw error;
    io.err(say(deps.lang, 'mappingProblems', mapping));
    for (const problem of error.problems) io.err(`  ${problem.path}: ${problem.message}`);
    return 2;
  }
};
