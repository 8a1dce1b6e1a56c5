/** What the use cases are given by the composition root: storage, validation, time, ids, templates. */
import type { Lang } from '../domain/policy.ts';
import type { SchemaValidator } from '../domain/validator.ts';
import type { Store } from './ports.ts';

export type TemplateSource = {
  /** The bundled template's policy document, or undefined if there is none with that id. */
  load(id: string): unknown;
  list(): { id: string; title: { 'zh-CN': string; en?: string } }[];
};

export type AppDeps = {
  store: Store;
  validator: SchemaValidator;
  /** The current time as an ISO string with offset. */
  now: () => string;
  /** A new unique id. */
  newId: () => string;
  /** A new secret for an API token. */
  newSecret: () => string;
  /** The hash a token is stored as. */
  hashSecret: (secret: string) => string;
  templates: TemplateSource;
};

/** Per-request context: who is asking, in which language. */
export type Principal = {
  userId: string;
  name: string;
  platformRole?: 'platformAdmin' | 'consultant';
  companyId?: string;
  companies?: string[];
  roles: string[];
};

export type RequestContext = { principal: Principal; lang: Lang };
