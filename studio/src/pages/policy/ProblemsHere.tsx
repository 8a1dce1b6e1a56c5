/** The policy check's problems shown where they are, next to the value they concern. */
import type { PolicyProblem } from '../../api/types.ts';

export function ProblemsHere({
  problems,
  testId,
  text = (p) => p.message,
}: {
  problems: PolicyProblem[];
  testId?: string;
  /** The problem in words (default: the check's message). */
  text?: (problem: PolicyProblem) => string;
}) {
  if (problems.length === 0) return null;
  return (
    <ul className="policy-a-problems" data-testid={testId}>
      {problems.map((p, i) => (
        <li key={i} className="field-error">
          {text(p)}
        </li>
      ))}
    </ul>
  );
}
