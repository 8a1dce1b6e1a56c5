import { readFileSync } from 'node:fs';
/** A test app: the real HTTP app and use cases over the memory store, a settable clock, fixed ids. */
import { createPublishedVersionCache } from '../../server/app/policies/published-versions.ts';
import { bundledTemplates } from '../../server/adapters/files/bundled-templates.ts';
import { createMemoryStore } from '../../server/adapters/storage/memory-store.ts';
import { hashSecret } from '../../server/adapters/system/system.ts';
import { argon2Passwords } from '../../server/adapters/system/argon2-passwords.ts';
import { inspectFile } from '../../server/adapters/files/file-content.ts';
import { createDeliverySender } from '../../server/adapters/delivery/send-delivery.ts';
import { bootstrap } from '../../server/app/companies/bootstrap.ts';
import type { AppDeps } from '../../server/app/ports/deps.ts';
import type { Store } from '../../server/app/ports/ports.ts';
import { createApp } from '../../server/http/create-app.ts';
import { testValidator } from './policies.ts';

export const ADMIN_TOKEN = 'kesu_test_admin';

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

/**
 * A bootstrapped app (platform admin token ADMIN_TOKEN, demo company) at a fixed time, over the
 * memory store unless given another.
 */
/** Test apps made in this process: each app's secrets differ from another's, as random ones would. */
let apps = 0;

export async function buildTestApp(
  start = '2026-03-02T02:00:00.000Z',
  store: Store = createMemoryStore(),
) {
  let now = start;
  let counter = 0;
  const appNumber = ++apps;
  const deps: AppDeps = {
    store,
    validator: testValidator(),
    now: () => now,
    newId: () => `id-${++counter}`,
    newSecret: () => `kesu_secret_${++counter}x${appNumber}`,
    hashSecret,
    passwords: argon2Passwords({ memoryCost: 1024, timeCost: 1 }),
    inspectFile,
    templates: bundledTemplates(),
    versions: createPublishedVersionCache(),
    sendDelivery: createDeliverySender(),
  };
  const first = await bootstrap(deps, ADMIN_TOKEN);
  const app = createApp(deps, { maxBodyBytes: 1_000_000 });
  const call = async (
    method: string,
    path: string,
    options: {
      token?: string;
      body?: unknown;
      headers?: Record<string, string>;
      /** The client's address, as the Node server would see it. */
      address?: string;
    } = {},
  ) => {
    const headers: Record<string, string> = {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    };
    if (options.body !== undefined && !('content-type' in headers))
      headers['content-type'] = 'application/json';
    const response = await app.request(
      path,
      {
        method,
        headers,
        ...(options.body !== undefined
          ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
          : {}),
      },
      options.address ? { incoming: { socket: { remoteAddress: options.address } } } : undefined,
    );
    const text = await response.text();
    const answer = { status: response.status, body: text ? JSON.parse(text) : null };
    // The headers are there to read, but not compared: tests match answers as { status, body }.
    return Object.defineProperty(answer, 'headers', {
      value: response.headers,
    }) as typeof answer & {
      headers: Headers;
    };
  };
  /** Adds a user with roles to a company and returns a token for them. */
  const userWith = async (company: string, ...roles: string[]) => {
    const user = await call('POST', `/api/companies/${company}/users`, {
      token: ADMIN_TOKEN,
      body: { name: roles.join('+'), roles },
    });
    const token = await call('POST', `/api/users/${user.body.id}/tokens`, {
      token: ADMIN_TOKEN,
      body: {},
    });
    return token.body.token as string;
  };
  return { app, deps, call, userWith, first, setNow: (iso: string) => void (now = iso) };
}

/** A valid intake of the manufacturing template (the 1,500-yuan quality complaint). */
export function manufacturingIntake(): Record<string, unknown> & {
  customer: Record<string, string>;
} {
  const file = new URL(
    '../../rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json',
    import.meta.url,
  );
  return JSON.parse(readFileSync(file, 'utf8')).intake;
}
