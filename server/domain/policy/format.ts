/**
 * The policy format: one document per company policy. `schemas/policy.schema.json` describes the
 * same shape for editors and for the check; these types are what the domain reads.
 */

/** A label in the languages Kesu speaks; zh-CN is required, en is optional. */
export type Label = { 'zh-CN': string; en?: string };

export type Lang = 'zh-CN' | 'en';

/** A JSON Schema (draft-07) as plain data. */
export type JsonSchema = Record<string, unknown>;

/** The json-rules-engine condition format (`all` / `any` / `not` / `condition`, or a leaf). */
export type RuleCondition = Record<string, unknown>;

/** A form: JSON Schema + uiSchema for rjsf, and labels for its title. */
export type FormDefinition = {
  title: Label;
  description?: Label;
  schema: JsonSchema;
  uiSchema?: Record<string, unknown>;
  /** Translations of field titles and messages, keyed by rjsf property path (".customer.name"). */
  i18n?: { en?: Record<string, string> };
};

/** Who may set a category dimension's value. */
export type CategorySetter = 'form' | 'rule' | 'staff';

export type CategoryDimension = {
  label: Label;
  values: Record<string, { label: Label; description?: Label }>;
  setBy: CategorySetter[];
  /** Intake field (rjsf path without the leading dot, e.g. "channel") that sets the value. */
  field?: string;
  default?: string;
  /** Values in escalation order, lowest first (used by "raiseSeverity"). */
  order?: string[];
};

export type RoleDefinition = {
  label: Label;
  /**
   * 核决权限: this role may approve remedies below this amount (bands are [min, max) too, so a
   * band up to 1,000 fits a limit of 1,000); absent = no limit.
   */
  authorityLimit?: number;
  department?: string;
};

/** How a case ended: closed normally, abnormally (非正常结案), as invalid, or withdrawn by the complainant. */
export type TerminalKind = 'closed' | 'abnormal' | 'invalid' | 'withdrawn';

export type StateDefinition = {
  label: Label;
  terminal?: TerminalKind;
};

/**
 * What a transition does besides moving the case: propose a remedy (starts an approval chain),
 * approve or reject within it, reply to the customer (only once approvals are in), record the
 * customer's answer (a rejection reopens the case with the decision attached), follow up, reclassify.
 */
export type TransitionEffect =
  | 'proposeRemedy'
  | 'approve'
  | 'rejectApproval'
  | 'reply'
  | 'customerAccept'
  | 'customerReject'
  | 'followUp'
  | 'reclassify'
  | 'assign';

export type Transition = {
  id: string;
  label: Label;
  from: string[];
  /** The state the case moves to; absent = it stays where it is (e.g. reclassify, assign). */
  to?: string;
  roles: string[];
  /** The stage form that must be submitted (and valid) with this action. */
  form?: string;
  /** Conditions over the case facts that must hold (json-rules-engine condition format). */
  guard?: RuleCondition;
  effect?: TransitionEffect;
  /** For "reply": refuse until every approval of the current remedy is in. */
  requiresApprovals?: boolean;
};

export type Workflow = {
  initial: string;
  states: Record<string, StateDefinition>;
  transitions: Transition[];
};

/** Category conditions of a table row: dimension → accepted values. */
export type CategoryMatch = Record<string, string[]>;

/** One row of the approval matrix (核决权限表): [min, max) yuan and categories → approver chain. */
/**
 * The chain's steps sign off in order; the amount must lie within the authority of the chain's last
 * role (the check enforces it), while the roles before it review rather than grant.
 */
export type ApprovalRow = {
  id: string;
  when?: CategoryMatch;
  min: number;
  /** Exclusive upper bound; absent = no upper bound. */
  max?: number;
  chain: string[];
  note?: Label;
};

export type ApprovalMatrix = {
  currency: string;
  rows: ApprovalRow[];
};

export type DurationUnit =
  'minutes' | 'hours' | 'days' | 'workingMinutes' | 'workingHours' | 'workingDays';

export type Duration = { amount: number; unit: DurationUnit };

/** A clock's duration: fixed, or looked up in a duration table by the case's categories. */
export type ClockDuration = Duration | { table: string };

export type DurationTable = {
  label?: Label;
  rows: { id: string; when: CategoryMatch; duration: Duration }[];
  default?: Duration;
};

/** When a clock starts, stops or pauses: on case opening, on a transition, on entering a state. */
export type ClockTrigger =
  { event: 'caseOpened' } | { transition: string } | { enterState: string };

export type EscalationAction =
  | { type: 'remind'; message?: Label }
  | { type: 'notify'; role: string; message?: Label }
  | { type: 'raiseSeverity'; dimension: string; to?: string }
  | { type: 'reassign'; role: string };

export type ClockLevel = {
  level: number;
  /** Fraction of the duration elapsed (0.75) or, for escalations, time past due. */
  atFraction?: number;
  after?: Duration;
  actions: EscalationAction[];
};

export type ClockDefinition = {
  label: Label;
  calendar: string;
  duration: ClockDuration;
  /** What starts the clock; may be empty when only rules start it (startClock). */
  start: ClockTrigger[];
  stop: ClockTrigger[];
  /** States during which the clock does not run. */
  pauseIn?: string[];
  warnings?: ClockLevel[];
  escalations?: ClockLevel[];
};

export type TimeRange = [string, string];

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Working hours per weekday ("08:30"–"12:00"), effective from a date. */
export type WorkingHours = {
  effectiveFrom: string;
  week: Partial<Record<Weekday, TimeRange[]>>;
  /** Hours on a make-up working day (调休上班); defaults to Monday's. */
  makeUpDay?: TimeRange[];
};

export type CalendarDay = { date: string; name: Label };

/** A business calendar: time zone, working hours with breaks, holidays and make-up working days (调休). */
export type CalendarDefinition = {
  label: Label;
  timeZone: string;
  workingHours: WorkingHours[];
  holidays: CalendarDay[];
  makeUpWorkdays: CalendarDay[];
  /** The dates the holiday data covers; outside it only the weekly hours apply. */
  coverage?: { from: string; to: string };
};

export type TokenMeaning = 'year' | 'month' | 'day' | 'serial';

/** Case numbering, e.g. YYMMCC (serial restarting monthly) or AABBCCDDD. */
export type Numbering = {
  pattern: string;
  /** Letter → meaning; default Y=year, M=month, D=day, C=serial. Other characters, and text in
   * [brackets], are literal. */
  tokens?: Record<string, TokenMeaning>;
  reset: 'never' | 'year' | 'month' | 'day';
};

export const ACTION_TYPES = [
  'setCategory',
  'assign',
  'requireApproval',
  'startClock',
  'stopClock',
  'pauseClock',
  'resumeClock',
  'notify',
  'flag',
  'setField',
] as const;

/** The closed list of actions a rule's event may take. */
export type ActionType = (typeof ACTION_TYPES)[number];

export type RuleAction =
  | { type: 'setCategory'; params: { dimension: string; value: string } }
  | { type: 'assign'; params: { role?: string; department?: string } }
  | { type: 'requireApproval'; params: { role: string } }
  | { type: 'startClock'; params: { clock: string } }
  | { type: 'stopClock'; params: { clock: string } }
  | { type: 'pauseClock'; params: { clock: string } }
  | { type: 'resumeClock'; params: { clock: string } }
  | { type: 'notify'; params: { role: string; message?: Label } }
  | { type: 'flag'; params: { flag: string; message?: Label } }
  | { type: 'setField'; params: { field: string; value: unknown } };

/** A json-rules-engine rule whose event is one of our typed actions. */
export type PolicyRule = {
  name: string;
  priority?: number;
  conditions: RuleCondition;
  event: RuleAction;
  description?: Label;
};

export type RuleSet = {
  id: string;
  label?: Label;
  description?: Label;
  /** Evaluated on case opening ("intake"), or after any action ("always"). */
  on?: 'intake' | 'always';
  rules: PolicyRule[];
};

/** A penalty or assessment rule: per person per month, count of valid complaints → consequence. */
export type AssessmentRule = {
  id: string;
  label: Label;
  period: 'month' | 'year';
  minCount: number;
  maxCount?: number;
  consequence: Label;
  penaltyAmount?: number;
};

export type ExampleActor = { user: string; roles: string[] };

export type ExampleStep = {
  at: string;
  actor: ExampleActor;
  transition: string;
  data?: Record<string, unknown>;
};

/** What an example must produce; every key given is compared, the rest is ignored. */
export type ExampleExpectation = {
  state?: string;
  categories?: Record<string, string>;
  /** Actions (type + params subset) that must be among the decisions. */
  decisions?: { type: ActionType; params?: Record<string, unknown> }[];
  approverChain?: string[];
  /** Clock id → due time (ISO with offset). */
  due?: Record<string, string>;
  number?: string;
  /** The coded error the last step must fail with. */
  error?: string;
  flags?: string[];
  /** Flags that must not have been raised. */
  absentFlags?: string[];
  /** Roles that must have been notified, by a rule or by a clock's warning or escalation. */
  notified?: string[];
};

export type PolicyExample = {
  id: string;
  title: Label;
  receivedAt: string;
  intake: Record<string, unknown>;
  /** Serial already used in the period before this case (default 0). */
  previousSerial?: number;
  steps?: ExampleStep[];
  /** The moment at which clocks and warnings are read (default: the last step's time). */
  at?: string;
  expect: ExampleExpectation;
};

export type SourceReference = { seed: string; section: string; parts: string[] };

export type Policy = {
  id: string;
  title: Label;
  description?: Label;
  sources?: SourceReference[];
  timeZone: string;
  roles: Record<string, RoleDefinition>;
  departments?: Record<string, { label: Label }>;
  forms: Record<string, FormDefinition> & { intake: FormDefinition };
  categories: Record<string, CategoryDimension>;
  workflow: Workflow;
  approvals: ApprovalMatrix & {
    /** Where the remedy amount is read from in the proposal form (dotted path). */
    amountField: string;
    /** The amount the customer asks for in the intake form, for an early preview of the chain. */
    intakeAmountField?: string;
  };
  durationTables?: Record<string, DurationTable>;
  clocks: Record<string, ClockDefinition>;
  calendars: Record<string, CalendarDefinition>;
  numbering: Numbering;
  ruleSets: RuleSet[];
  assessment?: AssessmentRule[];
  confidentiality?: Confidentiality;
  examples: PolicyExample[];
};

/** Complainant data only some roles may read in full; everyone else sees it masked (lists, cases, exports). */
export type Confidentiality = {
  /** Dotted intake paths ("customer.phone"). */
  fields: string[];
  /** Roles that see the fields unmasked. */
  roles: string[];
};
