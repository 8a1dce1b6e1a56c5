/** Collects policy problems with their JSON Pointer paths and localized messages. */
import { checkMessage, type CheckCode } from './check-messages.ts';
import type { Lang } from '../format.ts';
import type { PolicyProblem } from '../../validator.ts';

export type PathPart = string | number;

/** A JSON Pointer ("/workflow/transitions/3/roles/0") from path parts. */
export function toPointer(parts: PathPart[]): string {
  return parts.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export type ProblemSink = {
  add(path: PathPart[], code: CheckCode, params?: Record<string, unknown>): void;
  readonly problems: PolicyProblem[];
};

/** A sink that writes each problem's message in the given language. */
export function createProblemSink(lang: Lang): ProblemSink {
  const problems: PolicyProblem[] = [];
  return {
    problems,
    add(path, code, params = {}) {
      problems.push({
        path: toPointer(path),
        code,
        message: checkMessage(code, params, lang),
        params,
      });
    },
  };
}
