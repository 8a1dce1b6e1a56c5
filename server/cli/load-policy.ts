/** Reading the <policy> argument of a kesu command, and printing a policy's problems. */
import { loadPolicyDocument } from '../adapters/files/policy-files.ts';
import { resolvePolicyArgument } from '../adapters/files/template-library.ts';
import type { Lang } from '../domain/policy/format.ts';
import type { CheckProblem } from '../domain/policy/check/check-codes.ts';
import type { PolicyProblem } from '../domain/validator.ts';
import { describeProblems } from '../messages/check-messages.ts';
import { say } from './cli-messages.ts';
import type { CliIo } from './cli-io.ts';
import { UsageError } from './parse-args.ts';
import { resolveLoaded } from './resolve-loaded.ts';

/** A policy read from disk: `document` resolved from any extends form, `raw` as written. */
export type LoadedPolicy = { document: unknown; raw: unknown; name: string; path: string };

/**
 * The policy at a path or template id; one in extends form is resolved (`raw` is as written).
 * @throws UsageError when the argument is missing or names nothing
 */
export function loadPolicy(argument: string | undefined, lang: Lang): LoadedPolicy {
  if (!argument) throw new UsageError(say(lang, 'missingArgument', '<policy>'));
  const path = resolvePolicyArgument(argument);
  if (!path) throw new UsageError(say(lang, 'noPolicy', argument));
  const raw = loadPolicyDocument(path);
  return { document: resolveLoaded(path, raw, lang).policy, raw, name: argument, path };
}

/** One line a problem: where, its code, what is wrong (a check problem worded in `lang`). */
export function printProblems(
  problems: readonly (CheckProblem | PolicyProblem)[],
  lang: Lang,
  io: CliIo,
): void {
  for (const problem of describeProblems(problems, lang))
    io.out(`  ${problem.path || '/'}  [${problem.code}]  ${problem.message}`);
}
