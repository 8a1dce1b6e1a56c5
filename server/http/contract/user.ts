/** What the API says of people: the caller, a company's users, consultants, API tokens. */

/** The caller (GET /me). */
export type PrincipalAnswer = {
  userId: string;
  name: string;
  platformRole?: 'platformAdmin' | 'consultant';
  companyId?: string;
  companies?: string[];
  roles: string[];
};

/** A user of a company, or a consultant, as the API answers it. */
export type UserAnswer = {
  id: string;
  name: string;
  /** The company the user belongs to; absent for platform staff. */
  companyId?: string;
  roles: string[];
  platformRole?: 'platformAdmin' | 'consultant';
  /** Companies a consultant may work on. */
  companies?: string[];
  department?: string;
  email?: string;
  createdAt: string;
  /** The login name they sign in with, once invited (never the password or its hash). */
  login?: string;
  /** Whether they have set a password (from an invitation link). */
  hasPassword?: boolean;
};

/** The body of POST /companies/:company/users. */
export type CreateUserBody = {
  name: string;
  roles: string[];
  department?: string;
  /** Where e-mail notifications go. */
  email?: string;
};

/** The body of POST /consultants. */
export type CreateConsultantBody = { name: string; companies: string[] };

/** An API token as listed: never its secret nor the hash it is kept as. */
export type TokenAnswer = {
  id: string;
  userId: string;
  label?: string;
  createdAt: string;
  revokedAt?: string;
};

/** A token just issued: its secret, shown this once. */
export type IssuedTokenAnswer = { token: string; id: string };

/** The body of POST /users/:user/tokens. */
export type IssueTokenBody = { label?: string };
