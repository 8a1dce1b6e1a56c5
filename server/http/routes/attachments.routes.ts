/** Routes of a case's files: upload (raw body, name in a header), list, download. */
import { Hono } from 'hono';
import {
  addAttachment,
  attachmentLimitsFor,
  listAttachments,
  readAttachment,
} from '../../app/cases/attachments.ts';
import { presentAttachment } from '../presenters/index.ts';
import { requestContext, type Env } from '../request.ts';
import { attachmentName, downloadDisposition, readUpload } from './attachment-body.ts';

/** Mounted at /api/companies/:company/cases/:id/attachments */
export function attachmentRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.post('/', async (c) => {
    const context = await requestContext(c);
    const [company, id] = [c.req.param('company') as string, c.req.param('id') as string];
    // Outsiders and unknown cases get 404 before the body is read; the size limit applies while it is.
    const limits = await attachmentLimitsFor(c.get('deps'), context, company, id);
    const name = attachmentName(c);
    const bytes = await readUpload(c, limits.maxBytes);
    const added = await addAttachment(c.get('deps'), context, company, id, { name, bytes });
    return c.json(presentAttachment(added), 201);
  });
  routes.get('/', async (c) => {
    const context = await requestContext(c);
    const [company, id] = [c.req.param('company') as string, c.req.param('id') as string];
    const found = await listAttachments(c.get('deps'), context, company, id);
    return c.json({ items: found.map(presentAttachment) });
  });
  routes.get('/:attachment', async (c) => {
    const context = await requestContext(c);
    const [company, id] = [c.req.param('company') as string, c.req.param('id') as string];
    const { attachment, bytes } = await readAttachment(
      c.get('deps'),
      context,
      company,
      id,
      c.req.param('attachment'),
    );
    const type = attachment.type === 'text/plain' ? 'text/plain; charset=utf-8' : attachment.type;
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': type,
      'content-length': String(bytes.length),
      'content-disposition': downloadDisposition(attachment.name),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    });
  });
  return routes;
}
