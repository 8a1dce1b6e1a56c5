/** NewCasePage (being built). */
import type { PageProps } from '../types.ts';

export function NewCasePage(props: PageProps) {
  return <p>{props.company}</p>;
}
