import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuditService } from '@app/audit';
import { conflict, unprocessable } from '@app/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { assertAllowed, canReopenScorecard, InterviewQueryService, KitRow, toZonedIso } from '@app/interviews';
import { SaveScorecardDto, ScorecardResponse, SubmitScorecardDto } from '../dto/scorecard.dto';
import type { ScorecardEntity } from '../entities/scorecard.entity';
import { missingItems, toScorecardResponse } from './scorecard-view';
import { ScorecardRepository } from './scorecard.repository';

export enum ScorecardEvent {
  Submitted = 'scorecard.submitted',
  Reopened = 'scorecard.reopened',
}

/** A panelist's own scorecard: created on first read, saved often, submitted once, reopened on purpose. */
@Injectable()
export class ScorecardsService {
  constructor(
    private readonly repo: ScorecardRepository,
    private readonly interviews: InterviewQueryService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly users: UsersService,
  ) {}

  /** The kit, for a caller on the panel (others: 404, since "mine" does not exist for them). */
  private async panelKit(user: AuthUser, interviewId: string): Promise<KitRow> {
    const kit = await this.interviews.readable(user, interviewId);
    if (!kit.panel.some((p) => p.userId === user.id)) throw new NotFoundException(`You are not on the panel of interview ${interviewId}`);
    return kit;
  }

  async mine(user: AuthUser, interviewId: string): Promise<ScorecardResponse> {
    const kit = await this.panelKit(user, interviewId);
    const card = await this.repo.ensure({ interviewId, panelistId: user.id, candidateId: kit.candidate.id, positionId: kit.authority.positionId, interviewEndsAt: kit.interview.endsAt });
    return this.view(kit, card, user.name);
  }

  async save(user: AuthUser, interviewId: string, dto: SaveScorecardDto): Promise<ScorecardResponse> {
    const kit = await this.panelKit(user, interviewId);
    assertOpen(kit);
    const questions = new Map(kit.questions.map((q) => [q.id, q]));
    const ratings = (dto.ratings ?? []).map((r, i) => {
      const q = questions.get(r.questionId);
      if (!q) throw new BadRequestException(`ratings.${i}.questionId: question ${r.questionId} is not on this interview`);
      if (!q.criteria.some((c) => c.id === r.criterionId)) throw new BadRequestException(`ratings.${i}.criterionId: criterion ${r.criterionId} is not on question ${q.position + 1}`);
      if (r.notAssessed && r.rating != null) throw new BadRequestException(`ratings.${i}: give a rating or notAssessed, not both`);
      return { r, q };
    });
    for (const [i, n] of (dto.questions ?? []).entries()) {
      const q = questions.get(n.questionId);
      if (!q) throw new BadRequestException(`questions.${i}.questionId: question ${n.questionId} is not on this interview`);
      const unknown = (n.followUpsAsked ?? []).find((f) => !q.followUps.some((x) => x.id === f));
      if (unknown) throw new BadRequestException(`questions.${i}.followUpsAsked: follow-up ${unknown} is not on question ${q.position + 1}`);
    }
    await this.repo.ensure({ interviewId, panelistId: user.id, candidateId: kit.candidate.id, positionId: kit.authority.positionId, interviewEndsAt: kit.interview.endsAt });
    const card = await this.repo.transaction(async (repo) => {
      const card = (await repo.findForUpdate(interviewId, user.id))!;
      if (card.version !== dto.version) {
        throw conflict(`Your scorecard was saved elsewhere in the meantime (version ${card.version}, yours ${dto.version}); reload it to continue`, { currentVersion: card.version });
      }
      if (card.status === 'submitted') throw new ConflictException('This scorecard is submitted and locked; reopen it to change it');
      const set = ratings.filter(({ r }) => r.rating != null || r.notAssessed);
      await repo.upsertRatings(
        set.map(({ r, q }) => ({
          scorecardId: card.id,
          interviewQuestionId: q.id,
          criterionId: r.criterionId,
          interviewId,
          panelistId: user.id,
          rating: r.notAssessed ? null : r.rating!,
          notAssessed: !!r.notAssessed,
          note: r.note ?? null,
          questionType: q.type,
          competencies: q.competencies,
          sourceQuestionId: q.sourceQuestionId,
        })),
      );
      await repo.deleteRatings(card.id, ratings.filter(({ r }) => r.rating == null && !r.notAssessed).map(({ r, q }) => ({ interviewQuestionId: q.id, criterionId: r.criterionId })));
      await repo.upsertNotes((dto.questions ?? []).map((n) => ({ scorecardId: card.id, interviewQuestionId: n.questionId, notes: n.notes ?? null, followUpsAsked: n.followUpsAsked ?? [] })));
      const patch: Partial<ScorecardEntity> = {};
      if (dto.overallRecommendation !== undefined) patch.overallRecommendation = dto.overallRecommendation;
      if (dto.summary !== undefined) patch.summary = dto.summary;
      await repo.update(card.id, patch);
      await this.audit.record(user.id, 'scorecard', card.id, 'saved', { ratings: ratings.length, questions: dto.questions?.length ?? 0, ...patch }, repo.tx);
      return (await repo.findById(card.id))!;
    });
    return this.view(kit, card, user.name);
  }

  async submit(user: AuthUser, interviewId: string, dto: SubmitScorecardDto): Promise<ScorecardResponse> {
    const kit = await this.panelKit(user, interviewId);
    assertOpen(kit);
    if (kit.interview.startsAt.getTime() > Date.now()) {
      throw unprocessable(
        `This interview starts at ${toZonedIso(kit.interview.startsAt, user.timezone)}; you can save a draft now and submit once it has started`,
        { startsAt: kit.interview.startsAt.toISOString() },
      );
    }
    const card = await this.repo.transaction(async (repo) => {
      const card = await repo.findForUpdate(interviewId, user.id);
      if (!card) throw unprocessable('Nothing to submit yet: open and fill your scorecard first');
      if (dto.version !== undefined && card.version !== dto.version) throw conflict(`Your scorecard changed since (version ${card.version}, yours ${dto.version})`, { currentVersion: card.version });
      if (card.status === 'submitted') throw new ConflictException('This scorecard is already submitted');
      const missing = missingItems(kit, card, await repo.ratingsFor([card.id]));
      if (missing.length) {
        throw unprocessable(`Your scorecard is missing ${missing.length} item(s): ${missing.slice(0, 5).map((m) => m.label).join('; ')}${missing.length > 5 ? '; …' : ''}`, { missing });
      }
      await repo.update(card.id, { status: 'submitted', submittedAt: new Date() });
      await this.audit.record(user.id, 'scorecard', card.id, 'submitted', { recommendation: card.overallRecommendation }, repo.tx);
      return (await repo.findById(card.id))!;
    });
    await this.events.emitAsync(ScorecardEvent.Submitted, { scorecardId: card.id, interviewId, panelistId: user.id });
    return this.view(kit, card, user.name);
  }

  /** Unlocks a submitted scorecard: its author or an admin, on the record. */
  async reopen(user: AuthUser, interviewId: string, scorecardId: string): Promise<ScorecardResponse> {
    const kit = await this.interviews.readable(user, interviewId);
    const card = await this.repo.transaction(async (repo) => {
      const card = /^[0-9a-f-]{36}$/i.test(scorecardId) ? await repo.findByIdForUpdate(scorecardId) : null;
      if (!card || card.interviewId !== interviewId) throw new NotFoundException(`Scorecard ${scorecardId} not found`);
      assertAllowed(canReopenScorecard(user, card.panelistId), 'Only the author or an admin reopens a scorecard');
      if (card.status !== 'submitted') throw new ConflictException('Only a submitted scorecard can be reopened');
      await repo.update(card.id, { status: 'draft', submittedAt: null });
      await this.audit.record(user.id, 'scorecard', card.id, 'reopened', { author: card.panelistId }, repo.tx);
      return (await repo.findById(card.id))!;
    });
    await this.events.emitAsync(ScorecardEvent.Reopened, { scorecardId: card.id, interviewId, panelistId: card.panelistId });
    const [author] = await this.users.findManyByIds([card.panelistId]);
    return this.view(kit, card, author?.name ?? 'Unknown user');
  }

  private async view(kit: KitRow, card: ScorecardEntity, name: string): Promise<ScorecardResponse> {
    const [ratings, notes] = await Promise.all([this.repo.ratingsFor([card.id]), this.repo.notesFor([card.id])]);
    return toScorecardResponse(kit, card, name, ratings, notes);
  }
}

/** Cancelled interviews and no-shows take no feedback. */
function assertOpen(kit: KitRow): void {
  const i = kit.interview;
  if (i.status === 'cancelled') throw new ConflictException(`Interview ${i.id} is cancelled`);
  if (i.status === 'no_show') throw new ConflictException(`Interview ${i.id} was a no-show; no feedback is taken`);
}
