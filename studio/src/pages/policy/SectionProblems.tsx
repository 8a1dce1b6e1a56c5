/**
 * The policy check's problems under the part of the draft they concern (empty when there are none):
 * shown where they are, so the message alone; the path stays in the tooltip.
 */
import { useTranslation } from 'react-i18next';
import type { PolicyProblem } from '../../api/types.ts';

export function SectionProblems({
  problems,
  text = (p) => p.message,
}: {
  problems: PolicyProblem[];
  /** The problem in words (default: the check's message). */
  text?: (problem: PolicyProblem) => string;
}) {
  const { t } = useTranslation('policy');
  if (problems.length === 0) return null;
  return (
    <div className="policy-problems" role="alert" aria-label={t('problems.title')}>
      <ul>
        {problems.map((p, i) => (
          <li key={i} title={p.path || '/'}>
            {text(p)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The ?at= pointer of the current hash route (the problems panel's links carry it). */
export function atPointer(): string {
  const hash = globalThis.location?.hash ?? '';
  return new URLSearchParams(hash.split('?')[1] ?? '').get('at') ?? '';
}
