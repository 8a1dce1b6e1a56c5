/**
 * A JSON value edited as text: applied as soon as the text parses (and `accept` allows it); while
 * it does not, the error is shown and nothing changes.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  label: string;
  value: unknown;
  onApply: (value: unknown) => void;
  /** An extra check of the parsed value: a message to refuse it with, or null. */
  accept?: (value: unknown) => string | null;
  testId?: string;
  rows?: number;
};

const pretty = (value: unknown) => JSON.stringify(value ?? null, null, 2);

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value ?? null);
  } catch {
    return false;
  }
}

export function JsonEditor({ label, value, onApply, accept, testId, rows = 16 }: Props) {
  const { t } = useTranslation('policy');
  const id = useId();
  const [text, setText] = useState(() => pretty(value));
  const [error, setError] = useState<string | null>(null);

  // Follow edits made elsewhere (the field list) unless the text already says the same.
  useEffect(() => {
    setText((current) => (sameJson(current, value) ? current : pretty(value)));
    setError(null);
  }, [value]);

  const change = (next: string) => {
    setText(next);
    let parsed: unknown;
    try {
      parsed = JSON.parse(next);
    } catch (failure) {
      setError(t('jsonEditor.invalid', { message: (failure as Error).message }));
      return;
    }
    const refusal = accept?.(parsed) ?? null;
    setError(refusal);
    if (!refusal && !sameJson(next, value)) onApply(parsed);
  };

  return (
    <div className="policy-json">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        data-testid={testId}
        spellCheck={false}
        rows={rows}
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(event) => change(event.target.value)}
      />
      {error ? (
        <p className="policy-json-error" role="alert">
          {error}
        </p>
      ) : (
        <p className="help">{t('jsonEditor.applied')}</p>
      )}
    </div>
  );
}
