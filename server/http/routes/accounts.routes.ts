/** Routes: password sign-in and sign-out (the studio's session cookie), invitations and resets. */
import { Hono, type Context } from 'hono';
import {
  acceptInvitation,
  describeInvitation,
  inviteUser,
  resetPassword,
} from '../../app/accounts/invitations.ts';
import { endSession } from '../../app/accounts/sessions.ts';
import { signIn, type SignedIn } from '../../app/accounts/sign-in.ts';
import type {
  InvitationAnswer,
  OpenedInvitationAnswer,
  SignedInAnswer,
} from '../contract/account.ts';
import { presentPrincipal } from '../presenters/index.ts';
import { optionalString, readBody, requestContext, requiredString, type Env } from '../request.ts';
import {
  clearSessionCookie,
  clientAddress,
  sessionSecret,
  setSessionCookie,
} from '../session-cookie.ts';

/** Sets the cookie of a new session and answers who signed in. */
function signedIn(c: Context<Env>, result: SignedIn) {
  setSessionCookie(c, result.secret, result.expiresAt);
  const answer: SignedInAnswer = {
    me: presentPrincipal(result.principal),
    expiresAt: result.expiresAt,
  };
  return c.json(answer);
}

const linkOf = (issued: { secret: string; login: string; expiresAt: string }) =>
  ({
    path: `/#/invitation/${issued.secret}`,
    login: issued.login,
    expiresAt: issued.expiresAt,
  }) satisfies InvitationAnswer;

/** /api/session, /api/users/:user/invitation, /api/users/:user/password-reset, /api/invitations/… */
export function accountRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.post('/session', async (c) => {
    const body = await readBody(c, ['login', 'password']);
    const input = {
      login: requiredString(body, 'login'),
      password: requiredString(body, 'password'),
      address: clientAddress(c),
    };
    return signedIn(c, await signIn(c.get('deps'), input));
  });
  routes.delete('/session', async (c) => {
    const secret = sessionSecret(c);
    if (secret) await endSession(c.get('deps'), secret);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  routes.post('/users/:user/invitation', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['login', 'email']);
    const email = optionalString(body, 'email');
    const input = { login: requiredString(body, 'login'), ...(email ? { email } : {}) };
    const issued = await inviteUser(c.get('deps'), context, c.req.param('user'), input);
    return c.json(linkOf(issued), 201);
  });
  routes.post('/users/:user/password-reset', async (c) => {
    const context = await requestContext(c);
    await readBody(c, []);
    const issued = await resetPassword(c.get('deps'), context, c.req.param('user'));
    return c.json(linkOf(issued), 201);
  });
  routes.post('/invitations/open', async (c) => {
    const body = await readBody(c, ['secret']);
    const opened = await describeInvitation(c.get('deps'), requiredString(body, 'secret'));
    return c.json(opened satisfies OpenedInvitationAnswer);
  });
  routes.post('/invitations/accept', async (c) => {
    const body = await readBody(c, ['secret', 'password']);
    const input = {
      secret: requiredString(body, 'secret'),
      password: requiredString(body, 'password'),
    };
    return signedIn(c, await acceptInvitation(c.get('deps'), input));
  });
  return routes;
}
