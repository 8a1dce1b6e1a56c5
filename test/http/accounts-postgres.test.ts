/**
 * Two runtimes on one PostgreSQL database: a session started on one is accepted by the other and
 * ended for both at sign-out; wrong passwords are counted across both.
 */
import { describe, expect, it } from 'vitest';
import { fromStudio, ORIGIN, userWithPassword } from '../support/accounts.ts';
import { postgresSkipReason } from '../support/postgres-cluster.ts';
import { postgresForTests } from '../support/postgres-for-tests.ts';
import { buildTestApp } from '../support/test-app.ts';

const skipReason = postgresSkipReason();
const START = '2026-03-02T02:00:00.000Z';
const PASSWORD = 'correct horse battery';

describe.skipIf(skipReason !== undefined)(
  `accounts on a shared PostgreSQL ${skipReason ?? ''}`.trim(),
  () => {
    const cluster = postgresForTests();

    async function twoRuntimes() {
      const url = await cluster.newDatabase();
      const [a, b] = [await cluster.open(url), await cluster.open(url)];
      return [await buildTestApp(START, a), await buildTestApp(START, b)] as const;
    }

    it('accepts on one runtime the session started on the other, and ends it for both', async () => {
      const [one, other] = await twoRuntimes();
      const { cookie } = await userWithPassword(one, 'demo', 'li', PASSWORD);
      const me = await other.call('GET', '/api/me', { headers: { cookie } });
      expect(me.body).toMatchObject({ name: 'li', companyId: 'demo' });
      const out = await other.call('DELETE', '/api/session', { headers: fromStudio(cookie) });
      expect(out.status).toBe(204);
      expect((await one.call('GET', '/api/me', { headers: { cookie } })).status).toBe(401);
    });

    it('counts wrong passwords given to either runtime', async () => {
      const [one, other] = await twoRuntimes();
      await userWithPassword(one, 'demo', 'li', PASSWORD);
      const signIn = (t: typeof one, password: string) =>
        t.call('POST', '/api/session', {
          body: { login: 'li', password },
          headers: { origin: ORIGIN },
        });
      for (const t of [one, other, one, other, one]) await signIn(t, 'wrong password');
      const refused = await signIn(other, PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('30');
    });
  },
);
