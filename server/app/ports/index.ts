/** The ports the use cases load and save through, and the dependencies they are given. */
export * from './ports.ts';
export * from './deps.ts';
export * from './outbox.ts';
export * from './audit-trail.ts';
