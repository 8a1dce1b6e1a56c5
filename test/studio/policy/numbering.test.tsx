// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { registerCase } from '../staff/cases.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

/** Year (two digits) and month now in the company's time zone. */
function yymm(): string {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone: 'Asia/Shanghai',
    year: '2-digit',
    month: '2-digit',
  }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}${get('month')}`;
}

async function retype(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(text);
}

describe('numbering', { timeout: 120_000 }, () => {
  it('previews the next numbers live as the pattern changes, and flags a pattern without serial', async () => {
    const server = await studioServer();
    const admin = await server.userWith('demo', 'admin');
    renderStudio('/c/demo/policy/numbering', admin);
    const pattern = await screen.findByLabelText('编号格式', {}, { timeout: 15_000 });
    expect(pattern).toHaveValue('YYMMCC');
    const items = () =>
      within(screen.getByTestId('numbering-preview'))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(items().slice(0, 2)).toEqual([`${yymm()}01`, `${yymm()}02`]);

    await retype(pattern, '[KS-]YYMMCCC');
    expect(items().slice(0, 3)).toEqual([`KS-${yymm()}001`, `KS-${yymm()}002`, `KS-${yymm()}003`]);
    await retype(screen.getByLabelText('本期间已用的流水号'), '41');
    expect(items()[0]).toBe(`KS-${yymm()}042`);

    await retype(pattern, 'YYMM');
    await waitFor(
      () =>
        expect(screen.getByTestId('numbering-problems')).toHaveTextContent('编号规则没有流水号'),
      { timeout: 10_000 },
    );
    await retype(pattern, 'YYMMCCC');
    await waitFor(() => expect(screen.queryByTestId('numbering-problems')).toBeNull(), {
      timeout: 10_000,
    });
    const saved = await server.call('GET', '/api/companies/demo/policy/draft', { token: admin });
    expect(saved.body.document.numbering.pattern).toBe('YYMMCCC');
  });

  it('previews from the serials already given in the period, as the next intake numbers', async () => {
    // The server's clock is now, so that its cases count in the period the preview shows.
    const server = await studioServer(new Date().toISOString());
    const sales = await server.userWith('demo', 'sales');
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) numbers.push((await registerCase(server, sales)).number);
    expect(numbers).toEqual([`${yymm()}01`, `${yymm()}02`, `${yymm()}03`]);
    const admin = await server.userWith('demo', 'admin');
    renderStudio('/c/demo/policy/numbering', admin);
    await waitFor(() => expect(screen.getByLabelText('本期间已用的流水号')).toHaveValue(3), {
      timeout: 15_000,
    });
    expect(screen.getByTestId('numbering-on-record')).toHaveTextContent(
      '系统记录：本期间已编到第 3 号，下一件案件取第 4 号。',
    );
    const preview = within(screen.getByTestId('numbering-preview')).getAllByRole('listitem');
    expect(preview[0]).toHaveTextContent(`${yymm()}04`);
    expect((await registerCase(server, sales)).number).toBe(`${yymm()}04`);
  });

  it('warns when a change of reset can repeat a number already given, and suggests a prefix', async () => {
    const server = await studioServer();
    const admin = await server.userWith('demo', 'admin');
    renderStudio('/c/demo/policy/numbering', admin);
    await screen.findByLabelText('编号格式', {}, { timeout: 15_000 });
    expect(screen.queryByTestId('numbering-warnings')).toBeNull();
    await userEvent.selectOptions(screen.getByTestId('numbering-reset'), '每年归零');
    await waitFor(
      () =>
        expect(screen.getByTestId('numbering-warnings')).toHaveTextContent(
          '加一个固定前缀可避免, 例如 [A]YYMMCC',
        ),
      { timeout: 10_000 },
    );
    await retype(screen.getByLabelText('编号格式'), '[A]YYMMCC');
    await waitFor(() => expect(screen.queryByTestId('numbering-warnings')).toBeNull(), {
      timeout: 10_000,
    });
  });
});
