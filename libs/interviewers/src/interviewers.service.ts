import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  assertAllowed,
  canChangeInterviewerProfile,
  canReadInterviewerRecord,
  ownsPersonalSettings,
  Role,
  UserResponse,
  UsersService,
} from '@app/auth';
import type { AuthUser } from '@app/auth';
import { encodeCursor, PageQueryDto, readCursor, seatKey } from '@app/common';
import { SubmissionsService } from '@app/feedback';
import { InterviewReadService, isoWeek, recordScopeFor } from '@app/interviews';
import { OutboundError, OutboundRequestService } from '@app/outbound';
import {
  InterviewerPage,
  InterviewerResponse,
  ListInterviewersQueryDto,
  PendingScorecardPage,
  UpdateInterviewerDto,
} from './dto/interviewer.dto';
import type { InterviewerProfileEntity } from './entities/interviewer-profile.entity';
import { InterviewerProfileRepository } from './interviewer-profile.repository';
import { InterviewerPoolsService } from './pools/interviewer-pools.service';

export const DEFAULT_WEEKLY_LIMIT = 5;

@Injectable()
export class InterviewersService {
  constructor(
    private readonly profiles: InterviewerProfileRepository,
    private readonly users: UsersService,
    private readonly interviews: InterviewReadService,
    private readonly audit: AuditService,
    private readonly submissions: SubmissionsService,
    private readonly outbound: OutboundRequestService,
    private readonly pools: InterviewerPoolsService,
  ) {}

  /** Interviewers by name with their profile and the load of a week (this one unless `week`): three queries per page. */
  async list(viewer: AuthUser, q: ListInterviewersQueryDto): Promise<InterviewerPage> {
    if (!!q.availableFrom !== !!q.availableTo)
      throw new BadRequestException('availableFrom and availableTo go together');
    const from = q.availableFrom ? new Date(q.availableFrom) : undefined;
    const to = q.availableTo ? new Date(q.availableTo) : undefined;
    if (from && to && to <= from) throw new BadRequestException('availableTo must be after availableFrom');
    const onlyIds =
      q.competency || q.questionType ? await this.profiles.userIdsWith(q.competency, q.questionType) : undefined;
    const excludeIds = from && to ? await this.interviews.busyInterviewers(from, to) : undefined;
    const page = await this.users.listByRole(Role.Interviewer, {
      limit: q.limit ?? 20,
      cursor: q.cursor,
      onlyIds,
      excludeIds,
      q: q.q,
    });
    return {
      items: await this.withProfiles(viewer, page.items, q.week ? new Date(q.week) : new Date()),
      page: page.page,
    };
  }

  async get(viewer: AuthUser, id: string): Promise<InterviewerResponse> {
    const [user] = /^[0-9a-f-]{36}$/i.test(id) ? await this.users.findManyByIds([id]) : [];
    if (!user || !user.active || !user.roles.includes(Role.Interviewer))
      throw new NotFoundException(`Interviewer ${id} not found`);
    return (await this.withProfiles(viewer, [user]))[0];
  }

  /**
   * Admins and recruiters edit any profile; an interviewer edits their own. The webhook is a
   * personal channel: only its owner or an admin sets it, and an internal address is refused.
   */
  async update(actor: AuthUser, id: string, dto: UpdateInterviewerDto): Promise<InterviewerResponse> {
    assertAllowed(canChangeInterviewerProfile(actor, id), 'You can only change your own interviewer profile');
    assertAllowed(
      dto.webhookUrl === undefined || ownsPersonalSettings(actor, id),
      'Only the interviewer themselves or an admin can change their webhook',
    );
    await this.get(actor, id);
    if (dto.webhookUrl) await this.checkWebhook(dto.webhookUrl);
    const { timezone, ...profile } = dto;
    if (timezone) await this.users.updateTimezone(id, timezone);
    await this.profiles.upsert({ userId: id, ...profile });
    // the URL is a credential: the trail says that it changed, not what it is
    const recorded = dto.webhookUrl ? { ...dto, webhookUrl: '(set)' } : { ...dto };
    await this.audit.record(actor.id, 'interviewer', id, 'profile_updated', recorded);
    return this.get(actor, id);
  }

  /** The same guard as every webhook request; a 400 naming the field, with a text that names no address. */
  private async checkWebhook(url: string): Promise<void> {
    try {
      await this.outbound.checkUrl(url);
    } catch (e) {
      if (!(e instanceof OutboundError)) throw e;
      const message = `webhookUrl ${e.message}`;
      throw new BadRequestException({ message, details: [{ field: 'webhookUrl', messages: [message] }] });
    }
  }

  /**
   * Interviews that are over whose scorecard by this interviewer is not submitted, most urgent first,
   * with the totals over all pages. Interviewers read their own; admins, recruiters and hiring
   * managers anyone's (as calibration). Four queries: the user, their submitted interviews (feedback's),
   * the page with its totals (interviews'), and the drafts on the page (feedback's).
   */
  async pendingScorecards(actor: AuthUser, id: string, q: PageQueryDto): Promise<PendingScorecardPage> {
    assertAllowed(canReadInterviewerRecord(actor, id), 'Interviewers see their own pending scorecards only');
    const limit = q.limit ?? 20;
    const after = readCursor(q.cursor, ['instant', 'uuid']);
    const [user] = await this.users.findManyByIds([id]);
    if (!user || !user.active || !user.roles.includes(Role.Interviewer))
      throw new NotFoundException(`Interviewer ${id} not found`);
    const submitted = await this.submissions.submittedBy(id);
    const found = await this.interviews.owedByPanelist(
      id,
      submitted,
      new Date(),
      limit + 1,
      after,
      recordScopeFor(actor, id),
    );
    const page = found.rows.slice(0, limit);
    const drafts = await this.submissions.draftsOf(
      id,
      page.map((r) => r.interviewId),
    );
    return {
      items: page.map((r) => ({
        interviewId: r.interviewId,
        title: r.title,
        stage: r.stage,
        status: r.status,
        start: r.startsAt,
        end: r.endsAt,
        feedbackDueAt: r.feedbackDueAt,
        overdue: r.overdue,
        role: r.role,
        candidate: r.candidate,
        position: r.position,
        scorecardState: drafts.has(r.interviewId) ? 'draft' : 'none',
        draftUpdatedAt: drafts.get(r.interviewId) ?? null,
      })),
      page: { limit, nextCursor: found.rows.length > limit ? encodeCursor(page[page.length - 1].cursor) : null },
      totals: { pending: found.pending, overdue: found.overdue },
    };
  }

  /** For scheduling's warnings (INTERVIEWER_LIMITS). */
  async weeklyLimits(userIds: string[]): Promise<Map<string, number>> {
    const found = new Map((await this.profiles.findByUserIds(userIds)).map((p) => [p.userId, p.weeklyLimit]));
    return new Map(userIds.map((id) => [id, found.get(id) ?? DEFAULT_WEEKLY_LIMIT]));
  }

  /** How each user wants reminders: email unless turned off, and a webhook when one is set. */
  async notificationSettings(userIds: string[]): Promise<Map<string, { email: boolean; webhookUrl: string | null }>> {
    const found = new Map((await this.profiles.findByUserIds(userIds)).map((p) => [p.userId, p]));
    return new Map(
      userIds.map((id) => [
        id,
        { email: found.get(id)?.emailNotifications ?? true, webhookUrl: found.get(id)?.webhookUrl ?? null },
      ]),
    );
  }

  /** `week`: an instant in the week whose interviews count as `load.thisWeek` (the interview's, when scheduling). */
  private async withProfiles(
    viewer: AuthUser,
    users: UserResponse[],
    week = new Date(),
  ): Promise<InterviewerResponse[]> {
    const ids = users.map((u) => u.id);
    const { from, to } = isoWeek(week);
    const [profiles, counts, due, pools] = await Promise.all([
      this.profiles.findByUserIds(ids),
      this.interviews.countScheduledBetween(ids, from, to),
      this.interviews.dueAssignments(ids, new Date()),
      this.pools.poolsOfUsers(ids),
    ]);
    const submitted = await this.submissions.submitted(due);
    const overdue = new Map<string, number>();
    for (const d of due) if (!submitted.has(seatKey(d))) overdue.set(d.userId, (overdue.get(d.userId) ?? 0) + 1);
    const byId = new Map(profiles.map((p) => [p.userId, p]));
    return users.map((u) => ({
      ...toResponse(
        u,
        byId.get(u.id),
        counts.get(u.id) ?? 0,
        overdue.get(u.id) ?? 0,
        ownsPersonalSettings(viewer, u.id),
      ),
      pools: pools.get(u.id) ?? [],
    }));
  }
}

function toResponse(
  u: UserResponse,
  p: InterviewerProfileEntity | undefined,
  thisWeek: number,
  overdueScorecards: number,
  withChannels: boolean,
): Omit<InterviewerResponse, 'pools'> {
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
    notifications: {
      email: p?.emailNotifications ?? true,
      ...(withChannels ? { webhookUrl: p?.webhookUrl ?? null } : {}),
    },
    load: { thisWeek, weeklyLimit, overLimit: thisWeek > weeklyLimit },
    overdueScorecards,
  };
}
