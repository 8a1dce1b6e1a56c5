/**
 * Case numbering (编号): the pattern, when the serial restarts, a live preview of the next
 * numbers, computed in the browser by the runtime's own numbering functions from the last serial
 * the server gave in the period (or a count typed to try), and the check's warning when a change
 * can repeat a number already given.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { useAsync } from '../../components/useAsync.ts';
import { formatTime } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';
import { formatCaseNumber, numberingPeriod } from '@domain/numbering';
import type { SectionProps } from './editor.ts';
import { ProblemsHere } from './ProblemsHere.tsx';

type Reset = Policy['numbering']['reset'];
const RESETS: Reset[] = ['never', 'year', 'month', 'day'];
const PREVIEW_COUNT = 5;

/** The period the draft's numbering counts in now, or the reason it cannot say. */
function periodNow(policy: Policy, now: number): { period: string; error: string | null } {
  try {
    return { period: numberingPeriod(policy.numbering, now, policy.timeZone), error: null };
  } catch (thrown) {
    return { period: '', error: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}

export function NumberingSection({ company, policy, update, problemsAt, warnings }: SectionProps) {
  const { t, i18n } = useTranslation('policy');
  const { api } = useSession();
  const [now] = useState(() => Date.now());
  // null: the serials the server says were given; a string: a count typed to try.
  const [used, setUsed] = useState<string | null>(null);
  const numbering = policy.numbering;
  const { period, error: periodError } = periodNow(policy, now);
  const given = useAsync(
    () =>
      period
        ? api.get(`/companies/${company}/policy/serials/${period}`)
        : Promise.resolve(undefined),
    [api, company, period],
  );
  const onRecord = given.value?.period === period ? given.value.lastSerial : undefined;
  const last = used === null ? (onRecord ?? 0) : Math.max(0, Math.floor(Number(used)) || 0);
  let preview: string[] = [];
  let error: string | null = periodError;
  try {
    preview = Array.from({ length: PREVIEW_COUNT }, (_, i) =>
      formatCaseNumber(numbering, now, policy.timeZone, last + i + 1),
    );
  } catch (thrown) {
    error = thrown instanceof Error ? thrown.message : String(thrown);
  }
  const here = problemsAt('/numbering');
  const changeWarnings = warnings.filter((w) => w.path.startsWith('/numbering'));
  return (
    <div className="policy-numbering">
      <h2>{t('numbering.title')}</h2>
      <p className="help">{t('numbering.intro')}</p>
      <div className="grid-2">
        <label>
          {t('numbering.pattern')}
          <input
            type="text"
            data-testid="numbering-pattern"
            aria-invalid={here.length > 0}
            value={numbering.pattern}
            onChange={(e) => {
              const pattern = e.target.value;
              update((d) => void (d.numbering.pattern = pattern));
            }}
          />
        </label>
        <label>
          {t('numbering.reset')}
          <select
            data-testid="numbering-reset"
            value={numbering.reset}
            onChange={(e) => {
              const reset = e.target.value as Reset;
              update((d) => void (d.numbering.reset = reset));
            }}
          >
            {RESETS.map((r) => (
              <option key={r} value={r}>
                {t(`numbering.resets.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ProblemsHere problems={here} testId="numbering-problems" />
      {changeWarnings.length > 0 && (
        <ul className="policy-a-warnings" data-testid="numbering-warnings">
          {changeWarnings.map((w, i) => (
            <li key={i} className="badge warn">
              {w.message}
            </li>
          ))}
        </ul>
      )}
      <p className="help">{t('numbering.tokens')}</p>
      {numbering.tokens && (
        <p className="muted">
          {t('numbering.customTokens', {
            tokens: Object.entries(numbering.tokens)
              .map(([letter, meaning]) => `${letter} = ${t(`numbering.meanings.${meaning}`)}`)
              .join(i18n.language === 'en' ? ', ' : '，'),
          })}
        </p>
      )}
      <section className="policy-a-block" aria-labelledby="numbering-preview-title">
        <h3 id="numbering-preview-title">{t('numbering.previewTitle')}</h3>
        <p className="muted">
          {t('numbering.previewAt', {
            time: formatTime(new Date(now).toISOString(), i18n.language, policy.timeZone),
            period: period === 'all' ? t('numbering.periodAll') : period,
          })}
        </p>
        <label>
          {t('numbering.used')}{' '}
          <input
            type="number"
            min={0}
            step={1}
            className="narrow"
            value={used ?? String(onRecord ?? 0)}
            onChange={(e) => setUsed(e.target.value)}
          />
        </label>
        {onRecord !== undefined && (
          <p className="muted" data-testid="numbering-on-record">
            {used === null || last === onRecord
              ? t('numbering.usedGiven', { last: onRecord, next: onRecord + 1 })
              : t('numbering.usedChanged', { last: onRecord })}
          </p>
        )}
        {error ? (
          <p className="field-error">{error}</p>
        ) : (
          <ol className="numbering-preview" data-testid="numbering-preview">
            {preview.map((number, i) => (
              <li key={i}>
                <code>{number}</code>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
