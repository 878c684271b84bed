import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { DomainEventsService, staleVersion, unprocessable } from '@app/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { assertAllowed, canReopenScorecard, InterviewQueryService, KitRow, toZonedIso } from '@app/interviews';
import { SaveScorecardDto, ScorecardResponse, SubmitScorecardDto } from '../dto/scorecard.dto';
import { missingItems, toScorecardResponse } from './scorecard-view';
import { ScorecardRepository } from './scorecard.repository';
import type { Card, DraftChanges } from './scorecard.repository';

import { ScorecardEvent } from './scorecard.events';

/** A panelist's own scorecard: created on first read, saved often, submitted once, reopened on purpose. */
@Injectable()
export class ScorecardsService {
  constructor(
    private readonly repo: ScorecardRepository,
    private readonly interviews: InterviewQueryService,
    private readonly audit: AuditService,
    private readonly events: DomainEventsService,
    private readonly users: UsersService,
  ) {}

  /** The kit, for a caller on the panel (others: 404, since "mine" does not exist for them). */
  private async panelKit(user: AuthUser, interviewId: string): Promise<KitRow> {
    const kit = await this.interviews.readable(user, interviewId);
    if (!kit.panel.some((p) => p.userId === user.id))
      throw new NotFoundException(`You are not on the panel of interview ${interviewId}`);
    return kit;
  }

  async mine(user: AuthUser, interviewId: string): Promise<ScorecardResponse> {
    const kit = await this.panelKit(user, interviewId);
    const card = await this.repo.openDraft(draftOf(kit, user));
    return this.view(kit, card, user.name);
  }

  async save(user: AuthUser, interviewId: string, dto: SaveScorecardDto): Promise<ScorecardResponse> {
    const kit = await this.panelKit(user, interviewId);
    assertOpen(kit);
    const changes = draftChanges(kit, dto);
    const write = () =>
      this.repo.transaction(async (repo) => {
        const card = await repo.saveDraft(interviewId, user.id, changes);
        if (!card) {
          // nothing was written: say why (a second statement only on this path)
          const current = await repo.findCard(interviewId, user.id);
          if (!current) return null;
          if (current.version !== dto.version) {
            throw staleVersion(
              `Your scorecard was saved elsewhere in the meantime (version ${current.version}, yours ${dto.version}); reload it to continue`,
              current.version,
            );
          }
          throw new ConflictException('This scorecard is submitted and locked; reopen it to change it');
        }
        const patch: Record<string, unknown> = {};
        if (dto.overallRecommendation !== undefined) patch.overallRecommendation = dto.overallRecommendation;
        if (dto.summary !== undefined) patch.summary = dto.summary;
        await this.audit.record(
          user.id,
          'scorecard',
          card.id,
          'saved',
          { ratings: dto.ratings?.length ?? 0, questions: dto.questions?.length ?? 0, ...patch },
          repo.tx,
        );
        return { card, ...(await repo.contentOf(card.id)) };
      });
    let saved = await write();
    if (!saved) {
      // saved before it was ever opened: the draft is created (and kept, as a first read keeps it), then saved
      await this.repo.openDraft(draftOf(kit, user));
      saved = await write();
    }
    return toScorecardResponse(kit, saved!.card, user.name, saved!.ratings, saved!.notes);
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
    const { card, ratings, notes } = await this.repo.transaction(async (repo) => {
      const card = await repo.lockCard(interviewId, user.id);
      if (!card) throw unprocessable('Nothing to submit yet: open and fill your scorecard first');
      if (dto.version !== undefined && card.version !== dto.version)
        throw staleVersion(
          `Your scorecard changed since (version ${card.version}, yours ${dto.version})`,
          card.version,
        );
      if (card.status === 'submitted') throw new ConflictException('This scorecard is already submitted');
      // read under the lock: no save can change them before the commit
      const content = await repo.contentOf(card.id);
      const missing = missingItems(kit, card, content.ratings);
      if (missing.length) {
        throw unprocessable(
          `Your scorecard is missing ${missing.length} item(s): ${missing
            .slice(0, 5)
            .map((m) => m.label)
            .join('; ')}${missing.length > 5 ? '; …' : ''}`,
          { missing },
        );
      }
      const submitted = await repo.markSubmitted(card.id, new Date());
      await this.audit.record(
        user.id,
        'scorecard',
        card.id,
        'submitted',
        { recommendation: card.overallRecommendation },
        repo.tx,
      );
      return { card: submitted, ...content };
    });
    await this.events.emit(ScorecardEvent.Submitted, { scorecardId: card.id, interviewId, panelistId: user.id });
    return toScorecardResponse(kit, card, user.name, ratings, notes);
  }

  /** Unlocks a submitted scorecard: its author or an admin, on the record. */
  async reopen(user: AuthUser, interviewId: string, scorecardId: string): Promise<ScorecardResponse> {
    const kit = await this.interviews.readable(user, interviewId);
    const card = await this.repo.transaction(async (repo) => {
      const card = /^[0-9a-f-]{36}$/i.test(scorecardId) ? await repo.lockCardById(scorecardId) : null;
      if (!card || card.interviewId !== interviewId) throw new NotFoundException(`Scorecard ${scorecardId} not found`);
      assertAllowed(canReopenScorecard(user, card.panelistId), 'Only the author or an admin reopens a scorecard');
      if (card.status !== 'submitted') throw new ConflictException('Only a submitted scorecard can be reopened');
      const reopened = await repo.markReopened(card.id);
      await this.audit.record(user.id, 'scorecard', card.id, 'reopened', { author: card.panelistId }, repo.tx);
      return reopened;
    });
    await this.events.emit(ScorecardEvent.Reopened, {
      scorecardId: card.id,
      interviewId,
      panelistId: card.panelistId,
    });
    const [author] = await this.users.findManyByIds([card.panelistId]);
    return this.view(kit, card, author?.name ?? 'Unknown user');
  }

  private async view(kit: KitRow, card: Card, name: string): Promise<ScorecardResponse> {
    const { ratings, notes } = await this.repo.contentOf(card.id);
    return toScorecardResponse(kit, card, name, ratings, notes);
  }
}

function draftOf(kit: KitRow, user: AuthUser) {
  return {
    interviewId: kit.interview.id,
    panelistId: user.id,
    candidateId: kit.candidate.id,
    positionId: kit.authority.positionId,
    interviewEndsAt: kit.interview.endsAt,
  };
}

/** The save's ratings and notes checked against the kit (400 naming the first stranger) and resolved to rows. */
function draftChanges(kit: KitRow, dto: SaveScorecardDto): DraftChanges {
  const questions = new Map(kit.questions.map((q) => [q.id, q]));
  const changes: DraftChanges = {
    version: dto.version,
    overallRecommendation: dto.overallRecommendation,
    summary: dto.summary,
    set: [],
    cleared: [],
    notes: [],
  };
  for (const [i, r] of (dto.ratings ?? []).entries()) {
    const q = questions.get(r.questionId);
    if (!q) throw new BadRequestException(`ratings.${i}.questionId: question ${r.questionId} is not on this interview`);
    if (!q.criteria.some((c) => c.id === r.criterionId))
      throw new BadRequestException(
        `ratings.${i}.criterionId: criterion ${r.criterionId} is not on question ${q.position + 1}`,
      );
    if (r.notAssessed && r.rating != null)
      throw new BadRequestException(`ratings.${i}: give a rating or notAssessed, not both`);
    if (r.rating == null && !r.notAssessed) changes.cleared.push({ questionId: q.id, criterionId: r.criterionId });
    else {
      changes.set.push({
        question_id: q.id,
        criterion_id: r.criterionId,
        rating: r.notAssessed ? null : r.rating!,
        not_assessed: !!r.notAssessed,
        note: r.note ?? null,
        question_type: q.type,
        competencies: q.competencies,
        source_question_id: q.sourceQuestionId,
      });
    }
  }
  for (const [i, n] of (dto.questions ?? []).entries()) {
    const q = questions.get(n.questionId);
    if (!q)
      throw new BadRequestException(`questions.${i}.questionId: question ${n.questionId} is not on this interview`);
    const unknown = (n.followUpsAsked ?? []).find((f) => !q.followUps.some((x) => x.id === f));
    if (unknown)
      throw new BadRequestException(
        `questions.${i}.followUpsAsked: follow-up ${unknown} is not on question ${q.position + 1}`,
      );
    changes.notes.push({ question_id: q.id, notes: n.notes ?? null, follow_ups_asked: n.followUpsAsked ?? [] });
  }
  return changes;
}

/** Cancelled interviews and no-shows take no feedback. */
function assertOpen(kit: KitRow): void {
  const i = kit.interview;
  if (i.status === 'cancelled') throw new ConflictException(`Interview ${i.id} is cancelled`);
  if (i.status === 'no_show') throw new ConflictException(`Interview ${i.id} was a no-show; no feedback is taken`);
}
