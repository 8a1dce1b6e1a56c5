/** GalleryPage (being built). */
import type { PageProps } from '../types.ts';

export function GalleryPage(props: PageProps) {
  return <p>{props.company}</p>;
}
