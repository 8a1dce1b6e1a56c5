/** The commands on a policy file: `kesu templates`, `kesu check`, `kesu test` and `kesu new`. */
import { copyTemplate } from '../adapters/files/template-copy.ts';
import { listTemplates, resolvePolicyArgument } from '../adapters/files/template-library.ts';
import {
  checkPolicyDocument,
  numberingWarningsAgainst,
  testPolicyDocument,
} from '../app/policies/policy-use-cases.ts';
import { exampleFailureMessageIn } from '../messages/example-messages.ts';
import { ERROR_MESSAGES } from '../http/messages/error-messages.ts';
import type { ExampleFailure } from '../domain/examples/example-failure.ts';
import type { Lang } from '../domain/policy/format.ts';
import { acceptExamples } from './accept-command.ts';
import { say } from './cli-messages.ts';
import type { CliCommand } from './cli-io.ts';
import { newExtendsFolder } from './inherit-commands.ts';
import { loadPolicy, printProblems } from './load-policy.ts';
import { UsageError } from './parse-args.ts';
import { labelIn } from './print-explanation.ts';

/**
 * `kesu templates`: the bundled templates, one a line (id, title, path), each followed by an
 * indented line per assumption (a part its source does not state).
 */
export const templates: CliCommand = (_parsed, { lang }, io) => {
  for (const entry of listTemplates()) {
    io.out(`${entry.id}\t${labelIn(entry.title, lang)}\t${entry.path}`);
    for (const { part, note } of entry.assumptions)
      io.out(say(lang, 'assumption', part, labelIn(note, lang)));
  }
  return 0;
};

/**
 * `kesu check <policy> [--against <published policy>]`: every problem, and with --against the
 * warnings about a numbering change (they do not fail the check); exit 1 on a problem.
 */
export const check: CliCommand = (parsed, deps, io) => {
  const { document, name } = loadPolicy(parsed.args[0], deps.lang);
  const problems = checkPolicyDocument(document, deps);
  const against = parsed.flags.against;
  const warnings = against
    ? numberingWarningsAgainst(document, loadPolicy(against, deps.lang).document, deps)
    : [];
  if (warnings.length > 0) {
    io.out(say(deps.lang, 'checkWarnings', name, warnings.length));
    printProblems(warnings, deps.lang, io);
  }
  if (problems.length === 0) {
    io.out(say(deps.lang, 'checkOk', name));
    return 0;
  }
  io.out(say(deps.lang, 'checkProblems', name, problems.length));
  printProblems(problems, deps.lang, io);
  return 1;
};

/** A failure in the user's words. */
function failureText(failure: ExampleFailure, lang: Lang): string {
  if (failure.code !== 'step_failed') return exampleFailureMessageIn(failure, lang);
  // The domain's own text is English: in another language, the code's sentence stands for it.
  const known = lang !== 'en' && Object.hasOwn(ERROR_MESSAGES, failure.params.code);
  const sentence = known
    ? ERROR_MESSAGES[failure.params.code as keyof typeof ERROR_MESSAGES][lang]
    : failure.params.message;
  return exampleFailureMessageIn(
    { ...failure, params: { ...failure.params, message: sentence } },
    lang,
  );
}

/**
 * `kesu test <policy>`: runs the examples; exit 1 on a problem or a failure. With `--accept [ids]`
 * the failing ones take what the policy now does (see accept-command.ts).
 */
export const test: CliCommand = async (parsed, deps, io) => {
  if (parsed.flags.accept !== undefined) return acceptExamples(parsed, deps, io);
  const { document } = loadPolicy(parsed.args[0], deps.lang);
  const { problems, results } = await testPolicyDocument(document, deps);
  if (problems.length > 0) {
    io.out(say(deps.lang, 'cannotRun'));
    printProblems(problems, deps.lang, io);
    return 1;
  }
  if (results.length === 0) io.out(say(deps.lang, 'noExamples'));
  for (const result of results) {
    io.out(`${result.passed ? '✓' : '✗'} ${result.id}  ${labelIn(result.title, deps.lang)}`);
    for (const failure of result.failures) io.out(`    ${failureText(failure, deps.lang)}`);
  }
  const failed = results.filter((result) => !result.passed).length;
  io.out(say(deps.lang, 'total', results.length - failed, failed));
  return failed > 0 ? 1 : 0;
};

/** `kesu new <template> <dir> [--extends]`: a template as a policy folder. @throws UsageError */
export const newPolicy: CliCommand = (parsed, deps, io) => {
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
};
