/** Clock edits on a draft: a new clock, the rule that starts it for a category value, levels, triggers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../studio/src/api/types.ts';
import {
  addClock,
  addLevel,
  CLOCK_START_SET,
  isNewClockId,
  removeLevel,
  startCondition,
  triggerKey,
  triggerOf,
} from '../../../studio/src/pages/policy/clock-edits.ts';

const policy = () =>
  JSON.parse(
    readFileSync(join(process.cwd(), 'rulesets/manufacturing-quality/policy.json'), 'utf8'),
  ) as Policy;

const spec = {
  label: { 'zh-CN': '媒体回应' },
  duration: { amount: 2, unit: 'workingHours' as const },
  calendar: 'cnFactory',
};

describe('clock edits', () => {
  it('starts a clock on case opening without a rule', () => {
    const draft = policy();
    addClock(draft, 'media', { ...spec, start: { opened: true } });
    expect(draft.clocks.media?.start).toEqual([{ event: 'caseOpened' }]);
    expect(draft.ruleSets ?? []).toEqual([]);
  });

  it('starts a clock for one category value by an intake rule in a last rule set, rewritten not repeated', () => {
    const draft = policy();
    draft.ruleSets = [{ id: 'routing', rules: [] }];
    addClock(draft, 'media', { ...spec, start: { dimension: 'channel', value: 'email' } });
    draft.ruleSets.push({ id: 'addedSince', rules: [] });
    addClock(draft, 'other', { ...spec, start: { dimension: 'channel', value: 'fax' } });
    expect(draft.ruleSets.map((s) => s.id)).toEqual(['routing', 'addedSince', CLOCK_START_SET]);
    expect(draft.ruleSets.at(-1)!.rules.map((r) => r.name)).toEqual(['start_media', 'start_other']);
    expect(draft.clocks.media?.start).toEqual([]);
    const set = draft.ruleSets.at(-1)!;
    expect(set.id).toBe(CLOCK_START_SET);
    expect(set.on).toBeUndefined();
    expect(set.rules[0]).toEqual({
      name: 'start_media',
      description: {
        'zh-CN': '反映方式为「电子邮件」的案件立案时，开始计时「媒体回应」',
        en: 'Starts “媒体回应” when a case with Channel “E-mail” is opened',
      },
      conditions: {
        all: [{ fact: 'categories', path: '$.channel', operator: 'equal', value: 'email' }],
      },
      event: { type: 'startClock', params: { clock: 'media' } },
    });
    expect(startCondition(draft, 'other')).toEqual({ dimension: 'channel', value: 'fax' });
    expect(startCondition(draft, 'registration')).toBeUndefined();
    expect(isNewClockId(draft, 'media')).toBe(false);
    expect(isNewClockId(draft, '2fast')).toBe(false);
    expect(isNewClockId(draft, 'fresh_1')).toBe(true);
  });

  it.each([
    ['opened', { event: 'caseOpened' }],
    ['transition:reply', { transition: 'reply' }],
    ['state:closed', { enterState: 'closed' }],
  ])('reads the trigger key %s both ways', (key, trigger) => {
    expect(triggerOf(key)).toEqual(trigger);
    expect(triggerKey(triggerOf(key))).toBe(key);
  });

  it('numbers new levels on from the highest, and drops an emptied kind', () => {
    const clock = policy().clocks.registration!;
    addLevel(clock, 'escalations');
    expect(clock.escalations?.map((l) => l.level)).toEqual([1, 2, 3]);
    addLevel(clock, 'warnings');
    expect(clock.warnings).toEqual([{ level: 1, atFraction: 0.75, actions: [{ type: 'remind' }] }]);
    removeLevel(clock, 'warnings', 0);
    expect(clock.warnings).toBeUndefined();
  });
});
