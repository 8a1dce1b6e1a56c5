/** ReportsPage (being built). */
import type { PageProps } from '../types.ts';

export function ReportsPage(props: PageProps) {
  return <p>{props.company}</p>;
}
