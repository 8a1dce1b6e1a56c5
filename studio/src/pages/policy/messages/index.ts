/**
 * The policy editor's text (namespace "policy"), one catalogue a section. It loads with the editor's
 * page, not with the shell: staff who never open the editor never download it.
 */
import type { Lang } from '../../../i18n/index.ts';
import { approvals } from './approvals.ts';
import { backtest } from './backtest.ts';
import { calendar } from './calendar.ts';
import { categories } from './categories.ts';
import { controls } from './controls.ts';
import { deadlines } from './deadlines.ts';
import { editor } from './editor.ts';
import { examples } from './examples.ts';
import { forms } from './forms.ts';
import { numbering } from './numbering.ts';
import { migration } from './migration.ts';
import { publish } from './publish.ts';
import { rules } from './rules.ts';
import { simulator } from './simulator.ts';
import { workflow } from './workflow.ts';

const sections = [
  editor,
  controls,
  forms,
  categories,
  approvals,
  deadlines,
  calendar,
  workflow,
  rules,
  simulator,
  numbering,
  examples,
  publish,
  migration,
  backtest,
];

function merged(lang: Lang): Record<string, unknown> {
  return Object.fromEntries(sections.flatMap((section) => Object.entries(section[lang])));
}

/** Every section's catalogue merged into the editor's namespace, by language. */
export const messages: Record<Lang, Record<string, unknown>> = {
  'zh-CN': merged('zh-CN'),
  en: merged('en'),
};
