/** The public complaint form in tests: companies with and without one, a complaint to file. */
import { ADMIN_TOKEN, type TestApp } from './test-app.ts';

/** A company from a template (published as version 1). */
export async function companyFrom(t: TestApp, id: string, template: string): Promise<void> {
  const created = await t.call('POST', '/api/companies', {
    token: ADMIN_TOKEN,
    body: { id, name: `${id} 有限公司`, template },
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
}

/** A complaint on the electronics template's public form. */
export function webComplaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customer: { name: '陈晓燕', phone: '138-2765-4410' },
    product: { model: 'Nova X12 手机', serialNumber: 'IMEI 86712305-448812-7' },
    description: '手机电池鼓包，充电时发烫。',
    remedySought: { type: 'replacement' },
    ...overrides,
  };
}

/** Files a complaint on `company`'s public form from `address`. */
export function fileComplaint(
  t: TestApp,
  company: string,
  intake: Record<string, unknown>,
  options: { address?: string; website?: string; headers?: Record<string, string> } = {},
) {
  return t.call('POST', `/api/public/${company}/complaints`, {
    body: { intake, ...(options.website === undefined ? {} : { website: options.website }) },
    address: options.address ?? '203.0.113.7',
    ...(options.headers ? { headers: options.headers } : {}),
  });
}
