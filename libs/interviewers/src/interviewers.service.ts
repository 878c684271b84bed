import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { hasRole, Role, UserResponse, UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { SubmissionsService } from '@app/feedback';
import { InterviewRepository, isoWeek } from '@app/interviews';
import { InterviewerPage, InterviewerResponse, ListInterviewersQueryDto, UpdateInterviewerDto } from './dto/interviewer.dto';
import type { InterviewerProfileEntity } from './entities/interviewer-profile.entity';
import { InterviewerProfileRepository } from './interviewer-profile.repository';

export const DEFAULT_WEEKLY_LIMIT = 5;

@Injectable()
export class InterviewersService {
  constructor(
    private readonly profiles: InterviewerProfileRepository,
    private readonly users: UsersService,
    private readonly interviews: InterviewRepository,
    private readonly audit: AuditService,
    private readonly submissions: SubmissionsService,
  ) {}

  /** Interviewers by name with their profile and this week's load: three queries per page. */
  async list(q: ListInterviewersQueryDto): Promise<InterviewerPage> {
    if (!!q.availableFrom !== !!q.availableTo) throw new BadRequestException('availableFrom and availableTo go together');
    const from = q.availableFrom ? new Date(q.availableFrom) : undefined;
    const to = q.availableTo ? new Date(q.availableTo) : undefined;
    if (from && to && to <= from) throw new BadRequestException('availableTo must be after availableFrom');
    const onlyIds = q.competency || q.questionType ? await this.profiles.userIdsWith(q.competency, q.questionType) : undefined;
    const excludeIds = from && to ? await this.interviews.busyInterviewers(from, to) : undefined;
    const page = await this.users.listByRole(Role.Interviewer, { limit: q.limit ?? 20, cursor: q.cursor, onlyIds, excludeIds, q: q.q });
    return { items: await this.withProfiles(page.items), page: page.page };
  }

  async get(id: string): Promise<InterviewerResponse> {
    const [user] = /^[0-9a-f-]{36}$/i.test(id) ? await this.users.findManyByIds([id]) : [];
    if (!user || !user.active || !user.roles.includes(Role.Interviewer)) throw new NotFoundException(`Interviewer ${id} not found`);
    return (await this.withProfiles([user]))[0];
  }

  /** Admins and recruiters edit any profile; an interviewer edits their own. */
  async update(actor: AuthUser, id: string, dto: UpdateInterviewerDto): Promise<InterviewerResponse> {
    if (actor.id !== id && !hasRole(actor, Role.Admin, Role.Recruiter)) throw new ForbiddenException('You can only change your own interviewer profile');
    await this.get(id);
    const { timezone, ...profile } = dto;
    if (timezone) await this.users.updateTimezone(id, timezone);
    await this.profiles.upsert({ userId: id, ...profile });
    await this.audit.record(actor.id, 'interviewer', id, 'profile_updated', { ...dto });
    return this.get(id);
  }

  /** For scheduling's warnings (INTERVIEWER_LIMITS). */
  async weeklyLimits(userIds: string[]): Promise<Map<string, number>> {
    const found = new Map((await this.profiles.findByUserIds(userIds)).map((p) => [p.userId, p.weeklyLimit]));
    return new Map(userIds.map((id) => [id, found.get(id) ?? DEFAULT_WEEKLY_LIMIT]));
  }

  /** How each user wants reminders: email unless turned off, and a webhook when one is set. */
  async notificationSettings(userIds: string[]): Promise<Map<string, { email: boolean; webhookUrl: string | null }>> {
    const found = new Map((await this.profiles.findByUserIds(userIds)).map((p) => [p.userId, p]));
    return new Map(userIds.map((id) => [id, { email: found.get(id)?.emailNotifications ?? true, webhookUrl: found.get(id)?.webhookUrl ?? null }]));
  }

  private async withProfiles(users: UserResponse[]): Promise<InterviewerResponse[]> {
    const ids = users.map((u) => u.id);
    const { from, to } = isoWeek(new Date());
    const [profiles, counts, due] = await Promise.all([
      this.profiles.findByUserIds(ids),
      this.interviews.countScheduledBetween(ids, from, to),
      this.interviews.dueAssignments(ids, new Date()),
    ]);
    const submitted = await this.submissions.submitted(due);
    const overdue = new Map<string, number>();
    for (const d of due) if (!submitted.has(`${d.interviewId}:${d.userId}`)) overdue.set(d.userId, (overdue.get(d.userId) ?? 0) + 1);
    const byId = new Map(profiles.map((p) => [p.userId, p]));
    return users.map((u) => toResponse(u, byId.get(u.id), counts.get(u.id) ?? 0, overdue.get(u.id) ?? 0));
  }
}

function toResponse(u: UserResponse, p: InterviewerProfileEntity | undefined, thisWeek: number, overdueScorecards: number): InterviewerResponse {
  const weeklyLimit = p?.weeklyLimit ?? DEFAULT_WEEKLY_LIMIT;
  return {
    userId: u.id,
    name: u.name,
    email: u.email,
    timezone: u.timezone,
    title: p?.title ?? null,
    department: p?.department ?? null,
    competencies: p?.competencies ?? [],
    questionTypes: p?.questionTypes ?? [],
    weeklyLimit,
    notifications: { email: p?.emailNotifications ?? true, webhookUrl: p?.webhookUrl ?? null },
    load: { thisWeek, weeklyLimit, overLimit: thisWeek > weeklyLimit },
    overdueScorecards,
  };
}
