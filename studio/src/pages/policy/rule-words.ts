/**
 * The words a rule's conditions are said in, and the facts they are chosen from, in the reader's
 * language: shared by the rules section and the workflow's guards.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { factCatalogue, type FactField } from './rule-facts.ts';
import type { SummaryWords } from './rule-summary.ts';

/** The facts a rule may read in this policy, named in the reader's language. */
export function useFactCatalogue(policy: Policy): FactField[] {
  const { t, i18n } = useTranslation('policy');
  return useMemo(
    () =>
      factCatalogue(policy, i18n.language, {
        categories: t('rules.builder.facts.categories'),
        remedy: t('rules.builder.facts.remedy'),
        remedyAmount: t('rules.builder.facts.remedyAmount'),
        remedyType: t('rules.builder.facts.remedyType'),
        case: t('rules.builder.facts.case'),
        state: t('rules.builder.facts.state'),
        flags: t('rules.builder.facts.flags'),
        receivedAt: t('rules.builder.facts.receivedAt'),
      }),
    [policy, i18n.language, t],
  );
}

/** The words of a condition or an action said in one line. */
export function useSummaryWords(): SummaryWords {
  const { t } = useTranslation('policy');
  return {
    and: t('rules.builder.and'),
    or: t('rules.builder.or'),
    not: t('rules.builder.not'),
    always: t('rules.builder.always'),
    yes: t('rules.builder.yes'),
    no: t('rules.builder.no'),
    listSeparator: t('rules.builder.listSeparator'),
    open: t('rules.builder.open'),
    close: t('rules.builder.close'),
    operators: t('rules.builder.operators', { returnObjects: true }) as Record<string, string>,
    actions: t('simulator.actions', { returnObjects: true }) as Record<string, string>,
  };
}
