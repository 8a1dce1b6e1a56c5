/** The numbering section of the policy editor (being built). */
import type { SectionProps } from './editor.ts';

export function NumberingSection(props: SectionProps) {
  return <p>{props.policy.id}</p>;
}
