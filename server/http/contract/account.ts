/** What the API says of password sign-in, studio sessions and invitations. */
import type { PrincipalAnswer } from './user.ts';

/** The body of POST /session: a login name or e-mail, and the password. */
export type SignInBody = { login: string; password: string };

/** A sign-in (or an accepted invitation): the caller, and when the session ends at the latest. */
export type SignedInAnswer = { me: PrincipalAnswer; expiresAt: string };

/** The body of POST /users/:user/invitation: the user's login name and, if any, e-mail. */
export type InviteBody = { login: string; email?: string };

/**
 * An invitation link just made: `path` (#/invitation/<secret>, to put after the studio's address)
 * is shown this once; only its hash is kept.
 */
export type InvitationAnswer = { path: string; login: string; expiresAt: string };

/** The body of POST /invitations/open: the link's secret. */
export type OpenInvitationBody = { secret: string };

/** Whom a link is for, while it can be used. */
export type OpenedInvitationAnswer = { login: string; name: string; expiresAt: string };

/** The body of POST /invitations/accept: the link's secret and the new password. */
export type AcceptInvitationBody = { secret: string; password: string };
