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
  for (const trigger of triggers) {
    if (
      'event' in trigger
        ? 'caseOpened' in moment
        : 'transition' in trigger
          ? 'transition' in moment && moment.transition === trigger.transition
          : trigger.enterState === moment.state
    )
      return true;
  }
  return false;
}

/** Applies every clock's triggers for the moment; a terminal state stops every clock. */
export function applyClockTriggers(
  policy: Policy,
  current: Case,
  moment: ClockMoment,
  at: string,
): Applied {
  let clocks: Record<string, ClockState> = current.clocks;
  let owned = false;
  const events: CaseEvent[] = [];
  const terminal = Boolean(policy.workflow.states[moment.state]?.terminal);
  for (const id of Object.keys(policy.clocks)) {
    const definition = policy.clocks[id]!;
    let clock = clocks[id];
    if (clock && clock.status !== 'stopped' && (terminal || matches(definition.stop, moment))) {
      clock = stopClock(clock, at);
      events.push({ type: 'clockStopped', at, data: { clock: id } });
    }
    if (!terminal && (!clock || clock.status === 'stopped') && matches(definition.start, moment)) {
      clock = startClock(policy, id, current.categories, at);
      events.push({ type: 'clockStarted', at, data: { clock: id } });
    }
    const pausing = definition.pauseIn?.includes(moment.state) ?? false;
    if (clock?.status === 'running' && pausing) {
      clock = pauseClock(clock, at);
      events.push({ type: 'clockPaused', at, data: { clock: id } });
    } else if (clock?.status === 'paused' && !pausing && definition.pauseIn?.length) {
      clock = resumeClock(clock, at);
      events.push({ type: 'clockResumed', at, data: { clock: id } });
    }
    if (!clock || clock === clocks[id]) continue;
    // Once copied, the record is this function's own to set (as withEntry would copy it).
    if (owned && id !== '__proto__' && !Object.hasOwn(clocks, '__proto__')) clocks[id] = clock;
    else clocks = withEntry(clocks, id, clock);
    owned = true;
  }
  return { case: { ...current, clocks }, events };
}
