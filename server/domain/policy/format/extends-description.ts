/** What editors show for a policy's `extends`: how a document carrying only overrides is read. */
export const EXTENDS_DESCRIPTION = [
  'This document extends a template and carries only its overrides; it is checked, tested and',
  'published as the policy they resolve to (the required parts then come from the template).',
  'Overrides: an object merges key by key, and {"$remove": true} as a value removes the key;',
  'lists of items with a key merge item by item — workflow.transitions, approvals.rows,',
  'durationTables.*.rows, ruleSets and assessment by id, ruleSets.*.rules by name, a clock’s',
  'warnings and escalations by level, a calendar’s workingHours by effectiveFrom and its',
  'holidays and makeUpWorkdays by date, examples by id — with {"<key>": …, "$remove": true}',
  'removing an item and new keys appended; guards, conditions, events, `when`, durations and',
  'whole examples are replaced; every other value (text, number, other lists) replaces.',
].join(' ');
