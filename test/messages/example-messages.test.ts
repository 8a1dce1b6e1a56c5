import { describe, expect, it } from 'vitest';
import type { ExampleFailure } from '../../server/domain/examples/example-failure.ts';
import { exampleFailureMessage } from '../../server/messages/example-messages.ts';

// The studio reads these sentences and words them in the reader's language, so they stay as they are.
describe('an example failure in words', () => {
  it.each<[string, ExampleFailure, string]>([
    [
      'a category that differs',
      {
        code: 'value_differs',
        params: { what: 'category', dimension: 'severity', expected: 'major', actual: null },
      },
      'category severity: expected "major", got null',
    ],
    [
      'a number that differs',
      { code: 'value_differs', params: { what: 'number', expected: 'A1', actual: 'A2' } },
      'number: expected "A1", got "A2"',
    ],
    [
      'a decision not made',
      { code: 'decision_not_made', params: { decision: { type: 'flag', params: { flag: 'x' } } } },
      'decision {"type":"flag","params":{"flag":"x"}} was not made',
    ],
    [
      'a clock never started',
      { code: 'clock_not_started', params: { clock: 'reply' } },
      'clock reply was not started',
    ],
    [
      'a clock due at another time',
      {
        code: 'due_differs',
        params: { clock: 'reply', expected: '2026-01-02T09:00', actual: '2026-01-03T09:00' },
      },
      'clock reply due: expected 2026-01-02T09:00, got 2026-01-03T09:00',
    ],
    [
      'a step that failed',
      { code: 'step_failed', params: { step: 2, code: 'forbidden', message: '无权执行' } },
      'step 2: forbidden: 无权执行',
    ],
    [
      'an error that never came',
      { code: 'error_expected', params: { error: 'forbidden' } },
      'expected error forbidden, but every step succeeded',
    ],
  ])('%s', (_description, failure, sentence) => {
    expect(exampleFailureMessage(failure)).toBe(sentence);
  });
});
