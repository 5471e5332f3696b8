/** An event as the log gave it back: the decider's event plus the id the log stored it under. */
export type Identified<E> = E & { eventId: string };
