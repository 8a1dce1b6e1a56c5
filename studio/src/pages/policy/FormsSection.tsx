/** The forms section of the policy editor (being built). */
import type { SectionProps } from './editor.ts';

export function FormsSection(props: SectionProps) {
  return <p>{props.policy.id}</p>;
}
