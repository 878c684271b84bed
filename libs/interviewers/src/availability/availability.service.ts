import { Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { assertAllowed, canReadInterviewerRecord, ownsPersonalSettings, Role, UsersService } from '@app/auth';
import { InterviewReadService } from '@app/interviews';
import type { AuthUser } from '@app/auth';
import { fieldError } from '@app/common';
import { InterviewerProfileRepository } from '../interviewer-profile.repository';
import {
  AvailabilityQueryDto,
  AvailabilityResponse,
  AvailabilitySettingsDto,
  UpdateAvailabilityDto,
} from '../dto/availability.dto';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { CalendarFeedService } from './calendar-feed.service';
import {
  checkDaysOff,
  checkWorkingHours,
  DEFAULT_WORKING_HOURS,
  normalizeWorkingHours,
  workingWindows,
  type WorkingHours,
} from './working-hours';

export const MAX_RANGE_DAYS = 62;

export interface Interval {
  start: Date;
  end: Date;
}

/** Plain data for one interviewer: what find-times needs (no HTTP, no access checks). */
export interface UserAvailability {
  userId: string;
  timezone: string;
  workingHours: WorkingHours;
  daysOff: string[];
  bufferMinutes: number;
  /** Working hours as instants within the range, days off left out, sorted. */
  working: Interval[];
  /** Their calendar's busy times and their held interviews, sorted (not merged, not buffered). */
  busy: Array<Interval & { source: 'calendar' | 'interview'; interviewId?: string }>;
}

/**
 * Working hours, days off, buffers and busy times of interviewers. `forUsers` is the plain-data side
 * (for find-times); the rest is the API's: reading (schedulers and the owner) and changing (the owner
 * and admins).
 */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly profiles: InterviewerProfileRepository,
    private readonly users: UsersService,
    private readonly feeds: CalendarFeedService,
    private readonly feedRepo: CalendarFeedRepository,
    private readonly audit: AuditService,
    private readonly interviews: InterviewReadService,
  ) {}

  /** Several users over one range, three queries in all; users that are not found are left out. */
  async forUsers(userIds: string[], from: Date, to: Date): Promise<Map<string, UserAvailability>> {
    const ids = [...new Set(userIds)];
    const [users, profiles, calendar, interviews] = await Promise.all([
      this.users.findManyByIds(ids),
      this.profiles.findByUserIds(ids),
      this.feedRepo.busyBetween(ids, from, to),
      this.interviews.seatsBetween(ids, from, to),
    ]);
    const byId = new Map(profiles.map((p) => [p.userId, p]));
    const out = new Map<string, UserAvailability>();
    for (const u of users) {
      const p = byId.get(u.id);
      const workingHours = p?.workingHours ?? DEFAULT_WORKING_HOURS;
      const daysOff = p?.daysOff ?? [];
      const busy = [
        ...calendar
          .filter((b) => b.userId === u.id)
          .map((b) => ({ start: b.start, end: b.end, source: 'calendar' as const })),
        ...interviews
          .filter((b) => b.userId === u.id)
          .map((b) => ({ start: b.start, end: b.end, source: 'interview' as const, interviewId: b.interviewId })),
      ].sort((a, b) => a.start.getTime() - b.start.getTime());
      out.set(u.id, {
        userId: u.id,
        timezone: u.timezone,
        workingHours,
        daysOff,
        bufferMinutes: p?.bufferMinutes ?? 0,
        working: workingWindows(workingHours, daysOff, u.timezone, from, to),
        busy,
      });
    }
    return out;
  }

  /** `GET /interviewers/:id/availability`: schedulers (admin, recruiter, hiring manager) and the owner. */
  async read(actor: AuthUser, id: string, q: AvailabilityQueryDto): Promise<AvailabilityResponse> {
    assertAllowed(
      canReadInterviewerRecord(actor, id),
      'Only schedulers and the interviewer themselves read availability',
    );
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (to <= from) throw fieldError('to', 'to must be after from');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000)
      throw fieldError('to', `to must be at most ${MAX_RANGE_DAYS} days after from`);
    await this.interviewer(id);
    const a = (await this.forUsers([id], from, to)).get(id)!;
    return {
      userId: id,
      from: from.toISOString(),
      to: to.toISOString(),
      ...(await this.settingsOf(actor, id, a)),
      working: a.working.map(iso),
      // schedulers see when, not what: no interview ids (they may not see every position)
      busy: a.busy.map((b) => ({ ...iso(b), source: b.source })),
    };
  }

  /** `PUT /interviewers/:id/availability`: the interviewer themselves or an admin. */
  async update(actor: AuthUser, id: string, dto: UpdateAvailabilityDto): Promise<AvailabilitySettingsDto> {
    assertAllowed(
      ownsPersonalSettings(actor, id),
      'Only the interviewer themselves or an admin can change their availability',
    );
    const problem =
      (dto.workingHours !== undefined ? checkWorkingHours(dto.workingHours) : null) ??
      (dto.daysOff !== undefined ? checkDaysOff(dto.daysOff) : null);
    if (problem) throw fieldError(problem.field, problem.message);
    await this.interviewer(id);
    if (dto.calendarFeedUrl !== undefined) await this.feeds.save(id, dto.calendarFeedUrl);
    const values: { workingHours?: WorkingHours | null; daysOff?: string[]; bufferMinutes?: number } = {};
    if (dto.workingHours !== undefined)
      values.workingHours = dto.workingHours === null ? null : normalizeWorkingHours(dto.workingHours);
    if (dto.daysOff !== undefined) values.daysOff = [...new Set(dto.daysOff)].sort();
    if (dto.bufferMinutes !== undefined) values.bufferMinutes = dto.bufferMinutes;
    if (Object.keys(values).length) await this.profiles.upsert({ userId: id, ...values });
    // the feed URL is a credential: the trail says that it changed, never what it is
    const recorded: Record<string, unknown> = { ...values };
    if (dto.calendarFeedUrl !== undefined) recorded.calendarFeed = dto.calendarFeedUrl ? '(set)' : '(removed)';
    await this.audit.record(actor.id, 'interviewer', id, 'availability_updated', recorded);
    const user = await this.interviewer(id);
    const [p] = await this.profiles.findByUserIds([id]);
    return this.settingsOf(actor, id, {
      timezone: user.timezone,
      workingHours: p?.workingHours ?? DEFAULT_WORKING_HOURS,
      daysOff: p?.daysOff ?? [],
      bufferMinutes: p?.bufferMinutes ?? 0,
    });
  }

  private async settingsOf(
    actor: AuthUser,
    id: string,
    a: Pick<UserAvailability, 'timezone' | 'workingHours' | 'daysOff' | 'bufferMinutes'>,
  ): Promise<AvailabilitySettingsDto> {
    const owner = ownsPersonalSettings(actor, id);
    return {
      timezone: a.timezone,
      workingHours: a.workingHours,
      daysOff: a.daysOff,
      bufferMinutes: a.bufferMinutes,
      ...(owner ? { calendarFeed: await this.feeds.status(id) } : {}),
    };
  }

  private async interviewer(id: string) {
    const [user] = /^[0-9a-f-]{36}$/i.test(id) ? await this.users.findManyByIds([id]) : [];
    if (!user || !user.active || !user.roles.includes(Role.Interviewer))
      throw new NotFoundException(`Interviewer ${id} not found`);
    return user;
  }
}

function iso(i: Interval): { start: string; end: string } {
  return { start: i.start.toISOString(), end: i.end.toISOString() };
}
