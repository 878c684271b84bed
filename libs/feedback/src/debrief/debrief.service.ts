import { Injectable, NotFoundException } from '@nestjs/common';
import { UsersService } from '@app/auth';
import { seatKey, seatKeys } from '@app/common';
import type { AuthUser } from '@app/auth';
import {
  canManagePosition,
  CandidatesService,
  InterviewReadService,
  type InterviewListRow,
  type KitRow,
} from '@app/interviews';
import { DebriefQueryDto, DebriefResponse } from '../dto/debrief.dto';
import { recommendationLabel } from '../scale';
import { missingSlots } from '../scorecards/feedback-status.service';
import { ScorecardRepository } from '../scorecards/scorecard.repository';
import { coincidences, unitsBy } from '../stats';
import { panelAgreement } from '../summaries/panel-agreement';
import { byCompetency, byCriterion, competencyMeans, scorecardInFull } from './debrief-view';

const MAX_INTERVIEWS = 10_000;
const SCALE = [1, 2, 3, 4];

/** The interview's plan stage; the column comes with the interview plan (null until then). */
const planStageOf = (i: InterviewListRow['interview']): string | null =>
  (i as { planStageId?: string | null }).planStageId ?? null;

/**
 * The debrief of a candidate: every submitted scorecard in full, by criterion and by competency,
 * with disagreements, recommendations, who is missing and agreement. For the people who decide
 * (the position's hiring manager, recruiters, admins); everyone else gets 404. Drafts never appear.
 */
@Injectable()
export class DebriefService {
  constructor(
    private readonly candidates: CandidatesService,
    private readonly interviews: InterviewReadService,
    private readonly scorecards: ScorecardRepository,
    private readonly users: UsersService,
  ) {}

  async debrief(user: AuthUser, candidateId: string, q: DebriefQueryDto): Promise<DebriefResponse> {
    const candidate = await this.candidates.find(user, candidateId);
    if (!candidate.position || !canManagePosition(user, { hiringManagerId: candidate.position.hiringManagerId }))
      throw new NotFoundException(`Candidate ${candidateId} not found`);
    const planStageId = q.planStageId ?? null;
    const rows = (await this.interviews.listForCandidate(candidate.id, MAX_INTERVIEWS)).filter(
      (r) => planStageId === null || planStageOf(r.interview) === planStageId,
    );
    const cards = await this.scorecards.submittedFor(rows.map((r) => r.interview.id));
    const withCards = rows.filter((r) => cards.some((c) => c.interviewId === r.interview.id));
    const [ratings, notes, kits, people] = await Promise.all([
      this.scorecards.ratingsFor(cards.map((c) => c.id)),
      this.scorecards.notesFor(cards.map((c) => c.id)),
      // a candidate has a handful of interviews; only those with evidence need their questions
      Promise.all(withCards.map((r) => this.interviews.kit(r.interview.id))),
      this.users.findManyByIds([
        ...new Set(rows.flatMap((r) => r.panel.map((p) => p.userId)).concat(cards.map((c) => c.panelistId))),
      ]),
    ]);
    const names = new Map(people.map((u) => [u.id, u.name]));
    const name = (id: string) => names.get(id) ?? 'Unknown user';
    const kitOf = new Map(kits.filter((k): k is KitRow => !!k).map((k) => [k.interview.id, k]));
    const titleOf = new Map(rows.map((r) => [r.interview.id, r.interview.title]));
    const submitted = seatKeys(cards.map((c) => ({ interviewId: c.interviewId, userId: c.panelistId })));
    const panelists = [...new Set(cards.map((c) => c.panelistId))];
    const evidence = ratings.filter((r) => kitOf.has(r.interviewId));
    const criteriaUnits = unitsBy(
      evidence,
      (r) => `${r.interviewQuestionId}/${r.criterionId}`,
      (r) => r.rating,
    ).filter((u) => u.length >= 2);

    return {
      candidate: {
        id: candidate.id,
        name: candidate.name,
        positionId: candidate.positionId,
        positionTitle: candidate.position.title,
      },
      planStageId,
      interviews: rows.map((r) => ({
        id: r.interview.id,
        title: r.interview.title,
        stage: r.interview.stage,
        planStageId: planStageOf(r.interview),
        startsAt: r.interview.startsAt,
        endsAt: r.interview.endsAt,
        feedbackDueAt: r.interview.feedbackDueAt,
        status: r.interview.status,
        panel: r.panel.map((p) => ({
          userId: p.userId,
          name: name(p.userId),
          role: p.role,
          submitted: submitted.has(seatKey({ interviewId: r.interview.id, userId: p.userId })),
        })),
      })),
      panelists: panelists.map((id) => ({ id, name: name(id) })),
      scorecards: cards
        .filter((c) => kitOf.has(c.interviewId))
        .map((c) =>
          scorecardInFull(
            kitOf.get(c.interviewId)!,
            c,
            name(c.panelistId),
            ratings.filter((r) => r.scorecardId === c.id),
            notes.filter((n) => n.scorecardId === c.id),
          ),
        ),
      byCriterion: byCriterion(
        withCards.map((r) => kitOf.get(r.interview.id)).filter((k): k is KitRow => !!k),
        evidence,
      ),
      byCompetency: byCompetency(evidence, panelists),
      recommendations: cards.map((c) => ({
        userId: c.panelistId,
        name: name(c.panelistId),
        interviewId: c.interviewId,
        interviewTitle: titleOf.get(c.interviewId) ?? '',
        recommendation: c.overallRecommendation,
        label: recommendationLabel(c.overallRecommendation),
      })),
      missing: missingSlots(
        rows.map((r) => ({ id: r.interview.id, status: r.interview.status, panel: r.panel })),
        submitted,
      ).map((m) => ({
        interviewId: m.interviewId,
        interviewTitle: titleOf.get(m.interviewId) ?? '',
        userId: m.userId,
        name: name(m.userId),
      })),
      agreement: panelAgreement(
        criteriaUnits.length ? { ...coincidences(criteriaUnits, SCALE), units: criteriaUnits.length } : undefined,
        cards.map((c) => ({
          interviewId: c.interviewId,
          panelistId: c.panelistId,
          recommendation: c.overallRecommendation,
        })),
        competencyMeans(evidence),
      ),
    };
  }
}
