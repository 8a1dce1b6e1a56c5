// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadPolicyDocument } from '../../../server/adapters/files/policy-files.ts';
import { templateVersion } from '../../../server/domain/policy/inheritance.ts';
import { RULESETS_DIR } from '../../../server/adapters/files/template-library.ts';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

describe('policy editor on a draft that extends a template', () => {
  it('edits the resolved policy and says which parts differ from the template', async () => {
    const server = await studioServer();
    await server.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'acme', name: 'Acme', template: 'starter' },
    });
    const draft = await server.call('GET', '/api/companies/acme/policy/draft', {
      token: ADMIN_TOKEN,
    });
    const imported = await server.call('POST', '/api/companies/acme/policy/draft/import', {
      token: ADMIN_TOKEN,
      body: {
        expectedVersion: draft.body.version,
        document: {
          extends: {
            template: 'starter',
            version: templateVersion(loadPolicyDocument(`${RULESETS_DIR}/starter`)),
          },
          clocks: { reply: { duration: { amount: 1, unit: 'workingDays' } } },
        },
      },
    });
    expect(imported.status).toBe(200);

    renderStudio('/c/acme/policy/deadlines', ADMIN_TOKEN);
    const note = await screen.findByTestId('draft-inherits');
    expect(note).toHaveTextContent('此草稿继承模板「starter」');
    expect(within(note).getByText('/clocks/reply')).toBeInTheDocument();
    expect(within(note).getByText('改写')).toBeInTheDocument();
    // The editor works on the resolved policy: the template's forms are there, and the check is
    // clean; the shortened reply clock makes the template's example expect another due time.
    expect(await screen.findByTestId('problems-examples')).toHaveTextContent(
      '检查没有问题，但有 1 个样例未通过',
    );
  });
});
