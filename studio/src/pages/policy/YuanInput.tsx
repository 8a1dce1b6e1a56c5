/**
 * A yuan amount typed by a person: shown with thousands separators ("10,000"), accepts "¥1,000.50"
 * or "1000元", refuses anything else in place, and reports only valid amounts to the draft.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The amount a person typed, or null when it is not an amount (undefined when empty). */
export function parseYuan(text: string): number | null | undefined {
  const cleaned = text.replace(/[,，\s¥￥元]/g, '');
  if (cleaned === '') return undefined;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** "10,000" / "999.99" in the language's grouping. */
export function formatYuan(amount: number | undefined, lang: string): string {
  if (amount === undefined) return '';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(amount);
}

export function YuanInput({
  value,
  onChange,
  label,
  allowEmpty = false,
  emptyText,
  testId,
  invalid = false,
}: {
  value: number | undefined;
  onChange: (amount: number | undefined) => void;
  /** The accessible name. */
  label: string;
  /** Empty means "no limit" (the placeholder says so). */
  allowEmpty?: boolean;
  emptyText?: string;
  testId?: string;
  /** Marks the input when the policy check has a problem here. */
  invalid?: boolean;
}) {
  const { t, i18n } = useTranslation('policy');
  const [text, setText] = useState(formatYuan(value, i18n.language));
  const [focused, setFocused] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  useEffect(() => {
    if (!focused) {
      setText(formatYuan(value, i18n.language));
      setError(null);
    }
  }, [value, focused, i18n.language]);
  const change = (next: string) => {
    setText(next);
    const amount = parseYuan(next);
    if (amount === null) return setError(t('amount.invalid'));
    if (amount === undefined && !allowEmpty) return setError(t('amount.required'));
    setError(null);
    if (amount !== value) onChange(amount);
  };
  return (
    <span className="yuan-input">
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={error != null || invalid}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId}
        value={text}
        placeholder={allowEmpty ? (emptyText ?? t('amount.noLimit')) : '0'}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(e) => change(e.target.value)}
      />
      <span className="unit" aria-hidden="true">
        {t('amount.unit')}
      </span>
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
