import { Injectable } from '@nestjs/common';
import { AvailabilityService } from '../availability/availability.service';
import { LocalClock } from '../find-times/local-time';
import { personOf, problem } from '../find-times/slot-finder';
import { InterviewerPoolsService } from '../pools/interviewer-pools.service';

const DAY = 86_400_000;
/** Pool limits count whole days and ISO weeks in each interviewer's zone: read that far around the interview. */
const MARGIN = 8 * DAY;

/** Whether one interviewer can take the interview's time, as find-times would judge it. */
export interface Fit {
  available: boolean;
  /** Why not, e.g. 'Priya: 07:00 in New York, before their working hours'; null when available. */
  reason: string | null;
  /** The interview's start on their wall clock, e.g. 'Tue 15:00'. */
  localTime: string;
  timezone: string;
}

/**
 * Judges would-be replacements with find-times' own rules (working hours, days off, calendar feeds,
 * interviews, buffers, pool limits), the interview itself not counting as busy. A fixed number of
 * queries whatever the number of people: their availability (four) and their pools' limits (one).
 */
@Injectable()
export class ReplacementFitService {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly pools: InterviewerPoolsService,
  ) {}

  /** Each person found, by id; people not found are left out. */
  async at(
    people: Array<{ id: string; name: string }>,
    interview: { id: string; startsAt: Date; endsAt: Date },
    clock = new LocalClock(),
  ): Promise<Map<string, Fit>> {
    const out = new Map<string, Fit>();
    if (!people.length) return out;
    const ids = people.map((p) => p.id);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const start = interview.startsAt.getTime();
    const end = interview.endsAt.getTime();
    const [limits, availability] = await Promise.all([
      this.pools.limitsFor(ids),
      this.availability.forUsers(ids, new Date(start - MARGIN), new Date(end + MARGIN)),
    ]);
    for (const [id, a] of availability) {
      const person = personOf(names.get(id)!, a, limits.get(id) ?? null, interview.id, clock);
      const why = problem(person, start, end, clock);
      out.set(id, {
        available: !why,
        reason: why?.message ?? null,
        localTime: clock.dayTime(start, a.timezone),
        timezone: a.timezone,
      });
    }
    return out;
  }
}
