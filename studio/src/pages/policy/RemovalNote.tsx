/**
 * What a removal left behind, said at once in the section where the part was removed: the part by
 * its name, and every place that still refers to it in words ("核决权限 第 3 行 核决链"), before the
 * check has run on the saved draft.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { problemPlace } from './problem-place.ts';
import { referencesTo, type PolicyPart } from './references.ts';

/** The last removal in a section: what it was (kind and name) and the places still referring to it. */
export type Removal = { kind: PolicyPart['kind']; name: string; places: string[] };

/** The places that refer to `part` in `policy`, each in words, without repeats. */
export function placesOf(
  policy: Policy,
  part: PolicyPart,
  lang: string,
  t: Parameters<typeof problemPlace>[3],
): string[] {
  return [...new Set(referencesTo(policy, part).map((p) => problemPlace(p, policy, lang, t)))];
}

/**
 * A section's last removal and `remove`, which names what still refers to the part (looked up in
 * the draft before the change) and then applies the change.
 */
export function useRemoval(policy: Policy) {
  const { t, i18n } = useTranslation('policy');
  const [removal, setRemoval] = useState<Removal | null>(null);
  const remove = (part: PolicyPart, name: string, apply: () => void) => {
    setRemoval({ kind: part.kind, name, places: placesOf(policy, part, i18n.language, t) });
    apply();
  };
  return { removal, remove, dismiss: () => setRemoval(null) };
}

/** The note under a section's heading after a removal (nothing before one). */
export function RemovalNote({
  removal,
  onDismiss,
}: {
  removal: Removal | null;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('policy');
  if (!removal) return null;
  const what = t(`removal.kinds.${removal.kind}`);
  return (
    <div
      className={removal.places.length ? 'policy-a-alert' : 'card'}
      role={removal.places.length ? 'alert' : 'status'}
      data-testid="removal-note"
    >
      <p>{t('removal.removed', { what, name: removal.name })}</p>
      {removal.places.length > 0 ? (
        <>
          <p>{t('removal.stillUsed', { count: removal.places.length })}</p>
          <ul data-testid="removal-places">
            {removal.places.map((place) => (
              <li key={place}>{place}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('removal.unused')}</p>
      )}
      <button type="button" className="link" onClick={onDismiss}>
        {t('removal.dismiss')}
      </button>
    </div>
  );
}
