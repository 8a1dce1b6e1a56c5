/** The policy editor's menu: the sections with their problem counts, and where the saving stands. */
import { useTranslation } from 'react-i18next';
import type { PolicyProblem } from '../../api/types.ts';
import { sectionOf } from './editor.ts';
import { SECTIONS } from './sections.ts';
import type { SaveState } from './useDraft.ts';

type Props = {
  company: string;
  sectionId: string;
  problems: PolicyProblem[];
  saveState: SaveState;
  onReload: () => void;
};

const SAVE_TEXT: Record<SaveState, string> = {
  saving: 'saving',
  dirty: 'unsaved',
  saved: 'saved',
  stale: 'stale',
  failed: 'saveFailed',
};

/** A link a section, the draft note, the save state, and "reload" when someone else saved first. */
export function PolicyMenu({ company, sectionId, problems, saveState, onReload }: Props) {
  const { t } = useTranslation('policy');
  return (
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
        {t(SAVE_TEXT[saveState])}
      </p>
      {saveState === 'stale' && (
        <button type="button" onClick={onReload}>
          {t('reload')}
        </button>
      )}
    </aside>
  );
}
