/** A one-field form that adds a policy part under a new id (a rule set, a transition). */
import { useState } from 'react';

type Props = {
  /** The form's accessible name and its button's text. */
  label: string;
  /** The id field's accessible name and placeholder. */
  idLabel: string;
  /** What an id must look like. */
  pattern: RegExp;
  /** Ids already in use. */
  taken: string[];
  onAdd: (id: string) => void;
};

/** The id input and the add button, enabled once the id is well formed and free. */
export function AddByIdForm({ label, idLabel, pattern, taken, onAdd }: Props) {
  const [newId, setNewId] = useState('');
  const idOk = pattern.test(newId) && !taken.includes(newId);
  return (
    <form
      className="policy-inline-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        if (!idOk) return;
        onAdd(newId);
        setNewId('');
      }}
    >
      <input
        aria-label={idLabel}
        placeholder={idLabel}
        className="code"
        value={newId}
        onChange={(e) => setNewId(e.target.value)}
      />
      <button type="submit" disabled={!idOk}>
        {label}
      </button>
    </form>
  );
}
