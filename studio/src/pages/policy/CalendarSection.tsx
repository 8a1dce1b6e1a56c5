/** The calendar section of the policy editor (being built). */
import type { SectionProps } from './editor.ts';

export function CalendarSection(props: SectionProps) {
  return <p>{props.policy.id}</p>;
}
