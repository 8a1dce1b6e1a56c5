/**
 * Adding an action (a workflow transition) whole: its names, code, the state it starts from, the
 * state it leads to (or none: the case stays), and the role that may take it. More states and roles,
 * the stage form and the condition are set afterwards in the action's row.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { newPartId, PART_ID } from './category-values.ts';

type Transition = Policy['workflow']['transitions'][number];
type Option = { id: string; label: string };

/** The form; the button is enabled once the name, start state and role are chosen and the code is free. */
export function AddTransitionForm({
  states,
  roles,
  initial,
  taken,
  onAdd,
}: {
  states: Option[];
  roles: Option[];
  initial: string;
  /** The codes of the existing actions. */
  taken: string[];
  onAdd: (transition: Transition) => void;
}) {
  const { t } = useTranslation('policy');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [code, setCode] = useState('');
  const [from, setFrom] = useState(initial);
  const [to, setTo] = useState('');
  const [role, setRole] = useState('');
  const takenMap = Object.fromEntries(taken.map((id) => [id, true]));
  const id = code.trim() || newPartId(takenMap, en, 'action');
  const codeOk = (!code.trim() || PART_ID.test(code.trim())) && !takenMap[id];
  const ok = zh.trim() !== '' && codeOk && from !== '' && role !== '';
  const add = () => {
    onAdd({
      id,
      label: { 'zh-CN': zh.trim(), ...(en.trim() ? { en: en.trim() } : {}) },
      from: [from],
      ...(to ? { to } : {}),
      roles: [role],
    });
    setZh('');
    setEn('');
    setCode('');
    setTo('');
  };
  return (
    <form
      className="policy-inline-form"
      aria-label={t('workflow.addTransition')}
      data-testid="add-transition"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) add();
      }}
    >
      <input
        aria-label={t('workflow.newTransitionZh')}
        placeholder={t('workflow.newTransitionZh')}
        data-testid="add-transition-zh"
        value={zh}
        onChange={(e) => setZh(e.target.value)}
      />
      <input
        lang="en"
        aria-label={t('workflow.newTransitionEn')}
        placeholder={t('workflow.newTransitionEn')}
        data-testid="add-transition-en"
        value={en}
        onChange={(e) => setEn(e.target.value)}
      />
      <input
        aria-label={t('workflow.newTransitionId')}
        aria-invalid={codeOk ? undefined : true}
        placeholder={t('addPart.codePlaceholder', { id })}
        className="code"
        data-testid="add-transition-id"
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <select
        aria-label={t('workflow.newTransitionFrom')}
        data-testid="add-transition-from"
        value={from}
        onChange={(e) => setFrom(e.target.value)}
      >
        {states.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <select
        aria-label={t('workflow.newTransitionTo')}
        data-testid="add-transition-to"
        value={to}
        onChange={(e) => setTo(e.target.value)}
      >
        <option value="">{t('workflow.stays')}</option>
        {states.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <select
        aria-label={t('workflow.newTransitionRole')}
        data-testid="add-transition-role"
        value={role}
        onChange={(e) => setRole(e.target.value)}
      >
        <option value="">{t('workflow.pickRole')}</option>
        {roles.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!ok} data-testid="add-transition-submit">
        {t('workflow.addTransition')}
      </button>
    </form>
  );
}
