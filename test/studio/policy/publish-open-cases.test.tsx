// @vitest-environment jsdom
/**
 * The publish section with open cases: the keep/move choice, the preview of what moving changes
 * (and which case cannot move and why), the outcome, and the version list's change history.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../support/test-app.ts';
import { withOpenCases } from '../../http/policy-migration-fixtures.ts';
import { renderStudio } from '../support/studio.tsx';

const SLOW = { timeout: 20_000 };

/** Answers the studio's fetch from the app; a preview waits until `release` is called. */
function serve(server: TestApp) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/migration-preview')) await held;
    return server.app.request(url.replace(/^https?:\/\/[^/]+/, ''), init);
  };
  return { release };
}

/** The policy version each of the three open cases runs under, by number. */
async function versionsOf(t: TestApp) {
  const numbers = ['260301', '260302', '260303'];
  const stored = await Promise.all(numbers.map((n) => t.deps.store.cases.getByNumber('demo', n)));
  return Object.fromEntries(stored.map((s, i) => [numbers[i], s?.policyVersion]));
}

describe('publishing with open cases', { timeout: 120_000 }, () => {
  it('previews the move, publishes with it, and lists what version 2 changed', async () => {
    const { t, admin } = await withOpenCases();
    const { release } = serve(t);
    renderStudio('/c/demo/policy/publish', admin);
    expect(await screen.findByTestId('version-1', {}, SLOW)).toHaveTextContent('第一个版本');

    await userEvent.click(await screen.findByLabelText(/改按新版本处理/));
    expect(await screen.findByText('正在计算处理中的案件会有哪些变化…')).toBeInTheDocument();
    release();
    const preview = await screen.findByTestId('migration-preview-cases', {}, SLOW);
    expect(screen.getByTestId('migration-preview')).toHaveTextContent(
      '处理中的案件 3 件：2 件可改按第 2 版处理（其中 2 件有变化），1 件不能改、将保留原版本。',
    );
    expect(within(preview).getByTestId('migration-260301')).toHaveTextContent(/时限 答复客户.*→/);
    expect(within(preview).getByTestId('migration-260302')).toHaveTextContent(
      '待审批：业务部经理、副总经理 → 业务部经理',
    );
    expect(within(preview).getByTestId('migration-260303')).toHaveTextContent(
      '不能改：新版本的流程没有状态 pendingClosure',
    );

    await userEvent.type(screen.getByLabelText('发布说明（必填）'), '答复时限改为 5 天');
    await userEvent.click(screen.getByRole('button', { name: '发布新版本' }));
    const result = await screen.findByTestId('publish-result', {}, SLOW);
    expect(result).toHaveTextContent('已将 2 件处理中的案件改按新版本处理，1 件保留原版本。');
    expect(within(result).getByTestId('migration-left')).toHaveTextContent('260303');

    const row = await screen.findByTestId('version-2', {}, SLOW);
    expect(row).toHaveTextContent('答复时限改为 5 天');
    expect(row).toHaveTextContent('我');
    await waitFor(() =>
      expect(screen.getByTestId('version-2-changes')).toHaveTextContent(
        '时限 答复客户（接到客诉起一周）: 7 天 → 5 天',
      ),
    );
    expect(await versionsOf(t)).toEqual({ '260301': 2, '260302': 2, '260303': 1 });
  });

  it('keeps open cases by default, and marks changes worked out on read', async () => {
    const { t, admin } = await withOpenCases();
    serve(t).release();
    const v1 = (await t.deps.store.policies.getVersion('demo', 1))!;
    const { changes: _changes, ...older } = structuredClone(v1);
    older.policy.clocks.reply!.duration = { amount: 6, unit: 'days' };
    await t.deps.store.policies.publish({ ...older, number: 2, note: 'before history' });
    renderStudio('/c/demo/policy/publish', admin, 'en');
    const row = await screen.findByTestId('version-2', {}, SLOW);
    expect(row).toHaveTextContent(
      'clock Reply to the customer (a week from receipt): 7 days → 6 days',
    );
    expect(row).toHaveTextContent('not recorded at publish');
    expect(screen.getByLabelText(/Keep them on the version/)).toBeChecked();
    expect(screen.queryByTestId('migration-preview')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Release note (required)'), 'v3');
    await userEvent.click(screen.getByRole('button', { name: 'Publish a new version' }));
    expect(await screen.findByTestId('publish-result', {}, SLOW)).toHaveTextContent(
      'Version 3 published',
    );
    expect(screen.queryByTestId('migration-outcome')).not.toBeInTheDocument();
    expect(await versionsOf(t)).toEqual({ '260301': 1, '260302': 1, '260303': 1 });
  });

  it('lists a clock the new version starts for a case, in English', async () => {
    const { t, admin } = await withOpenCases();
    serve(t).release();
    const draft = await t.call('GET', '/api/companies/demo/policy/draft', { token: admin });
    const document = draft.body.document;
    document.clocks.closure = {
      label: { 'zh-CN': '结案时限', en: 'Closure deadline' },
      calendar: document.clocks.reply.calendar,
      duration: { amount: 30, unit: 'days' },
      start: [{ event: 'caseOpened' }],
      stop: [],
    };
    await t.call('PUT', '/api/companies/demo/policy/draft', {
      token: admin,
      body: { document, expectedVersion: draft.body.version },
    });
    renderStudio('/c/demo/policy/publish', admin, 'en');
    await userEvent.click(await screen.findByLabelText(/Move them to the new version/, {}, SLOW));
    const preview = await screen.findByTestId('migration-preview-cases', {}, SLOW);
    expect(within(preview).getByTestId('migration-260301')).toHaveTextContent(
      /new clock Closure deadline: counted from .+, due .+/,
    );
  });

  it('shows the move in the case’s history, with the note', async () => {
    const { t, admin, ids } = await withOpenCases();
    serve(t).release();
    await t.call('POST', '/api/companies/demo/policy/publish', {
      token: admin,
      body: { note: '答复时限改为 5 天', openCases: 'move' },
    });
    renderStudio(`/c/demo/cases/${ids.registering}`, admin);
    await waitFor(() => {
      const entries = screen.getAllByTestId('timeline-entry');
      expect(entries.at(-1)).toHaveTextContent('由第 1 版改按第 2 版政策处理');
      expect(entries.at(-1)).toHaveTextContent('答复时限改为 5 天');
    }, SLOW);
  });
});
