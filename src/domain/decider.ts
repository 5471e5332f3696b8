import { Identified } from './identified';

/**
 * An aggregate as three pure functions (Jérémie Chassaing's decider): the state before the
 * stream's first event, how one stored event changes the state, and which events a command
 * produces in a given state (none, or a DomainError when it is refused).
 */
export interface Decider<Command, Event, State> {
  initialState: State;
  evolve(state: State, event: Identified<Event>): State;
  decide(command: Command, state: State): Event[];
}

/** The state after the given events, from the initial one. */
export function fold<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: Iterable<Identified<Event>>,
): State {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
