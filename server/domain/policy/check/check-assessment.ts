/**
 * Policy checks of assessment rules: a count rule has its range, a measure rule its thresholds, each
 * with only the fields its kind reads, thresholds that leave some value, rates between 0 and 1.
 */
import type { ProblemSink } from './check-sink.ts';
import type { AssessmentRule, Policy } from '../format.ts';

type Threshold = 'above' | 'atLeast' | 'below' | 'atMost';
const LOWER: Threshold[] = ['above', 'atLeast'];
const UPPER: Threshold[] = ['below', 'atMost'];
const MEASURE_ONLY = ['per', 'clock', ...LOWER, ...UPPER] as const;
const CLOCK_MEASURES = new Set(['lateCases', 'timelyRate']);
const RATE_MEASURES = new Set(['timelyRate', 'closureRate']);

/** Checks every assessment rule; ids are unique. */
export function checkAssessment(policy: Policy, sink: ProblemSink): void {
  const ids = new Set<string>();
  (policy.assessment ?? []).forEach((rule, index) => {
    const at = ['assessment', index];
    if (ids.has(rule.id)) sink.add([...at, 'id'], 'duplicate_id', { id: rule.id });
    ids.add(rule.id);
    if (rule.measure === undefined) checkCountRule(rule, at, sink);
    else checkMeasureRule(policy, rule, at, sink);
  });
}

function checkCountRule(rule: AssessmentRule, at: (string | number)[], sink: ProblemSink): void {
  if (rule.minCount === undefined)
    sink.add([...at, 'minCount'], 'assessment_count_missing', { rule: rule.id });
  for (const field of MEASURE_ONLY)
    if (rule[field] !== undefined)
      sink.add([...at, field], 'assessment_field_not_allowed', { rule: rule.id, field });
  if (rule.minCount !== undefined && rule.maxCount !== undefined && rule.maxCount < rule.minCount)
    sink.add([...at, 'maxCount'], 'assessment_range_empty', {
      rule: rule.id,
      from: `minCount ${rule.minCount}`,
      to: `maxCount ${rule.maxCount}`,
    });
}

function checkMeasureRule(
  policy: Policy,
  rule: AssessmentRule,
  at: (string | number)[],
  sink: ProblemSink,
): void {
  const measure = rule.measure ?? '';
  for (const field of ['minCount', 'maxCount'] as const)
    if (rule[field] !== undefined)
      sink.add([...at, field], 'assessment_field_not_allowed', { rule: rule.id, field, measure });
  if (rule.clock !== undefined) {
    if (!CLOCK_MEASURES.has(measure))
      sink.add([...at, 'clock'], 'assessment_field_not_allowed', {
        rule: rule.id,
        field: 'clock',
        measure,
      });
    else if (!policy.clocks[rule.clock])
      sink.add([...at, 'clock'], 'unknown_clock', { clock: rule.clock });
  }
  const set = [...LOWER, ...UPPER].filter((field) => rule[field] !== undefined);
  if (set.length === 0)
    sink.add([...at, 'measure'], 'assessment_threshold_missing', { rule: rule.id, measure });
  for (const side of [LOWER, UPPER])
    if (side.every((field) => rule[field] !== undefined))
      sink.add([...at, side[1]!], 'assessment_threshold_twice', { rule: rule.id, fields: side });
  if (RATE_MEASURES.has(measure))
    for (const field of set) {
      const value = rule[field]!;
      if (value < 0 || value > 1)
        sink.add([...at, field], 'assessment_rate_range', { rule: rule.id, field, value });
    }
  checkThresholdsMeet(rule, at, sink);
}

/** A lower and an upper threshold that no value satisfies (above 5 and below 3). */
function checkThresholdsMeet(
  rule: AssessmentRule,
  at: (string | number)[],
  sink: ProblemSink,
): void {
  const lower = LOWER.find((field) => rule[field] !== undefined);
  const upper = UPPER.find((field) => rule[field] !== undefined);
  if (!lower || !upper) return;
  const low = rule[lower]!;
  const high = rule[upper]!;
  const inclusive = lower === 'atLeast' && upper === 'atMost';
  if (inclusive ? low > high : low >= high)
    sink.add([...at, upper], 'assessment_range_empty', {
      rule: rule.id,
      from: `${lower} ${low}`,
      to: `${upper} ${high}`,
    });
}
