/**
 * The public form on the embedded store: after a restart over the same data directory the follow
 * link still opens the complaint (its hash is kept with the case), its file is there, and the
 * complaints counted for an address are still counted.
 */
import { describe, expect, it } from 'vitest';
import { embeddedStores } from '../support/embedded-stores.ts';
import { companyFrom, fileComplaint, webComplaint } from '../support/public-form.ts';
import { buildTestApp } from '../support/test-app.ts';
import { PNG } from '../support/file-heads.ts';

const START = '2026-03-02T02:00:00.000Z';

describe('the public form on the embedded store', () => {
  const stores = embeddedStores('kesu-public-');

  it('keeps the follow link, its file and the address’s count across a restart', async () => {
    const dataDir = await stores.tempDir();
    const first = await buildTestApp(START, await stores.open(dataDir));
    await companyFrom(first, 'shop', 'electronics-after-sales');
    const filed = await fileComplaint(first, 'shop', webComplaint());
    const token = filed.body.followToken as string;
    const sent = await first.app.request(`/api/public/shop/complaints/${token}/attachments`, {
      method: 'POST',
      headers: { 'attachment-name': 'crack.png' },
      body: PNG,
    });
    expect(sent.status).toBe(201);
    for (let i = 0; i < 4; i++) await fileComplaint(first, 'shop', webComplaint());
    await first.deps.store.close();

    const again = await buildTestApp(START, await stores.open(dataDir));
    const follow = await again.call('GET', `/api/public/shop/complaints/${token}`);
    expect(follow.body).toMatchObject({ number: filed.body.number, files: 1, closed: false });
    const wrong = await again.call(
      'GET',
      `/api/public/shop/complaints/${token.split('.')[0]}.kesu_wrong`,
    );
    expect(wrong.status).toBe(404);
    expect((await fileComplaint(again, 'shop', webComplaint())).status).toBe(429);
  });
});
