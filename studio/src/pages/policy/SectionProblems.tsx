/** The policy check's problems under one part of the draft (empty when there are none). */
import { useTranslation } from 'react-i18next';
import type { PolicyProblem } from '../../api/types.ts';

export function SectionProblems({ problems }: { problems: PolicyProblem[] }) {
  const { t } = useTranslation('policy');
  if (problems.length === 0) return null;
  return (
    <div className="policy-problems" role="alert" aria-label={t('problems.title')}>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.path || '/'}</code> {p.message}
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
