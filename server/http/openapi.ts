/** The API description (OpenAPI 3.1) of every route. */
import { ANSWERS, contractKey } from './openapi-answers.ts';
import { obj, ROUTES, str } from './openapi-routes.ts';

export { ROUTES } from './openapi-routes.ts';

const errorResponse = {
  description: 'Error envelope',
  content: {
    'application/json': {
      schema: obj(
        {
          error: obj(
            {
              code: str,
              message: str,
              requestId: str,
              fieldErrors: { type: 'array', items: obj({ property: str, message: str }) },
              details: { type: 'object' },
            },
            ['code', 'message', 'fieldErrors', 'requestId'],
          ),
        },
        ['error'],
      ),
    },
  },
};

/** The OpenAPI 3.1 document. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: str,
    }));
    paths[route.path] = {
      ...paths[route.path],
      [route.method]: {
        summary: route.summary,
        ...(parameters.length ? { parameters } : {}),
        ...(route.auth === false ? { security: [] } : {}),
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: route.body } },
              },
            }
          : {}),
        responses: {
          [String(route.status ?? 200)]: {
            description: ANSWERS[contractKey(route.method, route.path) as keyof typeof ANSWERS],
          },
          '4XX': errorResponse,
          '500': errorResponse,
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kesu API',
      version: '0.1.0',
      description:
        'Complaint handling by policy. Errors use one envelope; messages follow Accept-Language (zh-CN or en).',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
