/** The approval matrix's one-click repairs, as buttons next to the problems they repair. */
import { useTranslation } from 'react-i18next';
import type { Policy, PolicyProblem } from '../../api/types.ts';
import type { SectionProps } from './editor.ts';
import { quickFixesFor } from './quick-fixes.ts';

/** A button for each repair the problems allow; nothing when there is none. */
export function QuickFixes({
  policy,
  problems,
  update,
}: {
  policy: Policy;
  problems: PolicyProblem[];
  update: SectionProps['update'];
}) {
  const { t, i18n } = useTranslation('policy');
  const fixes = problems.flatMap((p) => quickFixesFor(p, { policy, lang: i18n.language, t }));
  if (fixes.length === 0) return null;
  return (
    <div className="toolbar quick-fixes">
      {fixes.map((fix) => (
        <button key={fix.label} type="button" onClick={() => update(fix.apply)}>
          {fix.label}
        </button>
      ))}
    </div>
  );
}
