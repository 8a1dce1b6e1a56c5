/** Starts, stops, pauses and resumes a case's clocks as the policy's triggers say. */
import type { Applied } from '../case/apply-decisions.ts';
import type { Case, CaseEvent, ClockState } from '../case/case.ts';
import { pauseClock, resumeClock, startClock, stopClock } from './clocks.ts';
import type { ClockTrigger, Policy } from '../policy/format.ts';
import { withEntry } from '../records.ts';

/** What just happened to the case: it was opened, or a transition moved it into a state. */
export type ClockMoment =
  { caseOpened: true; state: string } | { transition: string; state: string };

function matches(triggers: ClockTrigger[], moment: ClockMoment): boolean {
  return triggers.some((trigger) => {
    if ('event' in trigger) return 'caseOpened' in moment;
    if ('transition' in trigger)
      return 'transition' in moment && moment.transition === trigger.transition;
    return trigger.enterState === moment.state;
  });
}

/** Applies every clock's triggers for the moment; a terminal state stops every clock. */
export function applyClockTriggers(
  policy: Policy,
  current: Case,
  moment: ClockMoment,
  at: string,
): Applied {
  let clocks: Record<string, ClockState> = current.clocks;
  const events: CaseEvent[] = [];
  const terminal = Boolean(policy.workflow.states[moment.state]?.terminal);
  const record = (clock: string, type: CaseEvent['type']) =>
    events.push({ type, at, data: { clock } });
  for (const [id, definition] of Object.entries(policy.clocks)) {
    let clock = clocks[id];
    if (clock && clock.status !== 'stopped' && (terminal || matches(definition.stop, moment))) {
      clock = stopClock(clock, at);
      record(id, 'clockStopped');
    }
    if (!terminal && (!clock || clock.status === 'stopped') && matches(definition.start, moment)) {
      clock = startClock(policy, id, current.categories, at);
      record(id, 'clockStarted');
    }
    const pausing = (definition.pauseIn ?? []).includes(moment.state);
    if (clock?.status === 'running' && pausing) {
      clock = pauseClock(clock, at);
      record(id, 'clockPaused');
    } else if (clock?.status === 'paused' && !pausing && definition.pauseIn?.length) {
      clock = resumeClock(clock, at);
      record(id, 'clockResumed');
    }
    if (clock && clock !== clocks[id]) clocks = withEntry(clocks, id, clock);
  }
  return { case: { ...current, clocks }, events };
}
