/**
 * The policy editor's draft: loads it, saves every change (debounced, one save at a time, with the
 * draft's version so two editors cannot overwrite each other) and re-runs the policy check after
 * each save — and, when the check is clean, the examples, as publishing does.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { ExampleRunResult, Policy, PolicyProblem } from '../../api/types.ts';
import { useSession } from '../../session.tsx';
import { loadDraft, type Inheritance } from './load-draft.ts';

/** Where the editor's changes stand against the server's draft. */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'failed' | 'stale';
const SAVE_DELAY_MS = 700;

/** The company's draft as the editor holds it, and what the editor does with it. */
export function useDraft(company: string) {
  const { api } = useSession();
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [problems, setProblems] = useState<PolicyProblem[]>([]);
  const [warnings, setWarnings] = useState<PolicyProblem[]>([]);
  /** The examples' last run on a clean draft; 'failed' when they could not be run; null before. */
  const [examples, setExamples] = useState<ExampleRunResult | 'failed' | null>(null);
  const [checking, setChecking] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [draftVersion, setDraftVersion] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [inherits, setInherits] = useState<Inheritance | null>(null);
  const latest = useRef<Policy | null>(null);
  const version = useRef(0);
  const saving = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);

  // Publishing refuses a draft with problems or failing examples: the panel says both. Examples of
  // a draft with problems are not run (publishing refuses it for the problems already).
  const check = useCallback(async () => {
    setChecking(true);
    try {
      const result = await api.post(`/companies/${company}/policy/draft/check`);
      setProblems(result.problems);
      setWarnings(result.warnings);
      setExamples(null);
      if (result.problems.length === 0)
        setExamples(
          await api
            .post(`/companies/${company}/policy/draft/examples`)
            .catch(() => 'failed' as const),
        );
    } catch (error) {
      setSaveError(error);
    } finally {
      setChecking(false);
    }
  }, [api, company]);

  /**
   * The draft as the server has it becomes the editor's, and is checked. A draft may be an
   * unfinished policy (the contract types it as unknown): the editor works on it as a policy and
   * the check, run right after, lists whatever it lacks.
   */
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
    loadDraft(api, company).then(
      (loaded) => {
        if (!live) return;
        setInherits(loaded.inherits);
        take(loaded.draft);
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
        const saved = await api.put(`/companies/${company}/policy/draft`, {
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

  const adopt = useCallback(
    (draft: { document: unknown; version: number }) => {
      if (timer.current) clearTimeout(timer.current);
      take(draft);
    },
    [take],
  );
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return {
    policy,
    loadError,
    problems,
    warnings,
    examples,
    checking,
    saveState,
    saveError,
    draftVersion,
    inherits,
    update,
    flush,
    adopt,
    reload,
  };
}
