/** Shapes shared by many answers of the API: lists and pages. */

/** A whole list: every item the caller may see. */
export type Items<T> = { items: T[] };

/** One page of a longer list, with the total across all pages. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
