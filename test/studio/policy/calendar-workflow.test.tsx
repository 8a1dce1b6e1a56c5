// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { labelWidth } from '../../../studio/src/pages/policy/WorkflowDiagram.tsx';
import { renderStudio, studioServer } from '../support/studio.tsx';

describe('policy editor: calendar', () => {
  it('marks the 2026 Spring Festival holidays and the 调休 make-up Saturday in the month view', async () => {
    await studioServer();
    renderStudio('/c/demo/policy/calendar', ADMIN_TOKEN);
    const month = await screen.findByRole('region', { name: '月历' });
    fireEvent.change(within(month).getByLabelText('跳到'), { target: { value: '2026-02' } });
    expect(screen.getByTestId('policy-month-title')).toHaveTextContent('2026 年 2 月');
    const festival = screen.getByTestId('policy-day-2026-02-17');
    expect(festival).toHaveAttribute('data-kind', 'holiday');
    expect(festival).toHaveTextContent('春节');
    const makeUp = screen.getByTestId('policy-day-2026-02-28');
    expect(makeUp).toHaveAttribute('data-kind', 'makeUpWorkday');
    expect(makeUp).toHaveTextContent('班');
    expect(screen.getByTestId('policy-day-2026-02-10')).toHaveAttribute('data-kind', 'workday');
    expect(screen.getByTestId('policy-day-2026-02-14')).toHaveAttribute(
      'data-kind',
      'makeUpWorkday',
    );
    await userEvent.click(within(month).getByRole('button', { name: '下个月 ›' }));
    expect(screen.getByTestId('policy-month-title')).toHaveTextContent('2026 年 3 月');
    expect(screen.getByTestId('policy-day-2026-03-07')).toHaveAttribute('data-kind', 'weekend');
  });

  it('adds a holiday to the list and the month view counts it off', async () => {
    const server = await studioServer();
    renderStudio('/c/demo/policy/calendar', ADMIN_TOKEN);
    const month = await screen.findByRole('region', { name: '月历' });
    fireEvent.change(within(month).getByLabelText('跳到'), { target: { value: '2026-03' } });
    expect(screen.getByTestId('policy-day-2026-03-10')).toHaveAttribute('data-kind', 'workday');
    const add = screen.getByRole('form', { name: '添加节假日' });
    fireEvent.change(within(add).getByLabelText('日期'), { target: { value: '2026-03-10' } });
    await userEvent.type(within(add).getByLabelText('名称（如：春节）'), '厂庆');
    await userEvent.click(within(add).getByRole('button', { name: '添加节假日' }));
    expect(screen.getByTestId('policy-day-2026-03-10')).toHaveAttribute('data-kind', 'holiday');
    await waitFor(
      async () => {
        const draft = await server.call('GET', '/api/companies/demo/policy/draft', {
          token: ADMIN_TOKEN,
        });
        const calendars = Object.values(draft.body.document.calendars) as {
          holidays: { date: string }[];
        }[];
        expect(calendars.some((c) => c.holidays.some((h) => h.date === '2026-03-10'))).toBe(true);
      },
      { timeout: 5000 },
    );
  });
});

describe('policy editor: workflow', () => {
  it('draws every state of the workflow and each transition', async () => {
    const server = await studioServer();
    const draft = await server.call('GET', '/api/companies/demo/policy/draft', {
      token: ADMIN_TOKEN,
    });
    const workflow = draft.body.document.workflow as {
      states: Record<string, { label: { 'zh-CN': string } }>;
      transitions: { id: string }[];
    };
    renderStudio('/c/demo/policy/workflow', ADMIN_TOKEN);
    const diagram = await screen.findByTestId('policy-workflow-diagram');
    for (const [id, state] of Object.entries(workflow.states)) {
      const node = within(diagram).getByTestId(`policy-wf-state-${id}`);
      expect(node).toHaveTextContent(state.label['zh-CN']);
    }
    expect(diagram.querySelectorAll('[data-testid^="policy-wf-state-"]')).toHaveLength(
      Object.keys(workflow.states).length,
    );
    const drawn = [...diagram.querySelectorAll('[data-transitions]')].flatMap((edge) =>
      edge.getAttribute('data-transitions')!.split(' '),
    );
    for (const transition of workflow.transitions) expect(drawn).toContain(transition.id);
  });

  it.each(['zh-CN', 'en'] as const)(
    'in %s, draws every arrow and label inside the diagram, none clipped on the right',
    async (lang) => {
      const server = await studioServer();
      // A long-named transition that stays in the right-most state: its loop and label are drawn
      // at the diagram's right edge.
      const url = '/api/companies/demo/policy/draft';
      const { document, version } = (await server.call('GET', url, { token: ADMIN_TOKEN })).body;
      document.workflow.transitions.push({
        id: 'noteAfterClosing',
        label: { 'zh-CN': '结案后补记客户再次来电内容', en: 'Note a customer call after closing' },
        from: ['closed'],
        to: 'closed',
        roles: ['gmOffice'],
      });
      const saved = await server.call('PUT', url, {
        token: ADMIN_TOKEN,
        body: { document, expectedVersion: version },
      });
      expect(saved.status).toBe(200);
      renderStudio('/c/demo/policy/workflow', ADMIN_TOKEN, lang);
      const diagram = await screen.findByTestId('policy-workflow-diagram');
      await within(diagram).findByTestId('policy-wf-edge-closed>closed');
      const [x0, y0, w, h] = diagram.getAttribute('viewBox')!.split(' ').map(Number) as [
        number,
        number,
        number,
        number,
      ];
      const inside = (x: number, y: number, what: string) => {
        expect(x, what).toBeGreaterThanOrEqual(x0);
        expect(x, what).toBeLessThanOrEqual(x0 + w);
        expect(y, what).toBeGreaterThanOrEqual(y0);
        expect(y, what).toBeLessThanOrEqual(y0 + h);
      };
      for (const edge of diagram.querySelectorAll('.policy-edge')) {
        const numbers = edge
          .querySelector('path')!
          .getAttribute('d')!
          .match(/-?[\d.]+/g)!;
        for (let i = 0; i + 1 < numbers.length; i += 2)
          inside(Number(numbers[i]), Number(numbers[i + 1]), `arrow ${edge.textContent}`);
        const text = edge.querySelector('text');
        if (!text) continue;
        const half = labelWidth(text.textContent ?? '') / 2;
        const [x, y] = [Number(text.getAttribute('x')), Number(text.getAttribute('y'))];
        inside(x + half, y, `label ${text.textContent}`);
        inside(x - half, y, `label ${text.textContent}`);
      }
      expect(Number(diagram.getAttribute('width'))).toBe(w);
    },
  );

  it('adds a state, which the diagram then draws', async () => {
    await studioServer();
    renderStudio('/c/demo/policy/workflow', ADMIN_TOKEN);
    const add = await screen.findByRole('form', { name: '添加状态' });
    await userEvent.type(within(add).getByLabelText('状态名称'), '待复核');
    await userEvent.type(within(add).getByLabelText('状态代码（英文字母）'), 'review');
    await userEvent.click(within(add).getByRole('button', { name: '添加状态' }));
    expect(
      within(screen.getByTestId('policy-workflow-diagram')).getByTestId('policy-wf-state-review'),
    ).toHaveTextContent('待复核');
  });
});
