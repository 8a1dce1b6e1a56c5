/** Export a company's policy draft as a JSON file, and import a file into its draft (then check it). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company, PolicyProblem } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { saveFile } from '../../components/save-file.ts';
import { useSession } from '../../session.tsx';
import { exportPolicy, importPolicy, parsePolicyFile } from './policy-transfer.ts';

type Outcome =
  | { kind: 'exported'; file: string }
  | { kind: 'imported'; file: string; version: number; problems: PolicyProblem[] }
  | { kind: 'rejected'; message: string };

export function PolicyFiles({ companies }: { companies: Company[] }) {
  const { t } = useTranslation('consultant');
  const { api } = useSession();
  const [company, setCompany] = useState(companies[0]?.id ?? '');
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const [failure, setFailure] = useState<unknown>();
  const chosen = companies.find((c) => c.id === company) ?? companies[0];
  const run = async (kind: 'export' | 'import', work: () => Promise<Outcome>) => {
    setBusy(kind);
    setOutcome(undefined);
    setFailure(undefined);
    try {
      setOutcome(await work());
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  const onExport = () =>
    run('export', async () => {
      const file = await exportPolicy(api, chosen!.id);
      saveFile(new Blob([file.text], { type: 'application/json' }), file.filename);
      return { kind: 'exported', file: file.filename };
    });
  const onImport = (file: File) =>
    run('import', async () => {
      const parsed = parsePolicyFile(await file.text());
      if ('problem' in parsed) {
        const p = parsed.problem;
        const message =
          p.kind === 'empty'
            ? t('files.empty', { file: file.name })
            : p.kind === 'invalidJson'
              ? t('files.invalidJson', { file: file.name, reason: p.reason })
              : t('files.notPolicy', { file: file.name, missing: p.missing.join('、') });
        return { kind: 'rejected', message };
      }
      const { draft, problems } = await importPolicy(api, chosen!.id, parsed.document);
      return { kind: 'imported', file: file.name, version: draft.version, problems };
    });
  if (!chosen) return null;
  return (
    <section className="card gallery-files" aria-labelledby="gallery-files-title">
      <h2 id="gallery-files-title">{t('files.title')}</h2>
      <p className="muted">{t('files.help')}</p>
      <div className="toolbar">
        <label>
          {t('files.company')}
          <select value={chosen.id} onChange={(e) => setCompany(e.target.value)}>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.id})
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void onExport()} disabled={busy !== null}>
          {t('files.export')}
        </button>
        <label className="gallery-import">
          {t('files.import')}
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void onImport(file);
            }}
          />
        </label>
      </div>
      {busy && <Loading label={t(busy === 'export' ? 'files.exporting' : 'files.importing')} />}
      {failure !== undefined && <ErrorPanel error={failure} />}
      {outcome?.kind === 'rejected' && (
        <p className="error-panel" role="alert" data-testid="policy-file-error">
          {outcome.message}
        </p>
      )}
      {outcome?.kind === 'exported' && (
        <p role="status">{t('files.exported', { file: outcome.file })}</p>
      )}
      {outcome?.kind === 'imported' && (
        <div role="status" data-testid="policy-import-result">
          <p>
            {t('files.imported', {
              file: outcome.file,
              company: chosen.name,
              version: outcome.version,
            })}
          </p>
          {outcome.problems.length === 0 ? (
            <p className="badge ok">{t('files.checkOk')}</p>
          ) : (
            <>
              <p className="badge warn">
                {t('files.checkProblems', { count: outcome.problems.length })}
              </p>
              <ul className="gallery-problems">
                {outcome.problems.map((problem, i) => (
                  <li key={i}>
                    <code>{problem.path || '/'}</code> {problem.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <a href={`#/c/${chosen.id}/policy`}>{t('create.openPolicy')}</a>
        </div>
      )}
    </section>
  );
}
