/**
 * A table row's category conditions ("cause is quality or nonQuality"): a summary, and checkboxes per
 * dimension to change it. No value ticked in a dimension means "any value".
 */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText, punctuation } from '../../i18n/index.ts';

type CategoryMatch = Record<string, string[]>;

/** "异常原因：质量异常、非质量异常；严重程度：重大", or "any" when there are no conditions. */
export function describeMatch(policy: Policy, when: CategoryMatch | undefined, lang: string) {
  const marks = punctuation(lang);
  const parts = Object.entries(when ?? {}).map(([dimension, values]) => {
    const definition = policy.categories[dimension];
    const names = values.map((v) => labelText(definition?.values[v]?.label, lang) || v);
    return `${labelText(definition?.label, lang) || dimension}${marks.colon}${names.join(marks.list)}`;
  });
  return parts.join(marks.clause);
}

export function CategoryMatchEditor({
  policy,
  value,
  onChange,
  name,
}: {
  policy: Policy;
  value: CategoryMatch | undefined;
  onChange: (match: CategoryMatch | undefined) => void;
  /** What the conditions belong to ("第 2 行"), for accessible names. */
  name: string;
}) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const toggle = (dimension: string, item: string, on: boolean) => {
    const next: CategoryMatch = structuredClone(value ?? {});
    const values = new Set(next[dimension] ?? []);
    if (on) values.add(item);
    else values.delete(item);
    const order = Object.keys(policy.categories[dimension]?.values ?? {});
    if (values.size === 0) delete next[dimension];
    else
      next[dimension] = order
        .filter((v) => values.has(v))
        .concat([...values].filter((v) => !order.includes(v)));
    onChange(Object.keys(next).length ? next : undefined);
  };
  const summary = describeMatch(policy, value, lang);
  return (
    <details className="match-editor">
      <summary aria-label={t('match.edit', { name })}>
        {summary || <span className="muted">{t('match.any')}</span>}
      </summary>
      {Object.entries(policy.categories).map(([dimension, definition]) => (
        <fieldset key={dimension}>
          <legend>{labelText(definition.label, lang)}</legend>
          {Object.entries(definition.values).map(([id, v]) => (
            <label key={id} className="check">
              <input
                type="checkbox"
                checked={value?.[dimension]?.includes(id) ?? false}
                onChange={(e) => toggle(dimension, id, e.target.checked)}
              />
              {labelText(v.label, lang)}
            </label>
          ))}
        </fieldset>
      ))}
      <p className="help">{t('match.help')}</p>
    </details>
  );
}
