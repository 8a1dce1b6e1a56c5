/** The language switch: zh-CN or English, kept for the next visit. */
import { useTranslation } from 'react-i18next';
import { LANGS, setLang, type Lang } from '../i18n/index.ts';

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <select
      aria-label={t('lang.label')}
      value={i18n.language}
      onChange={(e) => setLang(e.target.value as Lang)}
    >
      {LANGS.map((lang) => (
        <option key={lang} value={lang}>
          {t(`lang.${lang}`)}
        </option>
      ))}
    </select>
  );
}
