/**
 * The publish form's choice for open cases: keep them on their version (the default) or move them
 * to the new one; choosing "move" saves the draft and previews what moving would change.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MigrationPreview, Policy } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useSession } from '../../session.tsx';
import { MigrationCaseList } from './MigrationCaseList.tsx';

export type OpenCases = 'keep' | 'move';

type Props = {
  company: string;
  policy: Policy;
  value: OpenCases;
  onChange: (value: OpenCases) => void;
  /** Saves the draft, so that the preview is of what will be published. */
  flush: () => Promise<number>;
};

export function OpenCasesChoice({ company, policy, value, onChange, flush }: Props) {
  const { t } = useTranslation('policy');
  const { api } = useSession();
  const [preview, setPreview] = useState<MigrationPreview | null>(null);
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  // The frame's flush changes with every edit; the preview reloads on the choice, not on those.
  const flushNow = useRef(flush);
  flushNow.current = flush;
  useEffect(() => {
    if (value !== 'move') return;
    let current = true;
    setPreview(null);
    setError(undefined);
    flushNow
      .current()
      .then(() => api.post(`/companies/${company}/policy/draft/migration-preview`))
      .then(
        (answer) => current && setPreview(answer),
        (failure: unknown) => current && setError(failure),
      );
    return () => {
      current = false;
    };
  }, [value, api, company, tick]);

  return (
    <fieldset className="policy-a-block" data-testid="open-cases">
      <legend>{t('migration.legend')}</legend>
      {(['keep', 'move'] as const).map((choice) => (
        <label key={choice} className="choice">
          <input
            type="radio"
            name="open-cases"
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          {t(`migration.${choice}`)}
        </label>
      ))}
      {value === 'move' && (
        <div data-testid="migration-preview" aria-live="polite">
          {error != null && <ErrorPanel error={error} onRetry={() => setTick((n) => n + 1)} />}
          {!preview && error == null && <Loading label={t('migration.previewLoading')} />}
          {preview && (
            <>
              <p>{t('migration.previewCounts', preview)}</p>
              {preview.cases.length === 0 ? (
                <p className="muted">{t('migration.noChanges')}</p>
              ) : (
                <MigrationCaseList
                  cases={preview.cases}
                  policy={policy}
                  testId="migration-preview-cases"
                />
              )}
              {preview.truncated && (
                <p className="muted">{t('migration.truncated', { count: preview.cases.length })}</p>
              )}
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}
