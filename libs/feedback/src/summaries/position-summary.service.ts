import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { PositionsService } from '@app/interviews';
import { RECOMMENDATIONS } from '../entities/scorecard.entity';
import { POSITION_SUMMARY_PAGE, PositionSummaryQueryDto, PositionSummaryResponse } from '../dto/summary.dto';
import { toCsv } from './csv';
import { FeedbackStatsRepository } from './feedback-stats.repository';
import { RECOMMENDATION_LABELS } from '../scale';
import { choosePage, positionSummaryResponse } from './position-page';

/**
 * Candidates of a position side by side, a page at a time, from aggregates the writes maintain: one
 * row per candidate of the position (what the table sorts by), the position's agreement summed in
 * SQL, and for the page's candidates only their agreement sums and owed scorecards. No rating,
 * scorecard or interview of a candidate outside the page is read.
 */
@Injectable()
export class PositionSummaryService {
  constructor(
    private readonly stats: FeedbackStatsRepository,
    private readonly positions: PositionsService,
    private readonly users: UsersService,
  ) {}

  async summary(
    user: AuthUser,
    positionId: string,
    q: PositionSummaryQueryDto,
    all = false,
  ): Promise<PositionSummaryResponse> {
    // another manager's position does not exist for this caller (404), as everywhere
    const position = await this.positions.readable(user, positionId);
    const sort = q.sort ?? 'overallMean';
    const order = q.order ?? (sort === 'name' ? 'asc' : 'desc');
    const now = new Date();
    // sorting by agreement (or the CSV, every row) needs every candidate's sums; a page needs its own
    const everyone = sort === 'agreement' || all;
    const [rows, everyones, positionSums] = await Promise.all([
      this.stats.positionRows(position.id, now),
      everyone ? this.stats.candidateAgreements(position.id, null) : undefined,
      this.stats.positionAgreement(position.id),
    ]);
    const limit = all ? Math.max(rows.length, 1) : (q.limit ?? POSITION_SUMMARY_PAGE);
    const cursor = all ? undefined : q.cursor;
    const { page, nextCursor } = choosePage(rows, { sort, order, limit, cursor }, everyones);
    const [sums, missing] = await Promise.all([
      everyones ??
        this.stats.candidateAgreements(
          position.id,
          page.map((r) => r.candidateId),
        ),
      this.stats.missingSlots(
        page.filter((r) => r.missing > 0).map((r) => r.candidateId),
        now,
      ),
    ]);
    const people = missing.length ? await this.users.findManyByIds([...new Set(missing.map((m) => m.userId))]) : [];
    return positionSummaryResponse({
      position: { id: position.id, name: position.title },
      sort,
      order,
      limit,
      total: rows.length,
      page,
      nextCursor,
      sums,
      positionSums,
      missing,
      names: new Map(people.map((u) => [u.id, u.name])),
      now,
    });
  }

  async csv(
    user: AuthUser,
    positionId: string,
    q: PositionSummaryQueryDto,
  ): Promise<{ filename: string; body: string }> {
    const s = await this.summary(user, positionId, q, true);
    const num = (v: number | null) => (v === null ? '' : v.toFixed(2));
    const body = toCsv([
      [
        'Candidate',
        'Interviews done',
        'Scorecards submitted',
        'Scorecards missing',
        'Mean technical',
        'Mean behavioral',
        'Mean situational',
        'Mean overall',
        ...RECOMMENDATIONS.map((r) => RECOMMENDATION_LABELS[r]),
        'Agreement (alpha)',
        'Pairable ratings',
        'Agreement on recommendations (alpha)',
        'Pairable recommendations',
        'Agreement on competencies (alpha, interval)',
        'Pairable competency means',
      ],
      ...s.rows.map((r) => [
        r.candidate.name,
        r.interviewsDone,
        r.scorecardsSubmitted,
        r.scorecardsMissing,
        num(r.meanByType.technical),
        num(r.meanByType.behavioral),
        num(r.meanByType.situational),
        num(r.overallMean),
        r.recommendations.strong_no,
        r.recommendations.no,
        r.recommendations.yes,
        r.recommendations.strong_yes,
        r.agreement.enoughData && r.agreement.alpha !== null ? r.agreement.alpha.toFixed(3) : 'not enough data',
        r.agreement.pairableValues,
        r.agreementSet.recommendations.label,
        r.agreementSet.recommendations.pairable,
        r.agreementSet.competencies.label,
        r.agreementSet.competencies.pairable,
      ]),
    ]);
    const slug =
      s.position.name
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase() || 'position';
    return { filename: `${slug}-feedback.csv`, body };
  }
}
