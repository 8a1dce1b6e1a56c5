/** InboxPage (being built). */
import type { PageProps } from '../types.ts';

export function InboxPage(props: PageProps) {
  return <p>{props.company}</p>;
}
