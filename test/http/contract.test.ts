import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  BodyOf,
  CaseAnswer,
  CasePageAnswer,
  DraftAnswer,
  DraftBody,
  PrincipalAnswer,
  PublishedVersionAnswer,
  ResponseOf,
  RouteKey,
  Routes,
} from '../../server/http/contract/index.ts';
import { ROUTES, openApiDocument } from '../../server/http/openapi.ts';
import { ANSWERS, contractKey } from '../../server/http/openapi-answers.ts';

// Every key of the contract, once; the type below fails to compile when one is missing or unknown.
const CONTRACT_KEYS = [
  'GET /health',
  'GET /openapi.json',
  'GET /me',
  'GET /templates',
  'GET /companies',
  'POST /companies',
  'GET /companies/:company',
  'POST /consultants',
  'GET /companies/:company/users',
  'POST /companies/:company/users',
  'GET /users/:user/tokens',
  'POST /users/:user/tokens',
  'DELETE /users/:user/tokens/:token',
  'POST /session',
  'DELETE /session',
  'POST /users/:user/invitation',
  'POST /users/:user/password-reset',
  'POST /invitations/open',
  'POST /invitations/accept',
  'GET /companies/:company/policy/draft',
  'PUT /companies/:company/policy/draft',
  'GET /companies/:company/policy/draft/export',
  'POST /companies/:company/policy/draft/import',
  'GET /companies/:company/policy/draft/inheritance',
  'POST /companies/:company/policy/draft/merge',
  'POST /companies/:company/policy/draft/check',
  'POST /companies/:company/policy/draft/examples',
  'POST /companies/:company/policy/draft/examples/accept',
  'POST /companies/:company/policy/draft/simulate',
  'POST /companies/:company/policy/draft/migration-preview',
  'POST /companies/:company/policy/draft/backtest',
  'POST /companies/:company/policy/publish',
  'GET /companies/:company/policy/versions',
  'GET /companies/:company/policy/serials/:period',
  'GET /companies/:company/policy/versions/:number',
  'POST /companies/:company/cases',
  'GET /companies/:company/cases',
  'POST /companies/:company/cases/import',
  'GET /companies/:company/cases/:id',
  'POST /companies/:company/cases/:id/actions',
  'POST /companies/:company/cases/:id/attachments',
  'GET /companies/:company/cases/:id/attachments',
  'GET /companies/:company/cases/:id/attachments/:attachment',
  'GET /companies/:company/reports/:period',
  'GET /companies/:company/notifications',
  'GET /companies/:company/notifications/unread',
  'POST /companies/:company/notifications/read',
  'GET /companies/:company/channels',
  'PUT /companies/:company/channels',
  'POST /companies/:company/channels/:id/test',
  'GET /public/:company/form',
  'POST /public/:company/complaints',
  'GET /public/:company/complaints/:token',
  'POST /public/:company/complaints/:token/attachments',
] as const satisfies readonly (keyof Routes)[];
type Listed = (typeof CONTRACT_KEYS)[number];
const everyKeyListed: Exclude<keyof Routes, Listed> extends never ? true : false = true;

describe('the API contract', () => {
  it('names every route the API description has, and nothing else', () => {
    expect(everyKeyListed).toBe(true);
    const described = ROUTES.map((route) => contractKey(route.method, route.path));
    expect([...CONTRACT_KEYS].sort()).toEqual(described.sort());
  });

  it('describes each route’s answer in the API description from the contract', () => {
    const paths = openApiDocument().paths as Record<
      string,
      Record<string, { responses: Record<string, { description?: string }> }>
    >;
    for (const route of ROUTES) {
      const answer = paths[route.path]?.[route.method]?.responses[String(route.status ?? 200)];
      expect(answer?.description, `${route.method} ${route.path}`).toBe(
        ANSWERS[contractKey(route.method, route.path) as keyof typeof ANSWERS],
      );
      expect(answer?.description).toMatch(/\w/);
    }
  });

  it('finds the route of a concrete path segment by segment', () => {
    expectTypeOf<
      RouteKey<'GET', `/companies/${string}/cases/${string}`>
    >().toEqualTypeOf<'GET /companies/:company/cases/:id'>();
    expectTypeOf<
      RouteKey<'POST', `/companies/${string}/cases/${string}/actions`>
    >().toEqualTypeOf<'POST /companies/:company/cases/:id/actions'>();
    expectTypeOf<
      RouteKey<'GET', `/companies/${string}/users`>
    >().toEqualTypeOf<'GET /companies/:company/users'>();
    expectTypeOf<
      RouteKey<'GET', '/companies/demo/policy/versions/latest'>
    >().toEqualTypeOf<'GET /companies/:company/policy/versions/:number'>();
    expectTypeOf<RouteKey<'GET', '/nowhere'>>().toBeNever();
  });

  it('gives each path its answer and body', () => {
    expectTypeOf<ResponseOf<'GET', '/me'>>().toEqualTypeOf<PrincipalAnswer>();
    expectTypeOf<
      ResponseOf<'GET', `/companies/${string}/cases?${string}`>
    >().toEqualTypeOf<CasePageAnswer>();
    expectTypeOf<ResponseOf<'POST', `/companies/${string}/cases`>>().toEqualTypeOf<CaseAnswer>();
    expectTypeOf<
      ResponseOf<'GET', `/companies/${string}/policy/versions/${number}`>
    >().toEqualTypeOf<PublishedVersionAnswer>();
    expectTypeOf<ResponseOf<'PUT', '/companies/demo/policy/draft'>>().toEqualTypeOf<DraftAnswer>();
    expectTypeOf<BodyOf<'PUT', '/companies/demo/policy/draft'>>().toEqualTypeOf<DraftBody>();
    expectTypeOf<BodyOf<'POST', '/companies/demo/policy/draft/check'>>().toEqualTypeOf<undefined>();
  });
});
