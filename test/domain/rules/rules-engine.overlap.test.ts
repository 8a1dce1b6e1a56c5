/**
 * Overlapping runs: a server evaluates many cases at once, so runRules must give each run the
 * answer it would get alone. It does because every run has its own Engine.
 */
import { Engine } from 'json-rules-engine';
import type { RuleProperties } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../../server/domain/rules/rules-engine.ts';
import type { RuleEvent, RuleJson } from '../../../server/domain/rules/rules-engine.ts';

const RUNS = 2_000;

type Facts = { amount: number; channel: string; categories: Record<string, string> };

// The conditions of "big-phone-case" sit at four condition priorities, which json-rules-engine
// evaluates one after another; a run that fails the first one finishes a few ticks earlier than
// a run that passes them all. That stagger is what real traffic has and what exposes sharing.
const RULES: RuleJson[] = [
  {
    name: 'big-phone-case',
    priority: 10,
    conditions: {
      all: [
        { fact: 'amount', operator: 'greaterThanInclusive', value: 1000, priority: 4 },
        { fact: 'amount', operator: 'lessThan', value: 100_000, priority: 3 },
        { fact: 'channel', operator: 'in', value: ['phone', 'web'], priority: 2 },
        { fact: 'channel', operator: 'equal', value: 'phone', priority: 1 },
      ],
    },
    event: { type: 'setCategory', params: { dimension: 'severity', value: 'major' } },
  },
  {
    name: 'major-notifies-manager',
    priority: 5,
    conditions: {
      all: [{ fact: 'categories', path: '$.severity', operator: 'equal', value: 'major' }],
    },
    event: { type: 'notify', params: { role: 'manager' } },
  },
  {
    name: 'phone-is-flagged',
    priority: 1,
    conditions: { all: [{ fact: 'channel', operator: 'equal', value: 'phone' }] },
    event: { type: 'flag', params: { flag: 'phone' } },
  },
];

function factsFor(index: number): Facts {
  return {
    amount: (index * 37) % 2000,
    channel: index % 3 === 0 ? 'phone' : 'web',
    categories: {},
  };
}

/** The event types a run over these facts must produce, worked out by hand. */
function expectedEvents(facts: Facts): string[] {
  const major = facts.amount >= 1000 && facts.channel === 'phone';
  return [
    ...(major ? ['setCategory', 'notify'] : []),
    ...(facts.channel === 'phone' ? ['flag'] : []),
  ];
}

/** The chaining hook: a setCategory event becomes part of the categories fact for later rules. */
function categoriesAfter(event: RuleEvent, categories: Record<string, string>) {
  const { dimension, value } = event.params ?? {};
  return { ...categories, [String(dimension)]: String(value) };
}

function countWrong(outcomes: { events: { type: string }[] }[]): number {
  return outcomes.filter((outcome, index) => {
    const actual = outcome.events.map((event) => event.type);
    return JSON.stringify(actual) !== JSON.stringify(expectedEvents(factsFor(index)));
  }).length;
}

describe('runRules under overlap', () => {
  it(`gives each of ${RUNS} overlapping runs its own correct result`, async () => {
    const outcomes = await Promise.all(
      Array.from({ length: RUNS }, (_, index) => {
        const facts = factsFor(index);
        return runRules({
          rules: RULES,
          facts,
          onSuccess: (event, _rule, setFact) => {
            if (event.type === 'setCategory') {
              setFact('categories', categoriesAfter(event, facts.categories));
            }
          },
        });
      }),
    );
    expect(countWrong(outcomes)).toBe(0);
    expect(outcomes.filter((outcome) => outcome.events.length === 3).length).toBeGreaterThan(0);
  });

  // Control: the failure the per-run Engine avoids. One shared Engine keeps a single running flag;
  // the first run to finish marks it finished and every run still between priority levels
  // silently skips the rest of its rules. Deterministic here (333 of 2,000 wrong on
  // json-rules-engine 7.3.1): the promise scheduling does not depend on timing.
  it('(control) one shared Engine really does go wrong under the same overlap', async () => {
    const shared = new Engine(RULES as RuleProperties[]);
    shared.on('success', (event, almanac) => {
      if (event.type === 'setCategory') {
        almanac.addRuntimeFact('categories', categoriesAfter(event, {}));
      }
    });
    const outcomes = await Promise.all(
      Array.from({ length: RUNS }, (_, index) => shared.run(factsFor(index))),
    );
    expect(countWrong(outcomes)).toBeGreaterThan(0);
  });
});
