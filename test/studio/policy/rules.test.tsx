// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

describe('policy editor: rules', () => {
  it('lists each rule set’s rules and shows the policy check’s problems under the one edited', async () => {
    const server = await studioServer();
    renderStudio('/c/demo/policy/rules', ADMIN_TOKEN);
    const routing = await screen.findByTestId('policy-ruleset-routing');
    expect(within(routing).getByText('routeToGmOffice')).toBeInTheDocument();
    const editor = within(routing).getByTestId(
      'policy-ruleset-json-routing',
    ) as HTMLTextAreaElement;
    const ruleSet = JSON.parse(editor.value);
    ruleSet.rules[0].event.type = 'teleport';
    fireEvent.change(editor, { target: { value: JSON.stringify(ruleSet, null, 2) } });
    const problems = await within(routing).findByRole('alert', {}, { timeout: 8000 });
    // Under the rule set the message alone; the path only in the tooltip.
    expect(problems).not.toHaveTextContent('/ruleSets/0/rules/0/event');
    expect(within(problems).getByRole('listitem').title).toMatch(/^\/ruleSets\/0\/rules\/0\/event/);
    const draft = await server.call('GET', '/api/companies/demo/policy/draft', {
      token: ADMIN_TOKEN,
    });
    expect(draft.body.document.ruleSets[0].rules[0].event.type).toBe('teleport');
  });

  it('refuses a rule set that is not JSON and keeps the draft', async () => {
    const server = await studioServer();
    const before = await server.call('GET', '/api/companies/demo/policy/draft', {
      token: ADMIN_TOKEN,
    });
    renderStudio('/c/demo/policy/rules', ADMIN_TOKEN);
    const routing = await screen.findByTestId('policy-ruleset-routing');
    const editor = within(routing).getByTestId('policy-ruleset-json-routing');
    fireEvent.change(editor, { target: { value: '{"id": "routing", rules: [' } });
    expect(within(routing).getByRole('alert')).toHaveTextContent('JSON 格式错误');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const draft = await server.call('GET', '/api/companies/demo/policy/draft', {
      token: ADMIN_TOKEN,
    });
    expect(draft.body.version).toBe(before.body.version);
    expect(draft.body.document.ruleSets).toEqual(before.body.document.ruleSets);
  });
});
