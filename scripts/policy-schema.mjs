// Writes schemas/policy.schema.json (npm run schema:policy). Kept as code so the repeated shapes
// are written once; a test checks that the committed file is up to date.
import { writeFileSync } from 'node:fs';

const ref = (name) => ({ $ref: `#/definitions/${name}` });
const id = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$' };
const map = (value, description) => ({
  type: 'object',
  ...(description ? { description } : {}),
  propertyNames: id,
  additionalProperties: value,
});
const obj = (properties, required = [], extra = {}) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
  ...extra,
});
const strings = { type: 'array', items: { type: 'string', minLength: 1 } };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const time = { type: 'string', pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' };
const instant = { type: 'string', format: 'date-time' };

const definitions = {
  label: obj({ 'zh-CN': { type: 'string', minLength: 1 }, en: { type: 'string' } }, ['zh-CN']),
  jsonSchema: { type: 'object', description: 'A JSON Schema (draft-07) for a form.' },
  condition: {
    type: 'object',
    description:
      'json-rules-engine conditions: all / any / not / condition, or a leaf {fact, operator, value, path?}.',
  },
  form: obj(
    {
      title: ref('label'),
      description: ref('label'),
      schema: ref('jsonSchema'),
      uiSchema: { type: 'object' },
      i18n: obj({ en: { type: 'object', additionalProperties: { type: 'string' } } }),
    },
    ['title', 'schema'],
  ),
  categoryMatch: map(
    { type: 'array', items: { type: 'string' }, minItems: 1 },
    'Category dimension → accepted values.',
  ),
  category: obj(
    {
      label: ref('label'),
      values: map(
        obj({ label: ref('label'), description: ref('label') }, ['label']),
        'Value id → label.',
      ),
      setBy: {
        type: 'array',
        items: { enum: ['form', 'rule', 'staff'] },
        minItems: 1,
        uniqueItems: true,
      },
      field: { type: 'string' },
      default: { type: 'string' },
      order: strings,
    },
    ['label', 'values', 'setBy'],
  ),
  role: obj(
    {
      label: ref('label'),
      authorityLimit: { type: 'number', minimum: 0 },
      department: { type: 'string' },
    },
    ['label'],
  ),
  state: obj(
    { label: ref('label'), terminal: { enum: ['closed', 'abnormal', 'invalid', 'withdrawn'] } },
    ['label'],
  ),
  transition: obj(
    {
      id,
      label: ref('label'),
      from: { ...strings, minItems: 1 },
      to: { type: 'string' },
      roles: { ...strings, minItems: 1 },
      form: { type: 'string' },
      guard: ref('condition'),
      effect: {
        enum: [
          'proposeRemedy',
          'approve',
          'rejectApproval',
          'reply',
          'customerAccept',
          'customerReject',
          'followUp',
          'reclassify',
          'assign',
        ],
      },
      requiresApprovals: { type: 'boolean' },
    },
    ['id', 'label', 'from', 'roles'],
  ),
  approvalRow: obj(
    {
      id,
      when: ref('categoryMatch'),
      min: { type: 'number', minimum: 0 },
      max: { type: 'number', exclusiveMinimum: 0 },
      chain: { ...strings, minItems: 1 },
      note: ref('label'),
    },
    ['id', 'min', 'chain'],
  ),
  duration: obj(
    {
      amount: { type: 'number', minimum: 0 },
      unit: { enum: ['minutes', 'hours', 'days', 'workingMinutes', 'workingHours', 'workingDays'] },
    },
    ['amount', 'unit'],
  ),
  trigger: {
    oneOf: [
      obj({ event: { const: 'caseOpened' } }, ['event']),
      obj({ transition: { type: 'string' } }, ['transition']),
      obj({ enterState: { type: 'string' } }, ['enterState']),
    ],
  },
  escalationAction: {
    oneOf: [
      obj({ type: { const: 'remind' }, message: ref('label') }, ['type']),
      obj({ type: { const: 'notify' }, role: { type: 'string' }, message: ref('label') }, [
        'type',
        'role',
      ]),
      obj(
        { type: { const: 'raiseSeverity' }, dimension: { type: 'string' }, to: { type: 'string' } },
        ['type', 'dimension'],
      ),
      obj({ type: { const: 'reassign' }, role: { type: 'string' } }, ['type', 'role']),
    ],
  },
  clockLevel: obj(
    {
      level: { type: 'integer', minimum: 1 },
      atFraction: { type: 'number', exclusiveMinimum: 0 },
      after: ref('duration'),
      actions: { type: 'array', items: ref('escalationAction') },
    },
    ['level', 'actions'],
  ),
  clock: obj(
    {
      label: ref('label'),
      calendar: { type: 'string' },
      duration: { oneOf: [ref('duration'), obj({ table: { type: 'string' } }, ['table'])] },
      start: { type: 'array', items: ref('trigger') },
      stop: { type: 'array', items: ref('trigger') },
      pauseIn: strings,
      warnings: { type: 'array', items: ref('clockLevel') },
      escalations: { type: 'array', items: ref('clockLevel') },
    },
    ['label', 'calendar', 'duration', 'start', 'stop'],
  ),
  durationTable: obj(
    {
      label: ref('label'),
      rows: {
        type: 'array',
        items: obj({ id, when: ref('categoryMatch'), duration: ref('duration') }, [
          'id',
          'when',
          'duration',
        ]),
      },
      default: ref('duration'),
    },
    ['rows'],
  ),
  calendarDay: obj({ date, name: ref('label') }, ['date', 'name']),
  ranges: { type: 'array', items: { type: 'array', items: time, minItems: 2, maxItems: 2 } },
  calendar: obj(
    {
      label: ref('label'),
      timeZone: { type: 'string', minLength: 1 },
      workingHours: {
        type: 'array',
        minItems: 1,
        items: obj(
          {
            effectiveFrom: date,
            week: obj(
              Object.fromEntries(
                ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ref('ranges')]),
              ),
            ),
            makeUpDay: ref('ranges'),
          },
          ['effectiveFrom', 'week'],
        ),
      },
      holidays: { type: 'array', items: ref('calendarDay') },
      makeUpWorkdays: { type: 'array', items: ref('calendarDay') },
      coverage: obj({ from: date, to: date }, ['from', 'to']),
    },
    ['label', 'timeZone', 'workingHours', 'holidays', 'makeUpWorkdays'],
  ),
  ruleEvent: obj({ type: { type: 'string' }, params: { type: 'object' } }, ['type']),
  rule: obj(
    {
      name: { type: 'string', minLength: 1 },
      priority: { type: 'integer', minimum: 1 },
      conditions: ref('condition'),
      event: ref('ruleEvent'),
      description: ref('label'),
    },
    ['name', 'conditions', 'event'],
  ),
  ruleSet: obj(
    {
      id,
      label: ref('label'),
      description: ref('label'),
      on: { enum: ['intake', 'always'] },
      rules: { type: 'array', items: ref('rule') },
    },
    ['id', 'rules'],
  ),
  assessment: obj(
    {
      id,
      label: ref('label'),
      period: { enum: ['month', 'year'] },
      minCount: { type: 'integer', minimum: 1 },
      maxCount: { type: 'integer', minimum: 1 },
      consequence: ref('label'),
      penaltyAmount: { type: 'number', minimum: 0 },
    },
    ['id', 'label', 'period', 'minCount', 'consequence'],
  ),
  actor: obj({ user: { type: 'string' }, roles: strings }, ['user', 'roles']),
  example: obj(
    {
      id,
      title: ref('label'),
      receivedAt: instant,
      intake: { type: 'object' },
      previousSerial: { type: 'integer', minimum: 0 },
      steps: {
        type: 'array',
        items: obj(
          {
            at: instant,
            actor: ref('actor'),
            transition: { type: 'string' },
            data: { type: 'object' },
          },
          ['at', 'actor', 'transition'],
        ),
      },
      at: instant,
      expect: obj({
        state: { type: 'string' },
        categories: { type: 'object', additionalProperties: { type: 'string' } },
        decisions: {
          type: 'array',
          items: obj({ type: { type: 'string' }, params: { type: 'object' } }, ['type']),
        },
        approverChain: strings,
        due: { type: 'object', additionalProperties: instant },
        number: { type: 'string' },
        error: { type: 'string' },
        flags: strings,
        absentFlags: strings,
        notified: strings,
      }),
    },
    ['id', 'title', 'receivedAt', 'intake', 'expect'],
  ),
};

/** The JSON Schema of the policy format. */
export const policySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://kesu.dev/schemas/policy.schema.json',
  title: 'Kesu policy',
  description:
    'One company complaint-handling policy: forms, categories, workflow, approval matrix (核决权限), clocks, calendars, numbering, rules and examples.',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    extends: obj(
      {
        template: {
          type: 'string',
          minLength: 1,
          description: 'The template id (kesu templates).',
        },
        version: {
          type: 'string',
          minLength: 1,
          description:
            "The template version extended: the template's `version`, else its content hash (h-…).",
        },
      },
      ['template', 'version'],
      {
        description: [
          'This document extends a template and carries only its overrides; it is checked, tested and',
          'published as the policy they resolve to (the required parts then come from the template).',
          'Overrides: an object merges key by key, and {"$remove": true} as a value removes the key;',
          'lists of items with a key merge item by item — workflow.transitions, approvals.rows,',
          'durationTables.*.rows, ruleSets and assessment by id, ruleSets.*.rules by name, a clock’s',
          'warnings and escalations by level, a calendar’s workingHours by effectiveFrom and its',
          'holidays and makeUpWorkdays by date, examples by id — with {"<key>": …, "$remove": true}',
          'removing an item and new keys appended; guards, conditions, events, `when`, durations and',
          'whole examples are replaced; every other value (text, number, other lists) replaces.',
        ].join(' '),
      },
    ),
    version: {
      type: 'string',
      description: 'A template’s version, named by policies that extend it.',
    },
    id,
    title: ref('label'),
    description: ref('label'),
    sources: {
      type: 'array',
      items: obj({ seed: { type: 'string' }, section: { type: 'string' }, parts: strings }, [
        'seed',
        'section',
        'parts',
      ]),
    },
    timeZone: { type: 'string' },
    roles: map(ref('role')),
    departments: map(obj({ label: ref('label') }, ['label'])),
    forms: { ...map(ref('form')), required: ['intake'] },
    categories: map(ref('category')),
    workflow: obj(
      {
        initial: { type: 'string' },
        states: map(ref('state')),
        transitions: { type: 'array', items: ref('transition') },
      },
      ['initial', 'states', 'transitions'],
    ),
    approvals: obj(
      {
        currency: { type: 'string', pattern: '^[A-Z]{3}$' },
        amountField: { type: 'string' },
        intakeAmountField: { type: 'string' },
        rows: { type: 'array', items: ref('approvalRow') },
      },
      ['currency', 'amountField', 'rows'],
    ),
    durationTables: map(ref('durationTable')),
    clocks: map(ref('clock')),
    calendars: map(ref('calendar')),
    numbering: obj(
      {
        pattern: { type: 'string', minLength: 1 },
        tokens: {
          type: 'object',
          additionalProperties: { enum: ['year', 'month', 'day', 'serial'] },
        },
        reset: { enum: ['never', 'year', 'month', 'day'] },
      },
      ['pattern', 'reset'],
    ),
    ruleSets: { type: 'array', items: ref('ruleSet') },
    assessment: { type: 'array', items: ref('assessment') },
    confidentiality: obj({ fields: strings, roles: strings }, ['fields', 'roles']),
    examples: { type: 'array', items: ref('example') },
  },
  required: [
    'id',
    'title',
    'timeZone',
    'roles',
    'forms',
    'categories',
    'workflow',
    'approvals',
    'clocks',
    'calendars',
    'numbering',
    'ruleSets',
    'examples',
  ],
  additionalProperties: false,
  definitions,
};

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const file = new URL('../schemas/policy.schema.json', import.meta.url);
  writeFileSync(file, JSON.stringify(policySchema, null, 2) + '\n');
}
