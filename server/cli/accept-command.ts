/**
 * `kesu test <policy> --accept [ids…]`: what the server's accept does for a draft, on a policy
 * folder or file — the failing examples (the named ones, or all) take what the policy now does as
 * their expectation — written back into the files the examples live in.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { policyFileText, writePolicyFolder } from '../adapters/files/policy-folder-write.ts';
import { acceptExampleResults, withAcceptedExamples } from '../domain/examples/accept-examples.ts';
import { checkPolicy } from '../domain/policy/check/check-policy.ts';
import type { PolicyDeps } from '../app/policies/policy-use-cases.ts';
import { say } from './cli-messages.ts';
import type { CliIo } from './cli-io.ts';
import { formatAccepted } from './format-accepted.ts';
import { loadPolicy, printProblems } from './load-policy.ts';
import { UsageError, type ParsedArgs } from './parse-args.ts';

/** The example ids: `--accept=a,b`, or the arguments after the policy (none: every failing one). */
function idsOf(parsed: ParsedArgs): string[] | undefined {
  const flag = parsed.flags.accept ?? 'true';
  const ids = flag === 'true' ? parsed.args.slice(1) : flag.split(',').filter(Boolean);
  return ids.length > 0 ? ids : undefined;
}

/** Writes the document where it was read from; returns the files changed. */
function writeBack(path: string, document: Record<string, unknown>): string[] {
  if (statSync(path).isDirectory()) return writePolicyFolder(path, document);
  writeFileSync(path, policyFileText(document));
  return [path];
}

/**
 * Accepts the examples' current results into the policy's files and prints what changed; exit 1
 * when an example named could not be accepted or the policy does not check. @throws UsageError
 * when the policy is a bundled template (its files are not the user's to rewrite)
 */
export async function acceptExamples(
  parsed: ParsedArgs,
  deps: PolicyDeps,
  io: CliIo,
): Promise<number> {
  const argument = parsed.args[0];
  const loaded = loadPolicy(argument, deps.lang);
  if (!argument || !existsSync(argument))
    throw new UsageError(say(deps.lang, 'acceptNeedsPath', loaded.name));
  const checked = checkPolicy(loaded.document, deps.validator, deps.lang);
  if (!checked.ok) {
    io.out(say(deps.lang, 'cannotRun'));
    printProblems(checked.problems, deps.lang, io);
    return 1;
  }
  const context = { policy: checked.policy, validator: deps.validator, lang: deps.lang };
  const { policy, accepted, refused } = await acceptExampleResults(context, idsOf(parsed));
  for (const line of formatAccepted(policy, { accepted, refused }, deps.lang)) io.out(line);
  if (accepted.length > 0) {
    const raw = loaded.raw as Record<string, unknown>;
    const written = writeBack(loaded.path, withAcceptedExamples(raw, policy, accepted));
    io.out(say(deps.lang, 'acceptWritten', written.join(', ') || '—'));
  }
  return refused.length > 0 ? 1 : 0;
}
