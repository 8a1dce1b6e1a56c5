// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PolicyExample } from '../../../server/domain/policy/format.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

const SLOW = { timeout: 20_000 };

async function retype(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(text);
}

describe('examples and publishing', { timeout: 120_000 }, () => {
  it('runs the draft’s examples and shows the counts', async () => {
    const server = await studioServer();
    const admin = await server.userWith('demo', 'admin');
    const total = (await server.call('GET', '/api/companies/demo/policy/draft', { token: admin }))
      .body.document.examples.length;
    renderStudio('/c/demo/policy/examples', admin);
    await userEvent.click(await screen.findByRole('button', { name: '运行全部样例' }, SLOW));
    expect(await screen.findByTestId('examples-summary', {}, SLOW)).toHaveTextContent(
      `通过 ${total} 个，未通过 0 个`,
    );
    expect(screen.getByTestId('example-band1000DeputyGM')).toHaveTextContent('通过');
  }, 120_000);

  it('refuses to publish without a note', async () => {
    const server = await studioServer();
    const admin = await server.userWith('demo', 'admin');
    renderStudio('/c/demo/policy/publish', admin);
    await userEvent.click(await screen.findByRole('button', { name: '发布新版本' }, SLOW));
    expect(await screen.findByText(/请填写发布说明/)).toBeInTheDocument();
    const versions = await server.call('GET', '/api/companies/demo/policy/versions', {
      token: admin,
    });
    expect(versions.body.items).toHaveLength(1);
  });

  it('raises the deputy GM’s limit, brings the examples in line, publishes version 2, and a new case uses the new limit', async () => {
    const server = await studioServer();
    const admin = await server.userWith('demo', 'admin');
    const published = await server.call('GET', '/api/companies/demo/policy/versions/1', {
      token: admin,
    });
    const band = (published.body.policy.examples as PolicyExample[]).find(
      (e) => e.id === 'band1500SpringFestival',
    )!;
    renderStudio('/c/demo/policy/approvals', admin);

    // 1. Raise the band and the authority limit in the table.
    await retype(await screen.findByLabelText('第 2 行 金额上限（元）', {}, SLOW), '20000');
    await retype(screen.getByLabelText('第 3 行 金额下限（元）'), '20000');
    await retype(screen.getByLabelText('副总经理 核决上限（元）'), '20000');

    // 2. The example written for the old limit fails; its expectation follows the new policy.
    await userEvent.click(screen.getByRole('link', { name: '样例' }));
    await userEvent.click(await screen.findByRole('button', { name: '运行全部样例' }, SLOW));
    expect(await screen.findByTestId('examples-summary', {}, SLOW)).toHaveTextContent(
      '未通过 1 个',
    );
    const failing = screen.getByTestId('example-band10000GmMajor');
    expect(failing).toHaveTextContent(
      '审批链：预期 业务部经理 → 副总经理 → 总经理，实际 业务部经理 → 副总经理',
    );
    await userEvent.click(within(failing).getByRole('button', { name: '改为预期新结果' }));
    await waitFor(() => expect(failing).toHaveTextContent('已修改，请重新运行'), SLOW);
    await userEvent.click(screen.getByRole('button', { name: '运行全部样例' }));
    await waitFor(
      () => expect(screen.getByTestId('examples-summary')).toHaveTextContent('未通过 0 个'),
      SLOW,
    );

    // 3. Publish with a note.
    await userEvent.click(screen.getByRole('link', { name: '发布与版本' }));
    await userEvent.type(
      await screen.findByLabelText('发布说明（必填）'),
      '副总经理核决上限提高到 20,000 元',
    );
    await userEvent.click(screen.getByRole('button', { name: '发布新版本' }));
    expect(await screen.findByTestId('publish-result', {}, SLOW)).toHaveTextContent(
      '从现在起，员工受理的新案件按第 2 版政策处理。',
    );
    const row = await screen.findByTestId('version-2', {}, SLOW);
    expect(row).toHaveTextContent('副总经理核决上限提高到 20,000 元');
    expect(row).toHaveTextContent('现行');

    const versions = await server.call('GET', '/api/companies/demo/policy/versions', {
      token: admin,
    });
    expect(versions.body.items.map((v: { number: number; note: string }) => v.number)).toEqual([
      1, 2,
    ]);
    expect(versions.body.items[1].note).toBe('副总经理核决上限提高到 20,000 元');

    // 4. Staff open a case afterwards: it runs under version 2, and 15,000 yuan stops at the deputy GM.
    const gmOffice = await server.userWith('demo', 'gmOffice');
    const quality = await server.userWith('demo', 'quality');
    const sales = await server.userWith('demo', 'sales');
    const opened = await server.call('POST', '/api/companies/demo/cases', {
      token: sales,
      body: { intake: band.intake },
    });
    expect(opened.status).toBe(201);
    expect(opened.body.policyVersion).toBe(2);
    const act = (token: string, transition: string, data: unknown) =>
      server.call('POST', `/api/companies/demo/cases/${opened.body.case.id}/actions`, {
        token,
        body: { transition, data },
      });
    const [register, report, propose] = band.steps!;
    expect((await act(gmOffice, 'register', register!.data)).status).toBe(200);
    expect((await act(quality, 'submitInvestigationReport', report!.data)).status).toBe(200);
    const proposed = await act(sales, 'proposeRemedy', { ...propose!.data, amount: 15000 });
    expect(proposed.body.case.remedy.chain.map((s: { role: string }) => s.role)).toEqual([
      'salesManager',
      'deputyGM',
    ]);
  }, 150_000);
});
