/**
 * The simulator: fill in a complaint with the draft's intake form, optionally when it is received
 * and the moment to read it at, and see what the draft decides (POST /policy/draft/simulate).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { CaseExplanation } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useSession } from '../../session.tsx';
import { zonedToInstant } from '@domain/time';
import type { SectionProps } from './editor.ts';
import { JsonEditor } from './JsonEditor.tsx';
import { PolicyForm } from './PolicyForm.tsx';
import { SimulationResult } from './SimulationResult.tsx';

/** "2026-02-13T17:30" in the time zone → ISO instant; '' stays undefined. */
export function localToIso(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return undefined;
  const ms = zonedToInstant(match[1]!, Number(match[2]) * 60 + Number(match[3]), timeZone);
  return new Date(ms).toISOString();
}

export function SimulatorSection({ company, policy, flush, problems }: SectionProps) {
  const { t } = useTranslation('policy');
  const { api } = useSession();
  const [intake, setIntake] = useState<Record<string, unknown>>({});
  const [receivedAt, setReceivedAt] = useState('');
  const [at, setAt] = useState('');
  const [steps, setSteps] = useState<unknown[]>([]);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<CaseExplanation | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (data: Record<string, unknown>) => {
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      await flush();
      const received = localToIso(receivedAt, policy.timeZone);
      const moment = localToIso(at, policy.timeZone);
      setResult(
        await api.post(`/companies/${company}/policy/draft/simulate`, {
          intake: data,
          ...(steps.length ? { steps } : {}),
          ...(received ? { receivedAt: received } : {}),
          ...(moment ? { at: moment } : {}),
        }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  };

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <div className="policy-simulator">
      <p className="help">{t('simulator.help')}</p>
      {problems.length > 0 && (
        <p className="badge danger" role="status">
          {t('simulator.hasProblems', { count: problems.length })}
        </p>
      )}
      <div className="policy-simulator-grid">
        <section aria-label={t('simulator.complaint')}>
          <h3>{t('simulator.complaint')}</h3>
          <div className="policy-toolbar">
            <label>
              {t('simulator.receivedAt')}{' '}
              <input
                type="datetime-local"
                value={receivedAt}
                onChange={(e) => setReceivedAt(e.target.value)}
              />
            </label>
            <label>
              {t('simulator.at')}{' '}
              <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
            </label>
          </div>
          <p className="help">{t('simulator.timesHelp', { zone: policy.timeZone })}</p>
          <details className="policy-steps">
            <summary>{t('simulator.steps', { count: steps.length })}</summary>
            <p className="help">{t('simulator.stepsHelp')}</p>
            <JsonEditor
              label={t('simulator.stepsJson')}
              value={steps}
              rows={8}
              accept={(v) => (Array.isArray(v) ? null : t('simulator.stepsNotList'))}
              onApply={(v) => setSteps(v as unknown[])}
            />
          </details>
          <PolicyForm
            form={policy.forms.intake}
            formData={intake}
            onChange={setIntake}
            submitLabel={t('simulator.run')}
            disabled={running}
            fieldErrors={fieldErrors}
            onSubmit={(data) => void run(data)}
          />
        </section>
        <section aria-label={t('simulator.result')} data-testid="policy-simulation">
          <h3>{t('simulator.result')}</h3>
          {running && <Loading />}
          {error != null && <ErrorPanel error={error} />}
          {result && <SimulationResult policy={policy} result={result} />}
          {!running && !result && error == null && <p className="muted">{t('simulator.empty')}</p>}
        </section>
      </div>
    </div>
  );
}
