import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { DomainEventsService, staleRevision, type DomainEventMap } from '@app/common';
import type { AuthUser } from '@app/auth';
import { CreateInterviewDto, UpdateInterviewDto } from '../dto/interview.dto';
import { InterviewKitResponse, WarningResponse } from '../dto/interview.response';
import { eventPayload, InterviewEvent, PanelMember } from '../interview.events';
import { parseInstant } from '../time';
import { assertAllowed, canManagePosition } from '@app/auth';
import { InterviewQueryService } from './interview-query.service';
import { InterviewRepository } from './interview.repository';
import { InterviewPrerequisitesService } from './interview-prerequisites.service';
import { snapshotRows } from './interview-snapshot';
import { PanelPlannerService } from './panel-planner.service';

const HOUR = 3_600_000;

@Injectable()
export class InterviewSchedulingService {
  constructor(
    private readonly repo: InterviewRepository,
    private readonly prerequisites: InterviewPrerequisitesService,
    private readonly planner: PanelPlannerService,
    private readonly query: InterviewQueryService,
    private readonly audit: AuditService,
    private readonly events: DomainEventsService,
  ) {}

  async create(user: AuthUser, dto: CreateInterviewDto): Promise<InterviewKitResponse> {
    const { candidate, position } = await this.prerequisites.candidateAndPosition(
      user,
      dto.candidateId,
      dto.positionId,
    );
    const startsAt = parseInstant(dto.start, dto.timezone);
    if (Number.isNaN(startsAt.getTime())) throw new BadRequestException('start must be a valid date-time');
    if (startsAt.getTime() <= Date.now())
      throw new BadRequestException(
        `start ${startsAt.toISOString()} is in the past; a new interview must start in the future`,
      );
    const endsAt = new Date(startsAt.getTime() + dto.durationMinutes * 60_000);
    const feedbackDueAt = dto.feedbackDueAt
      ? parseInstant(dto.feedbackDueAt, dto.timezone, 'feedbackDueAt')
      : new Date(endsAt.getTime() + 24 * HOUR);
    if (feedbackDueAt <= endsAt) throw new BadRequestException('feedbackDueAt must be after the interview ends');
    const people = await this.planner.validate(dto.panel);
    const panelIds = dto.panel.map((p) => p.userId);
    const { questions, askers } = await this.prerequisites.questions(dto.questions ?? [], panelIds);
    const planStage = dto.planStageId ? await this.prerequisites.planStage(position.id, dto.planStageId) : null;
    const stage = dto.stage ?? planStage!.name;

    const { interview, warnings } = await this.repo.transaction(async (repo) => {
      const warnings = await this.planner.checkClashes(
        repo,
        people,
        panelIds,
        startsAt,
        endsAt,
        undefined,
        !!dto.allowConflicts,
      );
      const interview = await repo.insertInterview({
        candidateId: candidate.id,
        positionId: position.id,
        title: dto.title ?? (dto.stage ? `${dto.stage[0].toUpperCase()}${dto.stage.slice(1)} interview` : stage),
        stage,
        planStageId: planStage?.id ?? null,
        startsAt,
        endsAt,
        timezone: dto.timezone,
        durationMinutes: dto.durationMinutes,
        location: dto.location ?? null,
        meetingUrl: dto.meetingUrl ?? null,
        inviteCandidate: dto.inviteCandidate ?? false,
        status: 'scheduled',
        feedbackDueAt,
        createdById: user.id,
      });
      await repo.replacePanel(interview.id, dto.panel);
      await repo.insertQuestions(snapshotRows(interview.id, 0, questions, askers));
      warnings.push(...(await this.planner.weeklyLimitWarnings(repo, people, panelIds, startsAt, dto.timezone)));
      await this.audit.record(
        user.id,
        'interview',
        interview.id,
        'scheduled',
        { start: startsAt, panel: dto.panel, questions: questions.length },
        repo.tx,
      );
      return { interview, warnings };
    });
    await this.emit(InterviewEvent.Scheduled, eventPayload(interview, user.id, dto.panel));
    return this.query.kit(user, interview.id, warnings);
  }

  /** Reschedule, change the panel, the place or the title; one transaction, one revision. */
  async update(user: AuthUser, id: string, dto: UpdateInterviewDto): Promise<InterviewKitResponse> {
    const current = await this.query.readable(user, id);
    assertAllowed(
      canManagePosition(user, current.authority),
      "Only admins, recruiters and the position's hiring manager change this interview",
    );
    const people = dto.panel
      ? await this.planner.validate(dto.panel)
      : new Map<string, { name: string; email: string }>();
    const planStage = dto.planStageId ? await this.prerequisites.planStage(current.position.id, dto.planStageId) : null;

    const result = await this.repo.transaction(async (repo) => {
      const before = await repo.findForUpdate(id);
      if (!before) throw new NotFoundException(`Interview ${id} not found`);
      if (before.revision !== dto.revision) {
        throw staleRevision(`Interview ${id}`, before.revision, dto.revision);
      }
      if (before.status !== 'scheduled')
        throw new ConflictException(`Interview ${id} is ${before.status}; only scheduled interviews can be changed`);
      const timezone = dto.timezone ?? before.timezone;
      const startsAt = dto.start ? parseInstant(dto.start, timezone) : before.startsAt;
      if (dto.start && startsAt.getTime() <= Date.now())
        throw new BadRequestException(`start ${startsAt.toISOString()} is in the past`);
      const durationMinutes = dto.durationMinutes ?? before.durationMinutes;
      const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
      // feedback stays due the same time after the end unless it is set explicitly
      const feedbackDueAt = dto.feedbackDueAt
        ? parseInstant(dto.feedbackDueAt, timezone, 'feedbackDueAt')
        : new Date(before.feedbackDueAt.getTime() + (endsAt.getTime() - before.endsAt.getTime()));
      if (feedbackDueAt <= endsAt) throw new BadRequestException('feedbackDueAt must be after the interview ends');

      const oldPanel = await repo.findPanel(id);
      const panel: PanelMember[] = dto.panel ?? oldPanel;
      const added = panel.filter((p) => !oldPanel.some((o) => o.userId === p.userId));
      const removed = oldPanel.filter((o) => !panel.some((p) => p.userId === o.userId));
      const roleChanged = panel.some((p) => oldPanel.some((o) => o.userId === p.userId && o.role !== p.role));
      const timeChanged =
        startsAt.getTime() !== before.startsAt.getTime() ||
        endsAt.getTime() !== before.endsAt.getTime() ||
        timezone !== before.timezone;
      const panelChanged = added.length > 0 || removed.length > 0 || roleChanged;
      const placeChanged =
        (dto.location !== undefined && dto.location !== before.location) ||
        (dto.meetingUrl !== undefined && dto.meetingUrl !== before.meetingUrl);
      // the candidate joins or leaves the attendees: a new SEQUENCE, so that their REQUEST or CANCEL is a new message
      const guestsChanged = dto.inviteCandidate !== undefined && dto.inviteCandidate !== before.inviteCandidate;

      const warnings: WarningResponse[] = [];
      if (timeChanged || added.length) {
        const unnamed = panel.filter((p) => !people.has(p.userId)).map((p) => p.userId);
        for (const [id, who] of await this.planner.people(unnamed)) people.set(id, who);
        const check = timeChanged ? panel.map((p) => p.userId) : added.map((p) => p.userId);
        warnings.push(
          ...(await this.planner.checkClashes(repo, people, check, startsAt, endsAt, id, !!dto.allowConflicts)),
        );
      }
      if (panelChanged) {
        await repo.replacePanel(id, panel);
        await repo.unassignAskers(
          id,
          removed.map((r) => r.userId),
        );
      }
      // panelists answered for the old time; a new one needs a new answer
      if (timeChanged) await repo.resetRsvp(id);
      await repo.update(
        id,
        {
          title: dto.title ?? before.title,
          stage: dto.stage ?? before.stage,
          planStageId: dto.planStageId === undefined ? before.planStageId : (planStage?.id ?? null),
          startsAt,
          endsAt,
          timezone,
          durationMinutes,
          feedbackDueAt,
          location: dto.location ?? before.location,
          meetingUrl: dto.meetingUrl ?? before.meetingUrl,
          inviteCandidate: dto.inviteCandidate ?? before.inviteCandidate,
        },
        timeChanged || panelChanged || placeChanged || guestsChanged,
      );
      if (timeChanged || added.length)
        warnings.push(
          ...(await this.planner.weeklyLimitWarnings(
            repo,
            people,
            (timeChanged ? panel : added).map((p) => p.userId),
            startsAt,
            timezone,
          )),
        );
      const changes = Object.fromEntries(
        Object.entries(dto).filter(([k]) => k !== 'revision' && k !== 'allowConflicts'),
      );
      await this.audit.record(
        user.id,
        'interview',
        id,
        timeChanged ? 'rescheduled' : 'updated',
        { ...changes, previousStart: before.startsAt },
        repo.tx,
      );
      const after = (await repo.findById(id))!;
      return {
        before,
        after,
        panel,
        added,
        removed,
        timeChanged,
        panelChanged,
        placeChanged: placeChanged || guestsChanged,
        warnings,
      };
    });

    const payload = eventPayload(result.after, user.id, result.panel);
    if (result.timeChanged) {
      await this.emit(InterviewEvent.Rescheduled, {
        ...payload,
        previous: {
          startsAt: result.before.startsAt,
          endsAt: result.before.endsAt,
          feedbackDueAt: result.before.feedbackDueAt,
        },
      });
    }
    if (result.panelChanged)
      await this.emit(InterviewEvent.PanelChanged, { ...payload, added: result.added, removed: result.removed });
    if (result.placeChanged && !result.timeChanged && !result.panelChanged)
      await this.emit(InterviewEvent.Updated, payload);
    return this.query.kit(user, id, result.warnings);
  }

  /** Awaited, so that when the API answers, listeners (reminders) have seen the change. */
  private async emit<K extends InterviewEvent>(event: K, payload: DomainEventMap[K]): Promise<void> {
    await this.events.emit(event, payload);
  }
}
