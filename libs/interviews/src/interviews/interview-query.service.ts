import { Injectable, NotFoundException } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { questionContent } from '@app/question-sets';
import { encodeCursor, readCursor } from '@app/common';
import type { AuthUser } from '@app/auth';
import { InterviewKitResponse, InterviewPage, WarningResponse } from '../dto/interview.response';
import { ListInterviewsQueryDto } from '../dto/interview.dto';
import { parseInstant, toZonedIso } from '../time';
import { assertVisible, canReadInterview, canReadRsvpNote, interviewListScope } from '@app/auth';
import { needsReplacement } from '../rsvp/rsvp-rules';
import { InterviewRepository, KitRow } from './interview.repository';

@Injectable()
export class InterviewQueryService {
  constructor(
    private readonly repo: InterviewRepository,
    private readonly config: AppConfig,
  ) {}

  /** The kit row, or 404 for a reader who may not see it. */
  async readable(user: AuthUser, id: string, withPeople = false): Promise<KitRow> {
    const kit = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.findKit(id, withPeople) : null;
    if (!kit) throw new NotFoundException(`Interview ${id} not found`);
    assertVisible(
      canReadInterview(user, {
        hiringManagerId: kit.authority.hiringManagerId,
        panelUserIds: kit.panel.map((p) => p.userId),
      }),
      'Interview',
      id,
    );
    return kit;
  }

  /** The interview kit: one query (the kit with the panel's names) whatever its size. */
  async kit(user: AuthUser, id: string, warnings: WarningResponse[] = []): Promise<InterviewKitResponse> {
    const kit = await this.readable(user, id, true);
    const people = kit.people!;
    const i = kit.interview;
    const base = this.config.publicUrl;
    return {
      id: i.id,
      title: i.title,
      stage: i.stage,
      planStageId: i.planStageId,
      status: i.status,
      start: i.startsAt,
      end: i.endsAt,
      durationMinutes: i.durationMinutes,
      scheduled: {
        timezone: i.timezone,
        start: toZonedIso(i.startsAt, i.timezone),
        end: toZonedIso(i.endsAt, i.timezone),
      },
      local: {
        timezone: user.timezone,
        start: toZonedIso(i.startsAt, user.timezone),
        end: toZonedIso(i.endsAt, user.timezone),
      },
      location: i.location,
      meetingUrl: i.meetingUrl,
      inviteCandidate: i.inviteCandidate,
      feedbackDueAt: i.feedbackDueAt,
      cancelReason: i.cancelReason,
      candidate: kit.candidate,
      position: { id: kit.position.id, title: kit.position.title, department: kit.position.department },
      panel: kit.panel.map((p) => ({
        userId: p.userId,
        role: p.role,
        name: people.get(p.userId)?.name ?? 'Unknown user',
        email: people.get(p.userId)?.email ?? '',
        rsvp: p.rsvp,
        // a note may be personal ("on leave"): the panelist and whoever manages the interview read it
        rsvpNote: canReadRsvpNote(user, kit.authority, p.userId) ? p.rsvpNote : null,
        rsvpAt: p.rsvpAt ? new Date(p.rsvpAt) : null,
      })),
      needsReplacement: needsReplacement(i, kit.panel),
      questions: kit.questions.map((q) => ({
        id: q.id,
        position: q.position,
        ...questionContent(q),
        askedBy: q.askedById ? { userId: q.askedById, name: people.get(q.askedById)?.name ?? 'Unknown user' } : null,
        source: {
          setId: q.sourceSetId,
          setName: q.sourceSetName,
          setVersion: q.sourceSetVersion,
          questionId: q.sourceQuestionId,
        },
      })),
      revision: i.revision,
      sequence: i.sequence,
      links: { kit: `${base}/interviews/${i.id}`, invite: `${base}/api/v1/interviews/${i.id}/invite.ics` },
      warnings,
    };
  }

  async list(user: AuthUser, q: ListInterviewsQueryDto): Promise<InterviewPage> {
    const limit = q.limit ?? 20;
    const after = readCursor(q.cursor, ['instant', 'uuid']);
    const rows = await this.repo.list({
      from: q.from ? parseInstant(q.from, user.timezone ?? 'UTC', 'from') : undefined,
      to: q.to ? parseInstant(q.to, user.timezone ?? 'UTC', 'to') : undefined,
      statuses: q.status ? [q.status] : undefined,
      interviewerId: q.interviewerId,
      candidateId: q.candidateId,
      positionId: q.positionId,
      questionSetId: q.questionSetId,
      updatedSince: q.updatedSince ? new Date(q.updatedSince) : undefined,
      visibleTo: visibleTo(user),
      limit: limit + 1,
      after,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        id: r.interview.id,
        title: r.interview.title,
        stage: r.interview.stage,
        planStageId: r.interview.planStageId,
        status: r.interview.status,
        start: r.interview.startsAt,
        end: r.interview.endsAt,
        timezone: r.interview.timezone,
        local: {
          timezone: user.timezone,
          start: toZonedIso(r.interview.startsAt, user.timezone),
          end: toZonedIso(r.interview.endsAt, user.timezone),
        },
        candidate: { id: r.interview.candidateId, name: r.candidateName },
        position: { id: r.interview.positionId, title: r.positionTitle },
        panel: r.panel.map((p) => ({ userId: p.userId, role: p.role, rsvp: p.rsvp })),
        needsReplacement: needsReplacement(r.interview, r.panel),
        questionCount: r.questionCount,
        feedbackDueAt: r.interview.feedbackDueAt,
        location: r.interview.location,
        meetingUrl: r.interview.meetingUrl,
        updatedAt: r.interview.updatedAt,
      })),
      page: { limit, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].cursor) : null },
    };
  }

  /** The caller's own upcoming interviews, soonest first: one query. */
  upcoming(user: AuthUser, q: ListInterviewsQueryDto): Promise<InterviewPage> {
    return this.list(user, {
      ...q,
      interviewerId: user.id,
      status: 'scheduled',
      from: q.from ?? new Date().toISOString(),
    });
  }
}

/** The access policy's narrowing of interview lists, in the repository's terms (applied in SQL, before paging). */
function visibleTo(user: AuthUser): { userId: string; managedPositions: boolean } | null {
  const scope = interviewListScope(user);
  return scope.kind === 'all' ? null : { userId: scope.userId, managedPositions: scope.kind === 'managed' };
}
