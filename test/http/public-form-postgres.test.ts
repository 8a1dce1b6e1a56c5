/**
 * The public form on two runtimes sharing one PostgreSQL database: complaints from one address are
 * counted across both, a follow link made by one works on the other, and a file sent with it is
 * stored in the database.
 */
import { describe, expect, it } from 'vitest';
import { postgresSkipReason } from '../support/postgres-cluster.ts';
import { postgresForTests } from '../support/postgres-for-tests.ts';
import { companyFrom, fileComplaint, webComplaint } from '../support/public-form.ts';
import { buildTestApp } from '../support/test-app.ts';
import { PNG } from '../support/file-heads.ts';

const skipReason = postgresSkipReason();
const START = '2026-03-02T02:00:00.000Z';

describe.skipIf(skipReason !== undefined)(
  `the public form on a shared PostgreSQL ${skipReason ?? ''}`.trim(),
  () => {
    const cluster = postgresForTests();

    async function twoRuntimes() {
      const url = await cluster.newDatabase();
      const one = await buildTestApp(START, await cluster.open(url));
      await companyFrom(one, 'shop', 'electronics-after-sales');
      return [one, await buildTestApp(START, await cluster.open(url))] as const;
    }

    it('counts one address’s complaints on both runtimes', async () => {
      const [one, other] = await twoRuntimes();
      for (const t of [one, other, one, other, one])
        expect((await fileComplaint(t, 'shop', webComplaint())).status).toBe(201);
      const refused = await fileComplaint(other, 'shop', webComplaint());
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('600');
    });

    it('follows on one runtime the complaint filed on the other, and keeps its file', async () => {
      const [one, other] = await twoRuntimes();
      const filed = await fileComplaint(one, 'shop', webComplaint());
      const token = filed.body.followToken as string;
      const follow = await other.call('GET', `/api/public/shop/complaints/${token}`);
      expect(follow.body).toMatchObject({ number: filed.body.number, closed: false, files: 0 });
      const sent = await other.app.request(`/api/public/shop/complaints/${token}/attachments`, {
        method: 'POST',
        headers: { 'attachment-name': 'crack.png' },
        body: new Uint8Array(PNG),
      });
      expect(sent.status).toBe(201);
      const caseId = token.split('.')[0]!;
      const files = await one.deps.store.attachments.list('shop', caseId);
      expect(files.map((file) => [file.name, file.type, file.addedBy])).toEqual([
        ['crack.png', 'image/png', 'public:web'],
      ]);
      const wrong = await one.call('GET', `/api/public/shop/complaints/${caseId}.kesu_guess`);
      expect(wrong.status).toBe(404);
    });
  },
);
