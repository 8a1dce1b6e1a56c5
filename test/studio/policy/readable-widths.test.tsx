// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

// The studio's own stylesheet, as main.tsx loads it in the browser (the test renders App alone).
beforeEach(() => {
  const style = document.createElement('style');
  style.textContent = readFileSync(join(process.cwd(), 'studio/src/styles.css'), 'utf8');
  document.head.replaceChildren(style);
});

const minWidth = (element: Element) => getComputedStyle(element).minWidth;

describe('inputs and columns wide enough to read', () => {
  it('gives the transitions table’s condition column room, not one character', async () => {
    await studioServer();
    renderStudio('/c/demo/policy/workflow', ADMIN_TOKEN);
    const row = await screen.findByTestId('policy-transition-register');
    const guard = row.querySelector('.policy-guard')!.closest('td')!;
    expect(minWidth(guard)).toBe('16rem');
  });

  it('gives the calendar’s date, name and time zone inputs room', async () => {
    await studioServer();
    renderStudio('/c/demo/policy/calendar', ADMIN_TOKEN);
    const dates = await screen.findAllByLabelText('日期');
    expect(minWidth(dates[0]!)).toBe('10rem');
    expect(minWidth(screen.getAllByPlaceholderText(/名称/)[0]!)).toBe('12rem');
    expect(minWidth(screen.getByLabelText(/时区/))).toBe('12rem');
  });

  it('gives the simulator’s received-at and read-at inputs room for a date and a time', async () => {
    await studioServer();
    renderStudio('/c/demo/policy/simulator', ADMIN_TOKEN);
    const complaint = await screen.findByRole('region', { name: /投诉/ }, { timeout: 15_000 });
    const times = complaint.querySelectorAll('input[type="datetime-local"]');
    expect(times.length).toBe(2);
    for (const input of times) expect(minWidth(input)).toBe('14rem');
  });
});
