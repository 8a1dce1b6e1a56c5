/** Editing a policy label: Chinese (required) and English (optional) side by side. */
import { useTranslation } from 'react-i18next';
import type { Label } from '../../api/types.ts';

export function LabelPair({
  value,
  onChange,
  name,
  testId,
}: {
  value: Label | undefined;
  onChange: (label: Label | undefined) => void;
  /** What the label names, for the inputs' accessible names ("质量异常 名称"). */
  name: string;
  testId?: string;
}) {
  const { t } = useTranslation('policy');
  const zh = value?.['zh-CN'] ?? '';
  const en = value?.en ?? '';
  const set = (nextZh: string, nextEn: string) =>
    onChange(
      nextZh === '' && nextEn === ''
        ? undefined
        : { 'zh-CN': nextZh, ...(nextEn !== '' ? { en: nextEn } : {}) },
    );
  return (
    <span className="label-pair">
      <input
        type="text"
        aria-label={t('label.zh', { name })}
        placeholder={t('label.zhPlaceholder')}
        data-testid={testId ? `${testId}-zh` : undefined}
        value={zh}
        onChange={(e) => set(e.target.value, en)}
      />
      <input
        type="text"
        lang="en"
        aria-label={t('label.en', { name })}
        placeholder={t('label.enPlaceholder')}
        data-testid={testId ? `${testId}-en` : undefined}
        value={en}
        onChange={(e) => set(zh, e.target.value)}
      />
    </span>
  );
}
