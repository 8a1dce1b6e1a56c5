/** Approval chains (核决权限): who must approve a remedy of a given amount. */
export * from './approvals.ts';
