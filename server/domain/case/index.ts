/** A case's life: opening it from an intake form, applying actions and decisions, its facts, masking and explanation. */
export * from './case.ts';
export * from './open-case.ts';
export * from './apply-action.ts';
export * from './action-choices.ts';
export * from './apply-decisions.ts';
export * from './transition-effects.ts';
export * from './case-facts.ts';
export * from './mask.ts';
export * from './explain-case.ts';
export * from './raised-notifications.ts';
