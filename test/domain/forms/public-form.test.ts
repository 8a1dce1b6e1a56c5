// The public form cut from the intake form: only the shown fields (whole groups or single fields
// of a group), their required lists, ui options and English titles; a submission may send only them.
import { describe, expect, it } from 'vitest';
import { publicFormOf, publicIntake } from '../../../server/domain/forms/public-form.ts';
import type { Policy } from '../../../server/domain/policy/format.ts';
import { bundledTemplates } from '../../../server/adapters/files/bundled-templates.ts';

const electronics = () => bundledTemplates().load('electronics-after-sales') as Policy;

describe('the public form', () => {
  it('shows the policy’s public fields only, without the internal ones', () => {
    const form = publicFormOf(electronics())!;
    const properties = form.schema.properties as Record<string, { properties?: object }>;
    expect(Object.keys(properties)).toEqual([
      'customer',
      'product',
      'description',
      'safetyHazard',
      'remedySought',
    ]);
    expect(Object.keys(properties.customer!.properties!)).toEqual(['name', 'phone', 'email']);
    expect(form.schema.required).toEqual(['customer', 'product', 'description']);
    expect(form.uiSchema?.['ui:order']).toEqual(Object.keys(properties));
    expect((form.uiSchema?.customer as Record<string, unknown>)['ui:order']).toEqual([
      'name',
      'phone',
      'email',
    ]);
    expect(Object.keys(form.i18n?.en ?? {}).some((path) => /vip|channel|media/i.test(path))).toBe(
      false,
    );
    expect(form.title.en).toBe('After-sales complaint (online)');
  });

  it('is absent when the policy has none, or has it disabled', () => {
    const policy = electronics();
    policy.publicForm!.enabled = false;
    expect(publicFormOf(policy)).toBeUndefined();
    delete policy.publicForm;
    expect(publicFormOf(policy)).toBeUndefined();
  });

  it('sets the channel and refuses every field the form does not show', () => {
    const policy = electronics();
    expect(publicIntake(policy, { description: 'x' }, 'en')).toEqual({
      description: 'x',
      channel: 'web',
    });
    expect(() =>
      publicIntake(
        policy,
        { customer: { name: 'a', vip: true }, channel: 'store', mediaInvolved: true },
        'zh-CN',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'form_invalid',
        fieldErrors: [
          { property: '.customer.vip', message: '此表单没有该字段' },
          { property: '.channel', message: '此表单没有该字段' },
          { property: '.mediaInvolved', message: '此表单没有该字段' },
        ],
      }),
    );
  });
});
