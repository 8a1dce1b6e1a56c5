/**
 * The policy editor: loads the company's draft, gives it to the chosen section, saves every change
 * (debounced, one save at a time, with the draft's version so two editors cannot overwrite each
 * other) and re-runs the policy check after each save; problems link to their section.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { Policy, PolicyDraft, PolicyProblem } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useSession } from '../../session.tsx';
import type { PageProps } from '../types.ts';
import { sectionOf, type SectionProps } from './editor.ts';
import { SECTIONS } from './sections.ts';

type SaveState = 'saved' | 'dirty' | 'saving' | 'failed' | 'stale';
const SAVE_DELAY_MS = 700;

export function PolicyEditorPage({ company, params }: PageProps) {
  const { t } = useTranslation('policy');
  const { api } = useSession();
  const sectionId = SECTIONS.some((s) => s.id === params.section) ? params.section : 'forms';
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [problems, setProblems] = useState<PolicyProblem[]>([]);
  const [checking, setChecking] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [draftVersion, setDraftVersion] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [inherits, setInherits] = useState<{
    template: string;
    overridden: number;
    parts: { path: string; status: string }[];
  } | null>(null);
  const latest = useRef<Policy | null>(null);
  const version = useRef(0);
  const saving = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);

  const check = useCallback(async () => {
    setChecking(true);
    try {
      const result = await api.post<{ ok: boolean; problems: PolicyProblem[] }>(
        `/companies/${company}/policy/draft/check`,
      );
      setProblems(result.problems);
    } catch (error) {
      setSaveError(error);
    } finally {
      setChecking(false);
    }
  }, [api, company]);

  /** The draft as the server has it becomes the editor's, and is checked. */
  const take = useCallback(
    (draft: { document: unknown; version: number }) => {
      latest.current = draft.document as Policy;
      version.current = draft.version;
      dirty.current = false;
      setDraftVersion(draft.version);
      setPolicy(draft.document as Policy);
      setSaveState('saved');
      void check();
    },
    [check],
  );

  useEffect(() => {
    let live = true;
    setPolicy(null);
    setLoadError(null);
    setInherits(null);
    const load = async (): Promise<PolicyDraft> => {
      const draft = await api.get<PolicyDraft>(`/companies/${company}/policy/draft`);
      const ref = (draft.document as { extends?: { template?: string } } | null)?.extends;
      if (!ref) return draft;
      // A draft that extends a template is edited as the policy it resolves to.
      const [full, report] = await Promise.all([
        api.download(`/companies/${company}/policy/draft/export?form=full`),
        api.get<{ parts: { path: string; status: string }[] }>(
          `/companies/${company}/policy/draft/inheritance`,
        ),
      ]);
      if (live)
        setInherits({
          template: ref.template ?? '',
          overridden: report.parts.filter((p) => p.status !== 'inherited').length,
          parts: report.parts.filter((p) => p.status !== 'inherited'),
        });
      return { ...draft, document: JSON.parse(await full.blob.text()) };
    };
    load().then(
      (draft) => {
        if (live) take(draft);
      },
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [api, company, attempt, take]);

  const save = useCallback(async (): Promise<void> => {
    if (saving.current) {
      await saving.current;
      if (dirty.current) return save();
      return;
    }
    if (!dirty.current || !latest.current) return;
    dirty.current = false;
    setSaveState('saving');
    const run = (async () => {
      try {
        const saved = await api.put<PolicyDraft>(`/companies/${company}/policy/draft`, {
          document: latest.current,
          expectedVersion: version.current,
        });
        version.current = saved.version;
        setDraftVersion(saved.version);
        setSaveError(null);
        setSaveState(dirty.current ? 'dirty' : 'saved');
        await check();
      } catch (error) {
        dirty.current = true;
        setSaveError(error);
        setSaveState(
          error instanceof ApiError && error.code === 'stale_version' ? 'stale' : 'failed',
        );
        throw error;
      }
    })();
    saving.current = run;
    try {
      await run;
    } finally {
      saving.current = null;
    }
    if (dirty.current) return save();
  }, [api, company, check]);

  const update = useCallback(
    (change: (draft: Policy) => void) => {
      if (!latest.current) return;
      const next = structuredClone(latest.current);
      change(next);
      latest.current = next;
      dirty.current = true;
      setPolicy(next);
      setSaveState('dirty');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save().catch(() => undefined), SAVE_DELAY_MS);
    },
    [save],
  );

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    await save();
    return version.current;
  }, [save]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  if (loadError) return <ErrorPanel error={loadError} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!policy) return <Loading />;
  const Section = SECTIONS.find((s) => s.id === sectionId)?.component;
  const props: SectionProps = {
    company,
    policy,
    update,
    problems,
    problemsAt: (pointer) =>
      problems.filter((p) => p.path === pointer || p.path.startsWith(`${pointer}/`)),
    flush,
    draftVersion,
    adopt: (draft) => {
      if (timer.current) clearTimeout(timer.current);
      take(draft);
    },
  };
  return (
    <div className="policy-editor">
      <aside className="policy-menu">
        <h2>{t('title')}</h2>
        <nav aria-label={t('title')}>
          {SECTIONS.map((s) => {
            const count = problems.filter((p) => sectionOf(p.path) === s.id).length;
            return (
              <a
                key={s.id}
                href={`#/c/${company}/policy/${s.id}`}
                className={s.id === sectionId ? 'active' : undefined}
              >
                {t(`sections.${s.id}`)}
                {count > 0 && <span className="badge danger">{count}</span>}
              </a>
            );
          })}
        </nav>
        <p className="help">{t('draftNote')}</p>
        <p className={`save-state ${saveState}`} role="status">
          {saveState === 'saving'
            ? t('saving')
            : saveState === 'dirty'
              ? t('unsaved')
              : saveState === 'saved'
                ? t('saved')
                : saveState === 'stale'
                  ? t('stale')
                  : t('saveFailed')}
        </p>
        {saveState === 'stale' && (
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('reload')}
          </button>
        )}
      </aside>
      <section className="policy-section" aria-label={t(`sections.${sectionId}`)}>
        {inherits && (
          <div className="card" role="note" data-testid="draft-inherits">
            <p className="badge warn">{t('inherits', inherits)}</p>
            <details>
              <summary>{t('inheritedParts')}</summary>
              <ul>
                {inherits.parts.map((part) => (
                  <li key={part.path}>
                    <a
                      href={`#/c/${company}/policy/${sectionOf(part.path)}?at=${encodeURIComponent(part.path)}`}
                    >
                      <code>{part.path}</code>
                    </a>{' '}
                    {t(`partStatus.${part.status}`)}
                  </li>
                ))}
              </ul>
            </details>
          </div>
        )}
        {saveError != null && saveState !== 'saved' && <ErrorPanel error={saveError} />}
        {Section && <Section {...props} />}
      </section>
      <aside className="problems-panel" aria-label={t('problems.title')}>
        <h3>
          {t('problems.title')}{' '}
          {checking ? (
            <small className="muted">{t('problems.checking')}</small>
          ) : problems.length ? (
            <span className="badge danger">{t('problems.count', { count: problems.length })}</span>
          ) : null}
        </h3>
        {!checking && problems.length === 0 && <p className="badge ok">{t('problems.none')}</p>}
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              <a
                href={`#/c/${company}/policy/${sectionOf(p.path)}?at=${encodeURIComponent(p.path)}`}
              >
                <code>{p.path || '/'}</code>
              </a>
              <div>{p.message}</div>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
