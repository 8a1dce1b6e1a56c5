/** The approvals section's preview: which row and chain an amount (and categories) would get. */
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { resolveApprovers } from '@domain/approvals';
import { formatYuan, parseYuan } from './YuanInput.tsx';

/** The chain the matrix gives an amount and categories, in words; not ok when no row covers it. */
function previewOf(
  policy: Policy,
  amount: number,
  categories: Record<string, string>,
  {
    roleName,
    lang,
    t,
  }: { roleName: (role: string) => string; lang: string; t: TFunction<'policy'> },
): { text: string; ok: boolean } {
  try {
    const { row, chain } = resolveApprovers(policy, amount, categories);
    const index = policy.approvals.rows.indexOf(row) + 1;
    return {
      ok: true,
      text: t('preview.chain', {
        amount: formatYuan(amount, lang),
        chain: chain.map(roleName).join(' → ') || t('preview.nobody'),
        n: index,
      }),
    };
  } catch {
    return { ok: false, text: t('preview.noRow', { amount: formatYuan(amount, lang) }) };
  }
}

/** Type an amount, pick the categories the matrix tells apart, read the chain that approves. */
export function AmountChainPreview({
  policy,
  roleName,
}: {
  policy: Policy;
  roleName: (role: string) => string;
}) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const [amountText, setAmountText] = useState('1500');
  const dimensions = [
    ...new Set(policy.approvals.rows.flatMap((r) => Object.keys(r.when ?? {}))),
  ].filter((d) => policy.categories[d]);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const amount = parseYuan(amountText);
  const categories: Record<string, string> = {};
  for (const d of dimensions) {
    const definition = policy.categories[d];
    const value = chosen[d] ?? definition?.default ?? Object.keys(definition?.values ?? {})[0];
    if (value) categories[d] = value;
  }
  const result =
    typeof amount === 'number'
      ? previewOf(policy, amount, categories, { roleName, lang, t })
      : null;
  return (
    <section className="policy-a-block" aria-labelledby="approvals-preview-title">
      <h3 id="approvals-preview-title">{t('preview.title')}</h3>
      <div className="toolbar">
        <label>
          {t('preview.amount')}{' '}
          <input
            type="text"
            inputMode="decimal"
            data-testid="approval-preview-amount"
            value={amountText}
            onChange={(e) => setAmountText(e.target.value)}
          />
        </label>
        {dimensions.map((d) => {
          const definition = policy.categories[d];
          if (!definition) return null;
          return (
            <label key={d}>
              {labelText(definition.label, lang)}{' '}
              <select
                value={categories[d] ?? ''}
                onChange={(e) => setChosen({ ...chosen, [d]: e.target.value })}
              >
                {Object.entries(definition.values).map(([id, v]) => (
                  <option key={id} value={id}>
                    {labelText(v.label, lang)}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
      <p
        role="status"
        data-testid="approval-preview-result"
        className={result && !result.ok ? 'field-error' : 'preview-result'}
      >
        {amount === null ? t('amount.invalid') : (result?.text ?? '')}
      </p>
    </section>
  );
}
