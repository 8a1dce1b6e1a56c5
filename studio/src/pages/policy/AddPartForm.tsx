/**
 * Adding a named part of the policy (a category dimension, a role, a workflow state): its Chinese
 * name (required), English name and code. The code may be left empty: it is then made from the
 * English name ("Media involvement" → mediaInvolvement), as the placeholder shows.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../api/types.ts';
import { newPartId, PART_ID } from './category-values.ts';

type Props = {
  /** The form's accessible name and its button's text ("添加分类"). */
  label: string;
  /** The Chinese name input's accessible name ("新分类 中文名称"). */
  zhLabel: string;
  enLabel: string;
  idLabel: string;
  /** Prefix of the test ids: `${testId}-zh`, `-en`, `-id`, `-submit`. */
  testId: string;
  /** The parts that exist, by id. */
  taken: Record<string, unknown>;
  /** The code when the English name gives none ("category"). */
  fallback: string;
  onAdd: (id: string, label: Label) => void;
};

/** The three inputs and the add button, enabled once the name is given and the code is free. */
export function AddPartForm({
  label,
  zhLabel,
  enLabel,
  idLabel,
  testId,
  taken,
  fallback,
  onAdd,
}: Props) {
  const { t } = useTranslation('policy');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [code, setCode] = useState('');
  const id = code.trim() || newPartId(taken, en, fallback);
  const codeProblem =
    code.trim() && !PART_ID.test(code.trim())
      ? t('addPart.badCode')
      : taken[id] !== undefined
        ? t('addPart.taken', { id })
        : null;
  const ok = zh.trim() !== '' && !codeProblem;
  return (
    <form
      className="policy-inline-form"
      aria-label={label}
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ok) return;
        onAdd(id, { 'zh-CN': zh.trim(), ...(en.trim() ? { en: en.trim() } : {}) });
        setZh('');
        setEn('');
        setCode('');
      }}
    >
      <input
        type="text"
        aria-label={zhLabel}
        placeholder={zhLabel}
        data-testid={`${testId}-zh`}
        value={zh}
        onChange={(e) => setZh(e.target.value)}
      />
      <input
        type="text"
        lang="en"
        aria-label={enLabel}
        placeholder={enLabel}
        data-testid={`${testId}-en`}
        value={en}
        onChange={(e) => setEn(e.target.value)}
      />
      <input
        type="text"
        className="code"
        aria-label={idLabel}
        aria-invalid={codeProblem ? true : undefined}
        placeholder={t('addPart.codePlaceholder', { id })}
        data-testid={`${testId}-id`}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <button type="submit" disabled={!ok} data-testid={`${testId}-submit`}>
        {label}
      </button>
      {codeProblem && (
        <span className="field-error" role="alert">
          {codeProblem}
        </span>
      )}
    </form>
  );
}
