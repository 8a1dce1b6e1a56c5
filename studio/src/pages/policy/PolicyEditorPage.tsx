/**
 * The policy editor: loads the company's draft, gives it to the chosen section, saves every change
 * (debounced, one save at a time, with the draft's version so two editors cannot overwrite each
 * other) and re-runs the policy check after each save; problems link to their section.
 */
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import type { PageProps } from '../types.ts';
import type { SectionProps } from './editor.ts';
import { InheritsNote } from './InheritsNote.tsx';
import { PolicyMenu } from './PolicyMenu.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { SECTIONS } from './sections.ts';
import { useDraft } from './useDraft.ts';

/** The editor page: the menu, the chosen section (`/c/:company/policy/:section`), the problems. */
export function PolicyEditorPage({ company, params }: PageProps) {
  const { t } = useTranslation('policy');
  const sectionId = SECTIONS.some((s) => s.id === params.section) ? params.section : 'forms';
  const draft = useDraft(company);
  const { policy, problems, saveState, saveError } = draft;

  if (draft.loadError) return <ErrorPanel error={draft.loadError} onRetry={draft.reload} />;
  if (!policy) return <Loading />;
  const Section = SECTIONS.find((s) => s.id === sectionId)?.component;
  const props: SectionProps = {
    company,
    policy,
    update: draft.update,
    problems,
    warnings: draft.warnings,
    problemsAt: (pointer) =>
      problems.filter((p) => p.path === pointer || p.path.startsWith(`${pointer}/`)),
    flush: draft.flush,
    draftVersion: draft.draftVersion,
    adopt: draft.adopt,
  };
  return (
    <div className="policy-editor">
      <PolicyMenu
        company={company}
        sectionId={sectionId ?? 'forms'}
        problems={problems}
        saveState={saveState}
        onReload={draft.reload}
      />
      <section className="policy-section" aria-label={t(`sections.${sectionId}`)}>
        {draft.inherits && <InheritsNote company={company} inherits={draft.inherits} />}
        {saveError != null && saveState !== 'saved' && <ErrorPanel error={saveError} />}
        {Section && <Section {...props} />}
      </section>
      <ProblemsPanel
        company={company}
        problems={problems}
        policy={props.policy}
        examples={draft.examples}
        checking={draft.checking}
      />
    </div>
  );
}
