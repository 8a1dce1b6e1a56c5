/**
 * Backtest (回测) in the publish section: saves the draft, replays the period's stored cases through
 * it and the versions they ran under, shows progress with a cancel button, then the report.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { Backtest, Policy } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useSession } from '../../session.tsx';
import { BacktestReport } from './BacktestReport.tsx';

type Props = { company: string; policy: Policy; flush: () => Promise<number> };

type Run =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown }
  | { phase: 'done'; report: Backtest };

/** The first day of the month three months back, and today, as dates in the policy's zone. */
function defaultPeriod(timeZone: string): { from: string; to: string } {
  let today: string;
  try {
    today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  } catch {
    today = new Date().toISOString().slice(0, 10);
  }
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 - 3, 1)).toISOString().slice(0, 10);
  return { from: first, to: today };
}

export function BacktestPanel({ company, policy, flush }: Props) {
  const { t } = useTranslation('policy');
  const { api } = useSession();
  const [period, setPeriod] = useState(() => defaultPeriod(policy.timeZone));
  const [sample, setSample] = useState('');
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setRun({ phase: 'running', done: 0, total: 0 });
    try {
      await flush();
      const body = { ...period, ...(sample.trim() ? { sample: Number(sample) } : {}) };
      await api.postLines(
        `/companies/${company}/policy/draft/backtest`,
        body,
        (line) => {
          if (line.type === 'progress')
            setRun({ phase: 'running', done: line.done, total: line.total });
          else if (line.type === 'report') setRun({ phase: 'done', report: line.report });
          else
            setRun({
              phase: 'failed',
              error: new ApiError(500, line.error.code, line.error.message),
            });
        },
        controller.signal,
      );
    } catch (error) {
      setRun(controller.signal.aborted ? { phase: 'cancelled' } : { phase: 'failed', error });
    } finally {
      abort.current = null;
    }
  };
  const fieldError = (field: string) =>
    run.phase === 'failed' && run.error instanceof ApiError
      ? run.error.fieldErrors.find((f) => f.property === `.${field}`)
      : undefined;
  const running = run.phase === 'running';

  return (
    <section className="policy-a-block" aria-labelledby="backtest-title" data-testid="backtest">
      <h3 id="backtest-title">{t('backtest.title')}</h3>
      <p className="help">{t('backtest.intro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <div className="toolbar">
          {(['from', 'to'] as const).map((field) => (
            <label key={field}>
              {t(`backtest.${field}`)}{' '}
              <input
                type="date"
                value={period[field]}
                aria-invalid={Boolean(fieldError(field))}
                onChange={(e) => setPeriod({ ...period, [field]: e.target.value })}
              />
              {fieldError(field) && (
                <span className="field-error" role="alert">
                  {fieldError(field)?.message}
                </span>
              )}
            </label>
          ))}
          <label>
            {t('backtest.sample')}{' '}
            <input
              type="number"
              min={1}
              value={sample}
              title={t('backtest.sampleHelp')}
              aria-invalid={Boolean(fieldError('sample'))}
              onChange={(e) => setSample(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={running}>
            {running ? t('backtest.running') : t('backtest.run')}
          </button>
          {running && (
            <button type="button" onClick={() => abort.current?.abort()}>
              {t('backtest.cancel')}
            </button>
          )}
        </div>
      </form>
      {run.phase === 'running' && (
        <div role="status" aria-live="polite" data-testid="backtest-progress">
          <progress value={run.done} max={Math.max(run.total, 1)} />{' '}
          {t('backtest.progress', { done: run.done, total: run.total })}
        </div>
      )}
      {run.phase === 'cancelled' && <p role="status">{t('backtest.cancelled')}</p>}
      {run.phase === 'failed' && <ErrorPanel error={run.error} />}
      {run.phase === 'done' && <BacktestReport report={run.report} policy={policy} />}
    </section>
  );
}
