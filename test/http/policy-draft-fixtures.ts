/** Company acme, its draft route and the starter template's versions, for the draft tests. */
import { loadPolicyDocument } from '../../server/adapters/files/policy-files.ts';
import { templateVersion } from '../../server/domain/policy/inheritance.ts';
import { ROOT } from '../support/policies.ts';
import { ADMIN_TOKEN, buildTestApp, type TestApp } from '../support/test-app.ts';

/** The draft route of company acme. */
export const DRAFT = '/api/companies/acme/policy/draft';
/** The version of the bundled starter template. */
export const starterVersion = () => templateVersion(loadPolicyDocument(`${ROOT}rulesets/starter`));
/** A document extending the starter template, with these overrides. */
export const extending = (overrides: Record<string, unknown> = {}) => ({
  extends: { template: 'starter', version: starterVersion() },
  ...overrides,
});
/** An override: the reply clock runs one working day. */
export const oneWorkingDay = {
  clocks: { reply: { duration: { amount: 1, unit: 'workingDays' } } },
};

/** A test app with company acme made from the starter template, and its administrator's token. */
export async function acme() {
  const t = await buildTestApp();
  await t.call('POST', '/api/companies', {
    token: ADMIN_TOKEN,
    body: { id: 'acme', name: 'Acme', template: 'starter' },
  });
  const admin = await t.userWith('acme', 'admin');
  return { t, admin };
}

/** The version of acme's draft. */
export async function draftVersion(t: TestApp, token: string): Promise<number> {
  return (await t.call('GET', DRAFT, { token })).body.version;
}

/** Serves the fixture copy of the starter template's next version as "starter". */
export function upgradeStarter(t: TestApp): string {
  const next = loadPolicyDocument(`${ROOT}test/fixtures/templates/starter-v2`);
  const bundled = t.deps.templates;
  t.deps.templates = {
    list: () => bundled.list(),
    load: (id) => (id === 'starter' ? structuredClone(next) : bundled.load(id)),
  };
  return templateVersion(next);
}
