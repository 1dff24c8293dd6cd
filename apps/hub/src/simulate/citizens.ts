/** A citizen holding a ticket, as far as the desks need to know. */
export interface Citizen {
  /** Still in the waiting room when called if they waited less than this. */
  patienceMs: number;
}

/** The citizens with a ticket, by ticket id. */
export type WaitingRoom = Map<string, Citizen>;
