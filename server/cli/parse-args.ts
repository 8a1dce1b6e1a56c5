/** The kesu command line read into a command, its positional arguments and its --flags. */

/** Flags that take no value. */
const SWITCHES = new Set([
  'help',
  'dry-run',
  'skip-rejected',
  'extends',
  'write',
  'accept',
  'json',
]);

/** A command line: the command, its positional arguments and its flags (a switch reads "true"). */
export type ParsedArgs = { command?: string; args: string[]; flags: Record<string, string> };

/** A command used wrongly: a missing argument or a bad value (exit 2 with the message). */
export class UsageError extends Error {}

/** Splits argv into the command, positional arguments and `--flag value` / `--flag=value` pairs. */
export function parseArgs(argv: string[]): ParsedArgs {
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
