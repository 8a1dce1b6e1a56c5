import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { JsonEditor } from './JsonEditor.tsx';

type Workflow = Policy['workflow'];

type Guard = Workflow['transitions'][number]['guard'];

/** A transition's guard: the condition in words, editable as JSON. */
export function GuardCell(props: {
  text: string;
  guard: Guard;
  name: string;
  onChange: (guard: Guard) => void;
}) {
  const { t } = useTranslation('policy');
  return (
    <details className="policy-guard">
      <summary>{props.text || <span className="muted">{t('workflow.noGuard')}</span>}</summary>
      <JsonEditor
        label={t('workflow.guardOf', { name: props.name })}
        value={props.guard ?? null}
        rows={8}
        accept={(v) =>
          v === null || (typeof v === 'object' && !Array.isArray(v))
            ? null
            : t('jsonEditor.notObject')
        }
        onApply={(v) => props.onChange((v ?? undefined) as Guard)}
      />
    </details>
  );
}
