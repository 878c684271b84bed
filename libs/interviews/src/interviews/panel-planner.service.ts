import { BadRequestException, Inject, Injectable, Optional } from '@nestjs/common';
import { conflict, fieldError } from '@app/common';
import { Role, UsersService } from '@app/auth';
import type { PanelMemberDto } from '../dto/interview.dto';
import type { WarningResponse } from '../dto/interview.response';
import { isoWeek, toZonedIso } from '../time';
import { INTERVIEWER_LIMITS } from './interviewer-limits';
import type { InterviewerLimits } from './interviewer-limits';
import { InterviewRepository } from './interview.repository';

/** The rules a panel must meet, and what is worth a warning. */
@Injectable()
export class PanelPlannerService {
  constructor(
    private readonly users: UsersService,
    @Optional() @Inject(INTERVIEWER_LIMITS) private readonly limits?: InterviewerLimits,
  ) {}

  /** Everyone exists, is active and holds the interviewer role; nobody twice; at least one lead. */
  async validate(panel: PanelMemberDto[]): Promise<Map<string, { name: string; email: string }>> {
    const ids = panel.map((p) => p.userId);
    if (new Set(ids).size !== ids.length) throw new BadRequestException('panel names the same interviewer twice');
    if (!panel.some((p) => p.role === 'lead'))
      throw new BadRequestException('panel needs at least one lead interviewer');
    const found = new Map((await this.users.findManyByIds(ids)).map((u) => [u.id, u]));
    for (const [i, p] of panel.entries()) {
      const u = found.get(p.userId);
      if (!u || !u.active) throw fieldError(`panel.${i}.userId`, `panel.${i}.userId: user ${p.userId} does not exist`);
      if (!u.roles.includes(Role.Interviewer))
        throw fieldError(
          `panel.${i}.userId`,
          `panel.${i}.userId: ${u.name} <${u.email}> does not have the interviewer role`,
        );
    }
    return new Map([...found].map(([id, u]) => [id, { name: u.name, email: u.email }]));
  }

  /** Names and emails for messages about people already on a panel. */
  async people(userIds: string[]): Promise<Map<string, { name: string; email: string }>> {
    return new Map((await this.users.findManyByIds(userIds)).map((u) => [u.id, { name: u.name, email: u.email }]));
  }

  /**
   * Under a per-interviewer lock (held until the transaction ends), refuses a panelist who is already
   * booked at an overlapping time, naming them and the clashing interview, unless allowed.
   */
  async checkClashes(
    repo: InterviewRepository,
    people: Map<string, { name: string; email: string }>,
    userIds: string[],
    startsAt: Date,
    endsAt: Date,
    excludeId: string | undefined,
    allow: boolean,
  ): Promise<WarningResponse[]> {
    await repo.lockInterviewers(userIds);
    const clashes = await repo.findClashes(userIds, startsAt, endsAt, excludeId);
    const describe = (c: (typeof clashes)[number]) => {
      const who = people.get(c.userId);
      return `${who?.name ?? c.userId} <${who?.email ?? ''}> is already booked for "${c.title}" (${c.interviewId}) from ${c.startsAt.toISOString()} to ${c.endsAt.toISOString()}`;
    };
    if (clashes.length && !allow) {
      throw conflict(
        `${describe(clashes[0])}${clashes.length > 1 ? ` (and ${clashes.length - 1} more clash(es))` : ''}; pass allowConflicts to book anyway`,
        {
          clashes: clashes.map((c) => ({
            userId: c.userId,
            interviewId: c.interviewId,
            title: c.title,
            start: c.startsAt,
            end: c.endsAt,
          })),
        },
      );
    }
    return clashes.map((c) => ({ code: 'double_booked', userId: c.userId, message: describe(c) }));
  }

  /** Interviewers who go over their weekly limit with this interview. */
  async weeklyLimitWarnings(
    repo: InterviewRepository,
    people: Map<string, { name: string }>,
    userIds: string[],
    startsAt: Date,
    timezone: string,
  ): Promise<WarningResponse[]> {
    if (!this.limits || !userIds.length) return [];
    const { from, to } = isoWeek(startsAt);
    const [limits, counts] = await Promise.all([
      this.limits.weeklyLimits(userIds),
      repo.countScheduledBetween(userIds, from, to),
    ]);
    return userIds.flatMap((id) => {
      const limit = limits.get(id);
      const count = counts.get(id) ?? 0;
      if (limit === undefined || count <= limit) return [];
      const week = toZonedIso(from, timezone).slice(0, 10);
      return [
        {
          code: 'weekly_limit_exceeded',
          userId: id,
          message: `${people.get(id)?.name ?? id} now has ${count} interviews in the week of ${week}, over their limit of ${limit}`,
        },
      ];
    });
  }
}
