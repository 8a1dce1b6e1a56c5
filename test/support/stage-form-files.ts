/**
 * The demo company's policy with an attachment field (附件) on a stage form: the registration form
 * asks for the signed receipt (签收单, PNG or PDF, required) and takes photos (several, optional).
 */
import { publishDraftChange } from './publish-draft.ts';
import type { TestApp } from './test-app.ts';

/** The demo policy with the registration form asking for the signed receipt and optional photos. */
export async function publishReceiptField(t: TestApp) {
  await publishDraftChange(t, 'demo', 'signed receipt on registration', (document) => {
    const form = document.forms.registration;
    form.schema.properties.receipt = {
      title: '签收单',
      type: 'string',
      format: 'kesu-attachment',
      'x-accept': ['image/png', 'application/pdf'],
    };
    form.schema.properties.photos = {
      title: '现场照片',
      type: 'array',
      items: { type: 'string', format: 'kesu-attachment' },
    };
    form.schema.required.push('receipt');
    form.uiSchema['ui:order'].push('receipt', 'photos');
    form.i18n.en['.receipt'] = 'Signed receipt';
    form.i18n.en['.photos'] = 'Photos on site';
    // The examples run without a store: an example's id is not looked up, only its form checked.
    for (const example of document.examples as {
      steps?: { transition: string; data?: object }[];
    }[])
      for (const step of example.steps ?? [])
        if (step.transition === 'register' && step.data)
          Object.assign(step.data, { receipt: 'example-receipt' });
  });
}
