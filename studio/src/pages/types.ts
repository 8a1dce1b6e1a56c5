/** What every routed page receives. */
export type PageProps = {
  /** The company in the route (empty on platform pages). */
  company: string;
  params: Record<string, string>;
  query: URLSearchParams;
};
