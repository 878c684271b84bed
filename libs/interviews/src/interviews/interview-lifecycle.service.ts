import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { DomainEventsService, staleRevision } from '@app/common';
import type { AuthUser } from '@app/auth';
import { AssignQuestionsDto, CancelInterviewDto, CompleteInterviewDto, NoShowInterviewDto } from '../dto/interview.dto';
import { InterviewKitResponse } from '../dto/interview.response';
import type { InterviewEntity } from '../entities/interview.entity';
import { eventPayload, InterviewEvent, type InterviewNoShowPayload } from '../interview.events';
import { assertAllowed, canManagePosition } from '@app/auth';
import { InterviewPrerequisitesService } from './interview-prerequisites.service';
import { InterviewQueryService } from './interview-query.service';
import { InterviewRepository } from './interview.repository';
import { snapshotRows } from './interview-snapshot';

/** Cancel, complete, no-show, and questions added after scheduling. */
@Injectable()
export class InterviewLifecycleService {
  constructor(
    private readonly repo: InterviewRepository,
    private readonly query: InterviewQueryService,
    private readonly prerequisites: InterviewPrerequisitesService,
    private readonly audit: AuditService,
    private readonly events: DomainEventsService,
  ) {}

  async cancel(user: AuthUser, id: string, dto: CancelInterviewDto): Promise<InterviewKitResponse> {
    const { interview, panel } = await this.change(user, id, dto.revision, async (repo, before) => {
      if (before.status !== 'scheduled') throw new ConflictException(`Interview ${id} is already ${before.status}`);
      await repo.update(id, { status: 'cancelled', cancelReason: dto.reason, cancelledAt: new Date() }, true);
      await this.audit.record(user.id, 'interview', id, 'cancelled', { reason: dto.reason }, repo.tx);
    });
    await this.events.emit(InterviewEvent.Cancelled, {
      ...eventPayload(interview, user.id, panel),
      reason: dto.reason,
    });
    return this.query.kit(user, id);
  }

  async complete(user: AuthUser, id: string, dto: CompleteInterviewDto): Promise<InterviewKitResponse> {
    const { interview, panel } = await this.change(user, id, dto.revision, async (repo, before) => {
      assertHeldAndStarted(id, before);
      await repo.update(id, { status: 'completed', completedAt: new Date() }, false);
      await this.audit.record(user.id, 'interview', id, 'completed', {}, repo.tx);
    });
    await this.events.emit(InterviewEvent.Completed, eventPayload(interview, user.id, panel));
    return this.query.kit(user, id);
  }

  /** The candidate did not attend: no feedback is owed, reminders about it stop. */
  async noShow(user: AuthUser, id: string, dto: NoShowInterviewDto): Promise<InterviewKitResponse> {
    const note = dto.note || null;
    const { interview, panel } = await this.change(user, id, dto.revision, async (repo, before) => {
      assertHeldAndStarted(id, before);
      await repo.update(id, { status: 'no_show' }, false);
      await this.audit.record(user.id, 'interview', id, 'no_show', { note, previousStatus: before.status }, repo.tx);
    });
    const payload: InterviewNoShowPayload = { ...eventPayload(interview, user.id, panel), note };
    await this.events.emit(InterviewEvent.NoShow, payload);
    return this.query.kit(user, id);
  }

  /** Adds snapshots of published questions at the end of the kit. */
  async assignQuestions(user: AuthUser, id: string, dto: AssignQuestionsDto): Promise<InterviewKitResponse> {
    const kit = await this.query.readable(user, id);
    const { questions, askers } = await this.prerequisites.questions(
      dto.questions,
      kit.panel.map((p) => p.userId),
    );
    await this.change(user, id, dto.revision, async (repo, before) => {
      if (before.status === 'cancelled' || before.status === 'no_show')
        throw new ConflictException(`Interview ${id} is ${before.status === 'cancelled' ? 'cancelled' : 'a no-show'}`);
      await repo.insertQuestions(snapshotRows(id, await repo.countQuestions(id), questions, askers));
      await repo.update(id, {}, false);
      await this.audit.record(
        user.id,
        'interview',
        id,
        'questions_assigned',
        { questions: questions.map((q) => q.questionId) },
        repo.tx,
      );
    });
    return this.query.kit(user, id);
  }

  /** Locks the interview, checks who may change it and the caller's revision, runs `fn`. */
  private async change(
    user: AuthUser,
    id: string,
    revision: number | undefined,
    fn: (repo: InterviewRepository, before: InterviewEntity) => Promise<void>,
  ) {
    const kit = await this.query.readable(user, id);
    // a panelist sees the interview but does not manage it: 403 (anyone else got 404 from readable)
    assertAllowed(
      canManagePosition(user, kit.authority),
      "Only admins, recruiters and the position's hiring manager change this interview",
    );
    return this.repo.transaction(async (repo) => {
      const before = await repo.findForUpdate(id);
      if (!before) throw new NotFoundException(`Interview ${id} not found`);
      if (revision !== undefined && before.revision !== revision) {
        throw staleRevision(`Interview ${id}`, before.revision, revision);
      }
      await fn(repo, before);
      return { interview: (await repo.findById(id))!, panel: await repo.findPanel(id) };
    });
  }
}

/** Complete and no-show close an interview that has started and is still open (scheduled or awaiting feedback). */
function assertHeldAndStarted(id: string, before: InterviewEntity): void {
  if (before.status !== 'scheduled' && before.status !== 'awaiting_feedback')
    throw new ConflictException(`Interview ${id} is already ${before.status}`);
  if (before.startsAt.getTime() > Date.now())
    throw new ConflictException(`Interview ${id} has not started yet (${before.startsAt.toISOString()})`);
}
