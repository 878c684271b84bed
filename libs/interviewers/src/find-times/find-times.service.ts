import { Injectable } from '@nestjs/common';
import { Temporal } from 'temporal-polyfill';
import { Role, UsersService } from '@app/auth';
import { parseDateTimeInput, fieldError } from '@app/common';
import { AvailabilityService } from '../availability/availability.service';
import { InterviewerPoolsService, type PoolWithMembers } from '../pools/interviewer-pools.service';
import { MAX_RANGE_DAYS, type FindTimesQueryDto } from '../dto/find-times.dto';
import type { FindTimesResponse } from '../dto/find-times.response';
import { LocalClock } from './local-time';
import { findTimes, personOf, type Person, type Seat, type TraineeOption } from './slot-finder';

const DAY = 86_400_000;
/** Loads count whole days and ISO weeks in each interviewer's zone: read that far around the range. */
const MARGIN = 8 * DAY;

/**
 * When a panel can meet: interviewers by name and "one of this pool" seats, over a range of at most
 * 31 days. A fixed number of queries: the named users, the pools with their members (five), their
 * limits, and their availability (four).
 */
@Injectable()
export class FindTimesService {
  constructor(
    private readonly users: UsersService,
    private readonly pools: InterviewerPoolsService,
    private readonly availability: AvailabilityService,
  ) {}

  async find(q: FindTimesQueryDto): Promise<FindTimesResponse> {
    const tz = q.candidateTimeZone ?? 'UTC';
    const named = [...new Set(q.interviewerIds ?? [])];
    const poolSeats = q.poolIds ?? [];
    if (!named.length && !poolSeats.length)
      throw fieldError('interviewerIds', 'interviewerIds or poolIds must name at least one interviewer or pool');
    const { from, to } = range(q.from, q.to, tz);

    const [users, pools] = await Promise.all([
      this.users.findManyByIds(named),
      poolSeats.length ? this.pools.membersOf([...new Set(poolSeats)]) : new Map<string, PoolWithMembers>(),
    ]);
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const id of named) {
      const u = byId.get(id);
      if (!u) throw fieldError('interviewerIds', `interviewerIds: no user ${id}`);
      if (!u.active || !u.roles.includes(Role.Interviewer))
        throw fieldError('interviewerIds', `interviewerIds: ${u.name} (${id}) is not an active interviewer`);
    }
    const missing = poolSeats.find((id) => !pools.has(id));
    if (missing) throw fieldError('poolIds', `poolIds: no interviewer pool ${missing}`);

    const members = [...pools.values()].flatMap((p) => p.members.filter((m) => m.active));
    const names = new Map([
      ...users.map((u) => [u.id, u.name] as const),
      ...members.map((m) => [m.userId, m.name] as const),
    ]);
    const everyone = [...names.keys()];
    const [limits, availability] = await Promise.all([
      this.pools.limitsFor(everyone),
      this.availability.forUsers(everyone, new Date(from.getTime() - MARGIN), new Date(to.getTime() + MARGIN)),
    ]);
    const clock = new LocalClock();
    const people = new Map<string, Person>();
    for (const [id, a] of availability)
      people.set(id, personOf(names.get(id)!, a, limits.get(id) ?? null, q.excludeInterviewId, clock));

    const seats: Seat[] = [
      ...named.map((id) => ({ person: people.get(id)! })),
      ...poolSeats.map((id) => {
        const pool = pools.get(id)!;
        const qualified = pool.members.filter((m) => m.active && !m.trainee && people.has(m.userId));
        return { pool: { id, name: pool.name }, members: qualified.map((m) => people.get(m.userId)!) };
      }),
    ];
    const trainees: TraineeOption[] = [...pools.values()].flatMap((pool) =>
      pool.members
        .filter((m) => m.active && m.trainee && people.has(m.userId))
        .map((m) => ({
          person: people.get(m.userId)!,
          poolId: pool.id,
          stage: m.stage as 'shadow' | 'reverse_shadow',
        })),
    );
    const stepMinutes = q.stepMinutes ?? 30;
    const found = findTimes(
      seats,
      trainees,
      {
        from,
        to,
        now: new Date(),
        durationMinutes: q.durationMinutes,
        stepMinutes,
        candidateTimeZone: tz,
        limit: q.limit ?? 10,
      },
      clock,
    );
    return { ...found, stepMinutes, from: from.toISOString(), to: to.toISOString() };
  }
}

/** The range as instants: a date alone is its midnight in the candidate's zone, and `to` as a date includes that day. */
function range(fromText: string, toText: string, tz: string): { from: Date; to: Date } {
  const from = parseDateTimeInput(fromText, 'from', tz);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(toText.trim());
  const to = dateOnly
    ? new Date(
        Temporal.PlainDate.from(toText.trim()).add({ days: 1 }).toZonedDateTime({ timeZone: tz }).epochMilliseconds,
      )
    : parseDateTimeInput(toText, 'to', tz);
  if (to <= from) throw fieldError('to', 'to must be after from');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY)
    throw fieldError('to', `to must be at most ${MAX_RANGE_DAYS} days after from`);
  return { from, to };
}
