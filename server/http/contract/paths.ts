/**
 * From a concrete path (a literal or a template such as `/companies/${string}/cases`) to its route
 * in `Routes`, matched segment by segment, so a client's answer type follows from the path it calls.
 */
import type { Routes } from './routes.ts';

/** The methods the API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

type Segments<S extends string> = S extends `${infer Head}/${infer Rest}`
  ? [Head, ...Segments<Rest>]
  : [S];

type WithoutQuery<P extends string> = P extends `${infer Path}?${string}` ? Path : P;

// A `:name` segment takes any one segment; a literal segment only itself (not `string`).
type SegmentMatches<Actual extends string, Pattern extends string> = Pattern extends `:${string}`
  ? true
  : [Actual] extends [Pattern]
    ? [Pattern] extends [Actual]
      ? true
      : false
    : false;

type SegmentsMatch<A extends string[], P extends string[]> = A extends [
  infer AH extends string,
  ...infer AR extends string[],
]
  ? P extends [infer PH extends string, ...infer PR extends string[]]
    ? SegmentMatches<AH, PH> extends true
      ? SegmentsMatch<AR, PR>
      : false
    : false
  : P extends []
    ? true
    : false;

// A pattern as the template literal type of the paths it takes: `:name` becomes `${string}`.
type Template<S extends string> = S extends `:${string}/${infer Rest}`
  ? `${string}/${Template<Rest>}`
  : S extends `${infer Head}/${infer Rest}`
    ? `${Head}/${Template<Rest>}`
    : S extends `:${string}`
      ? string
      : S;

/** The key in `Routes` of the route a method and path reach. */
export type RouteKey<M extends Method, P extends string> = {
  [K in keyof Routes]: K extends `${M} ${infer Pattern}`
    ? SegmentsMatch<Segments<WithoutQuery<P>>, Segments<Pattern>> extends true
      ? K
      : never
    : never;
}[keyof Routes];

/** Every path a method may be called with (GET paths may carry a query string). */
export type PathOf<M extends Method> = {
  [K in keyof Routes]: K extends `${M} ${infer Pattern}`
    ? M extends 'GET'
      ? Template<Pattern> | `${Template<Pattern>}?${string}`
      : Template<Pattern>
    : never;
}[keyof Routes];

/** What the route a method and path reach answers. */
export type ResponseOf<M extends Method, P extends string> = Routes[RouteKey<M, P>]['response'];

/** The request body the route a method and path reach takes (`undefined` when it takes none). */
export type BodyOf<M extends Method, P extends string> = Routes[RouteKey<M, P>] extends {
  body: infer Body;
}
  ? Body
  : undefined;
