/** PolicyEditorPage (being built). */
import type { PageProps } from '../types.ts';

export function PolicyEditorPage(props: PageProps) {
  return <p>{props.company}</p>;
}
