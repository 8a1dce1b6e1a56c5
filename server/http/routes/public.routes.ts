/**
 * The public complaint form's routes (no sign-in, no cookie read: a staff member's session gives
 * them nothing more): the form, filing a complaint, its follow link, files added with the link.
 */
import { Hono } from 'hono';
import { filePublicComplaint, readPublicForm } from '../../app/public/public-complaints.ts';
import {
  addPublicAttachment,
  followComplaint,
  publicUploadLimits,
} from '../../app/public/public-follow.ts';
import { langOf } from '../messages/lang-of.ts';
import {
  HONEYPOT_FIELD,
  presentFiledComplaint,
  presentPublicForm,
} from '../presenters/public-presenter.ts';
import { objectField, optionalString, readBody, type Env } from '../request.ts';
import { clientAddress } from '../session-cookie.ts';
import { attachmentName, readUpload } from './attachment-body.ts';

/** Mounted at /api/public/:company */
export function publicRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.get('/form', async (c) => {
    const lang = langOf(c.req.header('accept-language'));
    const form = await readPublicForm(c.get('deps'), c.req.param('company') as string);
    return c.json(presentPublicForm(form, lang));
  });
  routes.post('/complaints', async (c) => {
    const lang = langOf(c.req.header('accept-language'));
    const company = c.req.param('company') as string;
    const body = await readBody(c, ['intake', HONEYPOT_FIELD]);
    const filed = await filePublicComplaint(c.get('deps'), {
      companyId: company,
      intake: objectField(body, 'intake', true, lang) ?? {},
      honeypot: optionalString(body, HONEYPOT_FIELD) ?? '',
      address: clientAddress(c),
      lang,
    });
    return c.json(presentFiledComplaint(company, filed), 201);
  });
  routes.get('/complaints/:token', async (c) => {
    const lang = langOf(c.req.header('accept-language'));
    const company = c.req.param('company') as string;
    const view = await followComplaint(c.get('deps'), company, c.req.param('token'), lang);
    c.header('cache-control', 'no-store');
    return c.json(view);
  });
  routes.post('/complaints/:token/attachments', async (c) => {
    const [company, token] = [c.req.param('company') as string, c.req.param('token')];
    // A wrong token or a closed window is refused before the body is read.
    const { limits } = await publicUploadLimits(c.get('deps'), company, token);
    const name = attachmentName(c);
    const bytes = await readUpload(c, limits.maxBytes);
    const added = await addPublicAttachment(c.get('deps'), company, token, { name, bytes });
    return c.json({ name: added.name, type: added.type, size: added.size }, 201);
  });
  return routes;
}
