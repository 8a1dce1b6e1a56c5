import { describe, expect, it } from 'vitest';
import { listTemplates, RULESETS_DIR } from '../../server/adapters/files/template-library.ts';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';

// A company created from each bundled template over the API accepts a complaint through its
// published intake form (the intake of the template's first example).
describe.each(listTemplates(RULESETS_DIR, RULESETS_DIR))(
  'a company from template $id',
  ({ id }) => {
    it('is created with version 1 published and registers a complaint', async () => {
      const t = await buildTestApp();
      const company = `co-${id}`.slice(0, 60);
      const created = await t.call('POST', '/api/companies', {
        token: ADMIN_TOKEN,
        body: { id: company, name: id, template: id },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const version = await t.call('GET', `/api/companies/${company}/policy/versions/latest`, {
        token: ADMIN_TOKEN,
      });
      const intake = version.body.policy.examples[0].intake;
      const intakeCase = await t.call('POST', `/api/companies/${company}/cases`, {
        token: ADMIN_TOKEN,
        body: { intake },
      });
      expect(intakeCase.status, JSON.stringify(intakeCase.body)).toBe(201);
      expect(intakeCase.body.case.number).not.toBe('');
      expect(intakeCase.body.policyVersion).toBe(1);
    });
  },
);
