/** What a kesu command is given to talk to the world, and the shape every command has. */
import type { PolicyDeps } from '../app/policies/policy-use-cases.ts';
import type { ParsedArgs } from './parse-args.ts';
import type { ProgressIo } from './progress.ts';

/** The command's output streams, environment and network, passed in so tests can capture them. */
export type CliIo = {
  /** The HTTP client for push and pull (tests pass the app's own). */
  fetch?: typeof fetch;
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  /** Raw stderr and whether it is a terminal, for progress bars. */
  progress?: ProgressIo;
};

/** One kesu command: its parsed arguments in, its exit code out. */
export type CliCommand = (
  parsed: ParsedArgs,
  deps: PolicyDeps,
  io: CliIo,
) => number | Promise<number>;
