/** The form that adds a duration table (时限表): category conditions → duration, for clocks to read. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDurationTable } from './clock-edits.ts';
import type { SectionProps } from './editor.ts';

const ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Name and code; its rows are then added in the table, and a clock picks it as its duration. */
export function AddDurationTable({ policy, update }: Pick<SectionProps, 'policy' | 'update'>) {
  const { t } = useTranslation('policy');
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const idOk = ID.test(id) && !(id in (policy.durationTables ?? {}));
  const ready = idOk && name.trim() !== '';
  return (
    <form
      className="policy-inline-form"
      aria-label={t('deadlines.addTable')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        const label = { 'zh-CN': name.trim() };
        update((d) => addDurationTable(d, id, label));
        setName('');
        setId('');
      }}
    >
      <input
        aria-label={t('deadlines.newTableName')}
        placeholder={t('deadlines.newTableName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <input
        className="code"
        aria-label={t('deadlines.newTableId')}
        placeholder={t('deadlines.newTableId')}
        aria-invalid={id !== '' && !idOk ? true : undefined}
        value={id}
        onChange={(e) => setId(e.target.value)}
      />
      <button type="submit" disabled={!ready}>
        {t('deadlines.addTable')}
      </button>
      {id !== '' && !idOk && <span className="help danger">{t('deadlines.idHelp')}</span>}
    </form>
  );
}
