/** A number input for an amount that keeps what the user types until it is a valid amount. */
import { useEffect, useState } from 'react';

/** A duration's amount: typed freely, reported when it is a number of zero or more. */
export function AmountInput({
  value,
  onChange,
  label,
  testId,
}: {
  value: number;
  onChange: (amount: number) => void;
  label: string;
  testId?: string;
}) {
  const [text, setText] = useState(String(value));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(String(value));
  }, [value, focused]);
  const amount = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(amount) && amount >= 0;
  return (
    <input
      type="number"
      min={0}
      step="any"
      className="narrow"
      aria-label={label}
      aria-invalid={!valid}
      data-testid={testId}
      value={text}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onChange={(e) => {
        setText(e.target.value);
        const next = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(next) && next >= 0 && next !== value)
          onChange(next);
      }}
    />
  );
}
