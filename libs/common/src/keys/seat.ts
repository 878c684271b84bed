/** A panelist's seat on an interview: what scorecards, reminders and training counts are kept by. */
export interface Seat {
  interviewId: string;
  userId: string;
}

declare const seatKeyBrand: unique symbol;

/**
 * A seat as a map or set key. Branded, so only `seatKey` makes one: no hand-built
 * `${interviewId}:${userId}` strings whose order or separator can drift between modules.
 */
export type SeatKey = string & { readonly [seatKeyBrand]: true };

export function seatKey(seat: Seat): SeatKey {
  return `${seat.interviewId}:${seat.userId}` as SeatKey;
}

/** The keys of these seats, as a set. */
export function seatKeys(seats: Iterable<Seat>): Set<SeatKey> {
  const keys = new Set<SeatKey>();
  for (const s of seats) keys.add(seatKey(s));
  return keys;
}
