// Attachment fields (附件) of a stage form over HTTP, on the memory, embedded and PostgreSQL stores:
// the field holds the id of a file uploaded to the same case; an unknown id, another case's, one of
// a type the field does not take or a missing required file refuses the action and changes nothing;
// an accepted action's audit entry names the files.
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../server/adapters/storage/memory-store.ts';
import type { Store } from '../../server/app/ports/ports.ts';
import { embeddedStores } from '../support/embedded-stores.ts';
import { postgresSkipReason } from '../support/postgres-cluster.ts';
import { postgresForTests } from '../support/postgres-for-tests.ts';
import { publishReceiptField } from '../support/stage-form-files.ts';
import { buildTestApp, manufacturingIntake, type TestApp } from '../support/test-app.ts';
import { PNG, JPEG } from '../support/file-heads.ts';

const START = '2026-03-02T02:00:00.000Z';

async function upload(t: TestApp, token: string, caseId: string, bytes: Uint8Array, name: string) {
  const response = await t.app.request(`/api/companies/demo/cases/${caseId}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'attachment-name': encodeURIComponent(name) },
    body: new Uint8Array(bytes),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; name: string; type: string; size: number };
}

/** Two cases of the demo company in "registering", files on them, and a registrar's token. */
async function setUp(store: Store) {
  const t = await buildTestApp(START, store);
  await publishReceiptField(t);
  const sales = await t.userWith('demo', 'sales');
  const registrar = await t.userWith('demo', 'gmOffice');
  const open = async () =>
    (
      await t.call('POST', '/api/companies/demo/cases', {
        token: sales,
        body: { intake: manufacturingIntake() },
      })
    ).body.case.id as string;
  const [caseId, otherCaseId] = [await open(), await open()];
  const receipt = await upload(t, sales, caseId, PNG, '签收单.png');
  const photo = await upload(t, sales, caseId, JPEG, 'casing.jpg');
  const othersReceipt = await upload(t, sales, otherCaseId, PNG, 'other.png');
  return { t, registrar, caseId, receipt, photo, othersReceipt };
}

type Files = Awaited<ReturnType<typeof setUp>>;

const REFUSALS: [string, (f: Files) => Record<string, unknown>, string, string, string][] = [
  ['the required receipt missing', () => ({}), 'stage_form_invalid', '.receipt', '请填写签收单'],
  [
    'an id no file has',
    () => ({ receipt: 'no-such-file' }),
    'stage_form_attachment_invalid',
    '.receipt',
    '签收单不是本案件的附件, 请重新上传',
  ],
  [
    "another case's file",
    (f) => ({ receipt: f.othersReceipt.id }),
    'stage_form_attachment_invalid',
    '.receipt',
    '签收单不是本案件的附件, 请重新上传',
  ],
  [
    'a JPEG where the field takes PNG or PDF',
    (f) => ({ receipt: f.photo.id }),
    'stage_form_attachment_invalid',
    '.receipt',
    '签收单须为以下类型的文件: image/png, application/pdf',
  ],
  [
    'an unknown file in a list of photos',
    (f) => ({ receipt: f.receipt.id, photos: [f.photo.id, 'gone'] }),
    'stage_form_attachment_invalid',
    '.photos.1',
    '现场照片不是本案件的附件, 请重新上传',
  ],
  [
    'a value that is not an id (a data URL)',
    () => ({ receipt: 'data:image/png;base64,iVBORw0KGgo=' }),
    'stage_form_invalid',
    '.receipt',
    '签收单须为上传到本案件的附件',
  ],
];

function stageFormAttachmentTests(openStore: () => Promise<Store>) {
  const register = (f: Files, extra: Record<string, unknown>) =>
    f.t.call('POST', `/api/companies/demo/cases/${f.caseId}/actions`, {
      token: f.registrar,
      body: { transition: 'register', data: { investigatingDepartment: 'quality', ...extra } },
    });

  it.each(REFUSALS)('refuses %s, naming the field, and changes nothing', async (...row) => {
    const [, data, code, property, message] = row;
    const f = await setUp(await openStore());
    const before = await f.t.deps.store.cases.get('demo', f.caseId);
    const auditBefore = await f.t.deps.store.audit.forCase('demo', f.caseId);
    const refused = await register(f, data(f));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe(code);
    expect(refused.body.error.fieldErrors).toContainEqual({ property, message });
    expect(await f.t.deps.store.cases.get('demo', f.caseId)).toEqual(before);
    expect(await f.t.deps.store.audit.forCase('demo', f.caseId)).toEqual(auditBefore);
  });

  it('accepts files of the case and names them in the action’s audit entry', async () => {
    const f = await setUp(await openStore());
    const acted = await register(f, { receipt: f.receipt.id, photos: [f.photo.id] });
    expect(acted.status, JSON.stringify(acted.body)).toBe(200);
    expect(acted.body.case.state).toBe('investigating');
    expect(acted.body.case.submissions.at(-1).data.receipt).toBe(f.receipt.id);
    const read = await f.t.call('GET', `/api/companies/demo/cases/${f.caseId}`, {
      token: f.registrar,
    });
    const entry = read.body.audit.find((e: { action: string }) => e.action === 'register');
    expect(entry.files).toEqual([
      {
        field: '.receipt',
        id: f.receipt.id,
        name: '签收单.png',
        type: 'image/png',
        size: PNG.length,
      },
      {
        field: '.photos.0',
        id: f.photo.id,
        name: 'casing.jpg',
        type: 'image/jpeg',
        size: JPEG.length,
      },
    ]);
  });

  it('words the refusal in English for an English reader', async () => {
    const f = await setUp(await openStore());
    const refused = await f.t.call('POST', `/api/companies/demo/cases/${f.caseId}/actions`, {
      token: f.registrar,
      headers: { 'accept-language': 'en' },
      body: {
        transition: 'register',
        data: { investigatingDepartment: 'quality', receipt: f.othersReceipt.id },
      },
    });
    expect(refused.body.error).toMatchObject({
      code: 'stage_form_attachment_invalid',
      message: 'The form’s attachments must be files uploaded to this case',
      fieldErrors: [
        {
          property: '.receipt',
          message: 'Signed receipt is not a file of this case; upload it again',
        },
      ],
    });
  });
}

describe('stage form attachments (memory store)', () => {
  stageFormAttachmentTests(async () => createMemoryStore());
});

describe('stage form attachments (embedded store)', () => {
  const embedded = embeddedStores('kesu-stage-files-');
  stageFormAttachmentTests(async () => embedded.open(await embedded.tempDir()));
});

const skipReason = postgresSkipReason();
describe.skipIf(skipReason !== undefined)(
  `stage form attachments (PostgreSQL) ${skipReason ?? ''}`.trim(),
  () => {
    const cluster = postgresForTests();
    stageFormAttachmentTests(async () => cluster.open(await cluster.newDatabase()));
  },
);
