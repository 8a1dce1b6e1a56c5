/** The rules section of the policy editor (being built). */
import type { SectionProps } from './editor.ts';

export function RulesSection(props: SectionProps) {
  return <p>{props.policy.id}</p>;
}
