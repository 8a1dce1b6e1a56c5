/** Cases of the demo company (manufacturing template) registered and moved on through the real API. */
import { expect } from 'vitest';
import example from '../../../rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json';
import type { TestApp } from '../../support/test-app.ts';

type Intake = Record<string, unknown> & { customer: Record<string, string> };

/** The template's 1,500-yuan quality complaint (imported: jsdom's URL cannot locate files). */
export function manufacturingIntake(): Intake {
  return structuredClone(example.intake) as Intake;
}

export type Staff = Record<'sales' | 'gmOffice' | 'quality' | 'salesManager' | 'deputyGM', string>;

/** A token per role of the happy path. */
export async function staffOf(server: TestApp): Promise<Staff> {
  const roles = ['sales', 'gmOffice', 'quality', 'salesManager', 'deputyGM'] as const;
  const tokens = {} as Staff;
  for (const role of roles) tokens[role] = await server.userWith('demo', role);
  return tokens;
}

/** Registers a complaint (the template's 1,500-yuan quality complaint, changed by `change`). */
export async function registerCase(
  server: TestApp,
  token: string,
  change: (intake: Intake) => void = () => {},
): Promise<{ id: string; number: string }> {
  const intake = manufacturingIntake();
  change(intake);
  const created = await server.call('POST', '/api/companies/demo/cases', {
    token,
    body: { intake },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.case.id, number: created.body.case.number };
}

/** Applies a transition with its form data. */
export async function act(
  server: TestApp,
  token: string,
  id: string,
  transition: string,
  data: Record<string, unknown>,
) {
  const response = await server.call('POST', `/api/companies/demo/cases/${id}/actions`, {
    token,
    body: { transition, data },
  });
  expect(response.status, `${transition}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
}

/** Registers the case and has it investigated (valid, quality): it awaits a remedy proposal. */
export async function caseAwaitingProposal(server: TestApp, staff: Staff) {
  const created = await registerCase(server, staff.sales);
  await act(server, staff.gmOffice, created.id, 'register', { investigatingDepartment: 'quality' });
  await act(server, staff.quality, created.id, 'submitInvestigationReport', {
    cause: 'quality',
    validity: 'valid',
    responsibleDepartment: 'manufacturing',
    confirmedDefectiveQuantity: 120,
    findings: '回流焊炉温曲线偏低导致焊点润湿不良。',
    countermeasure: '调整炉温曲线并加严首件检验。',
  });
  return created;
}
