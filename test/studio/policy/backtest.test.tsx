// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { raiseLimit, walk } from '../../support/backtest-cases.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

const SLOW = { timeout: 20_000 };

/** The studio's server with two closed cases in March 2026 (800 and 1,500 yuan) and the limit raised. */
async function server() {
  const server = await studioServer('2026-03-01T00:00:00.000Z');
  await walk(server, 800, '2026-03-09T10:00:00+08:00');
  await walk(server, 1500, '2026-03-10T10:00:00+08:00');
  server.setNow('2026-05-01T00:00:00.000Z');
  await raiseLimit(server);
  return server;
}

async function runBacktest(from: string, to: string) {
  fireEvent.change(await screen.findByLabelText(/受理日期从/, {}, SLOW), {
    target: { value: from },
  });
  fireEvent.change(screen.getByLabelText(/^至/), { target: { value: to } });
  await userEvent.click(screen.getByRole('button', { name: '开始回测' }));
}

describe('the backtest panel of the publish section', { timeout: 120_000 }, () => {
  it('replays the period, lists the case that no longer needs the deputy GM, and drills down', async () => {
    const s = await server();
    const admin = await s.userWith('demo', 'admin');
    renderStudio('/c/demo/policy/publish', admin);
    await runBacktest('2026-03-01', '2026-03-31');
    expect(await screen.findByTestId('backtest-totals', {}, SLOW)).toHaveTextContent(
      '重放 2 个案件：1 个会改变，1 个不变，0 个无法重放。',
    );
    expect(screen.getByTestId('backtest-approvers')).toHaveTextContent(
      '1 个案件（1,500 元）不再需要 副总经理',
    );
    const affected = screen.getByTestId('backtest-affected');
    expect(within(affected).getAllByRole('row')).toHaveLength(2);
    // Rows, actions and refusals in words, not the policy's ids and the error codes.
    expect(screen.getByTestId('backtest-approvers')).toHaveTextContent(
      '矩阵行：1,000元至10,000元以下：业务部经理审核，副总经理核决 → 1,000元以下：业务部经理核决',
    );
    expect(screen.getByTestId('backtest-refused')).toHaveTextContent(
      '“核准”现在会被拒绝：案件状态不允许 · 1 个案件',
    );
    expect(affected).toHaveTextContent('−副总经理; 核准: 允许 → 案件状态不允许');
    const report = screen.getByTestId('backtest-report');
    for (const code of ['approvals/', 'approve', 'wrong_state', 'ok →'])
      expect(report).not.toHaveTextContent(code);
    await userEvent.click(within(affected).getByRole('button', { name: /查看/ }));
    const detail = screen.getByTestId('backtest-detail');
    expect(detail).toHaveTextContent(
      '1,500: 业务部经理 → 副总经理 (1,000元至10,000元以下：业务部经理审核，副总经理核决)',
    );
    expect(detail).toHaveTextContent('1,500: 业务部经理 (1,000元以下：业务部经理核决)');
    expect(detail).toHaveTextContent('核准 2026年3月13日 09:05（Asia/Shanghai）允许案件状态不允许');
  });

  it('shows the server’s refusal of a period that ends before it starts, under the field', async () => {
    const s = await server();
    const admin = await s.userWith('demo', 'admin');
    renderStudio('/c/demo/policy/publish', admin);
    await runBacktest('2026-03-31', '2026-03-01');
    const field = screen.getByLabelText(/^至/);
    await screen.findAllByText('must not be before from', {}, SLOW);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field.closest('label')).toHaveTextContent('must not be before from');
  });

  it('speaks English', async () => {
    const s = await server();
    const admin = await s.userWith('demo', 'admin');
    renderStudio('/c/demo/policy/publish', admin, 'en');
    fireEvent.change(await screen.findByLabelText(/Received from/, {}, SLOW), {
      target: { value: '2026-03-01' },
    });
    fireEvent.change(screen.getByLabelText(/^to/), { target: { value: '2026-03-31' } });
    await userEvent.click(screen.getByRole('button', { name: 'Run backtest' }));
    expect(await screen.findByTestId('backtest-totals', {}, SLOW)).toHaveTextContent(
      'Replayed 2 cases: 1 would change, 1 would not, 0 could not be replayed.',
    );
    expect(screen.getByTestId('backtest-approvers')).toHaveTextContent(
      'matrix rows: 1,000 to under 10,000 yuan: the sales manager, then the deputy GM → Below 1,000 yuan: the sales manager',
    );
    expect(screen.getByTestId('backtest-refused')).toHaveTextContent(
      '“Approve” would now be refused: not allowed in the case’s state · 1 case(s)',
    );
    expect(screen.getByTestId('backtest-affected')).toHaveTextContent(
      '−Deputy general manager; Approve: allowed → not allowed in the case’s state',
    );
    const report = screen.getByTestId('backtest-report');
    for (const code of ['approvals/', 'approve:', 'wrong_state', 'ok →'])
      expect(report).not.toHaveTextContent(code);
  });
});
