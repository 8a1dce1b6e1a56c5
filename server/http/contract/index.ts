/** The API's contract: the request and answer types of every route, shared by the server and the studio (types only). */
export type * from './common.ts';
export type * from './company.ts';
export type * from './user.ts';
export type * from './case.ts';
export type * from './import.ts';
export type * from './policy.ts';
export type * from './backtest.ts';
export type * from './report.ts';
export type * from './routes.ts';
export type * from './paths.ts';
export type * from './notification.ts';
export type * from './public.ts';
