import { describe, expect, it } from 'vitest';
import { needsBody, recordedCase } from '../../../server/app/policies/backtest-record.ts';
import { trailOf } from '../../../server/app/ports/audit-trail.ts';
import type { RecordedStep } from '../../../server/domain/backtest/replay-case.ts';
import { walkHappyPath } from '../../support/happy-path.ts';
import { loadCheckedPolicy } from '../../support/policies.ts';
import { buildTestApp } from '../../support/test-app.ts';

const policy = loadCheckedPolicy('rulesets/manufacturing-quality');

describe('a stored case’s history read back for a replay', () => {
  it('rebuilds the data and roles of entries written before they were kept, as the kept ones say', async () => {
    const t = await buildTestApp();
    const { id } = await walkHappyPath(t);
    const stored = (await t.deps.store.cases.get('demo', id))!;
    const entries = await t.deps.store.audit.forCase('demo', id);
    const users = new Map(
      (await t.deps.store.users.list('demo')).map((user) => [user.id, user.roles]),
    );
    const trail = trailOf(entries);
    expect(needsBody(trail)).toBe(false);
    const exact = recordedCase(stored, trail, policy, (user) => users.get(user))!;
    const older = trailOf(entries.map(({ input: _input, ...entry }) => entry));
    expect(needsBody(older)).toBe(true);
    const body = stored.case;
    expect(recordedCase(stored, older, policy, (user) => users.get(user), body)).toEqual(exact);
    // Without the users either: the roles the step allows (and the approval's role) stand in.
    const guessed = recordedCase(stored, older, policy, () => undefined, body)!;
    const transition = (a: RecordedStep) => ('transition' in a ? a.transition : a.category);
    expect(guessed.actions.map(transition)).toEqual(exact.actions.map(transition));
    const approve = guessed.actions.find((a) => 'transition' in a && a.transition === 'approve');
    expect(approve && 'actor' in approve ? approve.actor.roles : []).toEqual(['salesManager']);
    expect(exact.actions).toHaveLength(10);
  });

  it('skips sweep entries and starts from the intake', async () => {
    const t = await buildTestApp();
    const { id } = await walkHappyPath(t);
    const stored = (await t.deps.store.cases.get('demo', id))!;
    const entries = await t.deps.store.audit.forCase('demo', id);
    const sweep = { ...entries[1]!, id: 'sweep-1', action: 'sweep', by: 'system:sweep' };
    const { input: _input, ...swept } = sweep;
    const recorded = recordedCase(stored, trailOf([...entries, swept]), policy, () => []);
    expect(recorded?.actions).toHaveLength(10);
    expect(recordedCase(stored, trailOf(entries.slice(1)), policy, () => [])).toBeUndefined();
  });
});
