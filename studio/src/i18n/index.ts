/**
 * The studio's languages: zh-CN by default, English switchable. Each area keeps its own messages
 * next to its pages (`pages/<area>/messages.ts` exporting `messages = { 'zh-CN': {...}, en: {...} }`),
 * one i18next namespace per area; the shell's are in ./common.ts. The areas whose pages are in the
 * first bundle are gathered here; the policy editor and the reports load theirs with their page
 * (see addMessages), so staff do not download text they never see.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Label } from '../api/types.ts';
import { common } from './common.ts';

export type Lang = 'zh-CN' | 'en';
export const LANGS: Lang[] = ['zh-CN', 'en'];
/** An area's messages in every language. */
export type Messages = Record<Lang, Record<string, unknown>>;

// The policy editor's catalogue is a folder (pages/policy/messages/), so this pattern misses it too.
const areas = import.meta.glob<{ messages: Messages }>(
  ['../pages/*/messages.ts', '!../pages/reports/messages.ts'],
  { eager: true },
);

function resources() {
  const out: Record<Lang, Record<string, Record<string, unknown>>> = {
    'zh-CN': { common: common['zh-CN'] },
    en: { common: common.en },
  };
  for (const [path, module] of Object.entries(areas)) {
    const area = /pages\/([^/]+)\/messages\.ts$/.exec(path)?.[1];
    if (!area) continue;
    for (const lang of LANGS) out[lang][area] = module.messages[lang];
  }
  return out;
}

/** Adds an area's messages, loaded with its page, as the area's namespace in every language. */
export function addMessages(area: string, messages: Messages): void {
  for (const lang of LANGS) i18next.addResourceBundle(lang, area, messages[lang], true, true);
}

export function storedLang(): Lang {
  const saved = globalThis.localStorage?.getItem('kesu.lang');
  return saved === 'en' ? 'en' : 'zh-CN';
}

/** Starts i18next (once) in the given language. */
export function setupI18n(lang: Lang = storedLang()): i18n {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: resources(),
      lng: lang,
      fallbackLng: 'zh-CN',
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  } else if (i18next.language !== lang) void i18next.changeLanguage(lang);
  return i18next;
}

export function setLang(lang: Lang): void {
  globalThis.localStorage?.setItem('kesu.lang', lang);
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** A policy label in the language, falling back to Chinese (every label has it). */
export function labelText(label: Label | string | undefined | null, lang: string): string {
  if (!label) return '';
  if (typeof label === 'string') return label;
  return (lang === 'en' ? label.en : undefined) ?? label['zh-CN'];
}

/**
 * A date-time in the company's time zone, in the user's language, with the zone named so that a
 * reader elsewhere is not misled: "2026年3月2日 10:00（Asia/Shanghai）", "Mar 2, 2026, 10:00 AM
 * (Asia/Shanghai)". Without a zone (no policy yet) the browser's own, unnamed.
 */
export function formatTime(
  iso: string | null | undefined,
  lang: string,
  timeZone?: string,
): string {
  if (!iso) return '—';
  const text = new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
  if (!timeZone) return text;
  return lang === 'en' ? `${text} (${timeZone})` : `${text}（${timeZone}）`;
}

/**
 * The punctuation that joins words in the language: Chinese full-width marks in zh-CN, and in
 * English the Latin ones (a "、" or "：" in English text reads as a wide gap).
 */
export function punctuation(lang: string): { list: string; clause: string; colon: string } {
  return lang === 'en'
    ? { list: ', ', clause: '; ', colon: ': ' }
    : { list: '、', clause: '；', colon: '：' };
}
