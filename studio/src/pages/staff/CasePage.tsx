/** CasePage (being built). */
import type { PageProps } from '../types.ts';

export function CasePage(props: PageProps) {
  return <p>{props.company}</p>;
}
