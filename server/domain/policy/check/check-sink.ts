/** Collects policy problems as codes with their JSON Pointer paths and parameters. */
import type { CheckCode, CheckProblem } from './check-codes.ts';

export type PathPart = string | number;

/** A JSON Pointer ("/workflow/transitions/3/roles/0") from path parts. */
export function toPointer(parts: PathPart[]): string {
  return parts.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export type ProblemSink = {
  add(path: PathPart[], code: CheckCode, params?: Record<string, unknown>): void;
  readonly problems: CheckProblem[];
};

/** A sink that records each problem's code, path and parameters. */
export function createProblemSink(): ProblemSink {
  const problems: CheckProblem[] = [];
  return {
    problems,
    add(path, code, params = {}) {
      problems.push({ path: toPointer(path), code, params });
    },
  };
}
