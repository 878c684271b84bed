import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { decodeCursor, encodeCursor } from '@app/common';
import { PositionsService } from '@app/interviews';
import { RECOMMENDATIONS } from '../entities/scorecard.entity';
import { POSITION_SUMMARY_PAGE, PositionRowResponse, PositionSummaryQueryDto, PositionSummaryResponse } from '../dto/summary.dto';
import type { AgreementSetResponse } from '../dto/summary.dto';
import { toCsv } from './csv';
import { FeedbackStatsRepository } from './feedback-stats.repository';
import type { CandidateAgreementSums, MissingSlot, PositionCandidateRow } from './feedback-stats.repository';
import { RECOMMENDATION_LABELS } from '../scale';
import { agreementFigure, intervalFigure } from '../stats';
import { agreement } from './summary-helpers';

type SortValue = number | string | null;
type Row = PositionCandidateRow & { alpha?: number | null };

const SORTERS: Record<string, (r: Row) => SortValue> = {
  name: (r) => r.name.toLowerCase(),
  overallMean: (r) => r.overallMean,
  technical: (r) => r.means.technical,
  behavioral: (r) => r.means.behavioral,
  situational: (r) => r.means.situational,
  strongYes: (r) => r.recommendations.strong_yes,
  yes: (r) => r.recommendations.yes,
  no: (r) => r.recommendations.no,
  strongNo: (r) => r.recommendations.strong_no,
  agreement: (r) => r.alpha ?? null,
  missing: (r) => r.missing,
  interviews: (r) => r.interviewsDone,
};

/** The order of the table: the sort key (blanks last whatever the order), then name, then id. */
function compare(order: 'asc' | 'desc', x: SortValue, a: { name: string; id: string }, y: SortValue, b: { name: string; id: string }): number {
  if (x !== y) {
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * (order === 'asc' ? 1 : -1);
  }
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function agreementSet(sums: CandidateAgreementSums | undefined): AgreementSetResponse {
  const criteria = sums?.criteria;
  return {
    criteria: agreementFigure('criteria', criteria, criteria?.units ?? 0),
    recommendations: agreementFigure('recommendations', sums?.recommendations, sums?.recommendations?.units ?? 0),
    competencies: intervalFigure('competencies', sums?.competencies),
  };
}

/**
 * Candidates of a position side by side, a page at a time. Everything is read from aggregates the
 * writes maintain: one row per candidate of the position (what the table sorts by), the agreement
 * sums of the page's candidates (or of all when sorting by agreement), the position's summed
 * agreement, and the owed scorecards of the page's candidates only. No rating, scorecard or
 * interview of a candidate outside the page is read.
 */
@Injectable()
export class PositionSummaryService {
  constructor(
    private readonly stats: FeedbackStatsRepository,
    private readonly positions: PositionsService,
    private readonly users: UsersService,
  ) {}

  async summary(user: AuthUser, positionId: string, q: PositionSummaryQueryDto, all = false): Promise<PositionSummaryResponse> {
    // another manager's position does not exist for this caller (404), as everywhere
    const position = await this.positions.readable(user, positionId);
    const sort = q.sort ?? 'overallMean';
    const order = q.order ?? (sort === 'name' ? 'asc' : 'desc');
    const limit = all ? Number.MAX_SAFE_INTEGER : (q.limit ?? POSITION_SUMMARY_PAGE);
    const now = new Date();
    const byAgreement = sort === 'agreement';
    const [rows, everyones, positionSums] = await Promise.all([
      this.stats.positionRows(position.id, now) as Promise<Row[]>,
      byAgreement || all ? this.stats.candidateAgreements(position.id, null) : undefined,
      this.stats.positionAgreement(position.id),
    ]);
    if (byAgreement) {
      for (const r of rows) {
        const a = agreement(everyones!.get(r.candidateId)?.criteria);
        r.alpha = a.enoughData ? a.alpha : null;
      }
    }
    const key = SORTERS[sort];
    const keyed = rows.map((r) => ({ row: r, key: key(r), name: r.name, id: r.candidateId }));
    keyed.sort((a, b) => compare(order, a.key, a, b.key, b));
    const after = this.after(q.cursor, sort, order);
    const from = after ? keyed.filter((k) => compare(order, k.key, k, after.key, after) > 0) : keyed;
    const page = from.slice(0, limit).map((k) => k.row);
    const ids = page.map((r) => r.candidateId);
    const [sums, missing] = await Promise.all([
      everyones ?? this.stats.candidateAgreements(position.id, ids),
      this.stats.missingSlots(page.filter((r) => r.missing > 0).map((r) => r.candidateId), now),
    ]);
    const names = missing.length ? new Map((await this.users.findManyByIds([...new Set(missing.map((m) => m.userId))])).map((u) => [u.id, u.name])) : new Map<string, string>();
    const missingOf = new Map<string, MissingSlot[]>();
    for (const m of missing) missingOf.set(m.candidateId, [...(missingOf.get(m.candidateId) ?? []), m]);
    const out: PositionRowResponse[] = page.map((r) => {
      const s = sums.get(r.candidateId);
      return {
        candidate: { id: r.candidateId, name: r.name },
        interviewsDone: r.interviewsDone,
        scorecardsSubmitted: r.submitted,
        scorecardsMissing: r.missing,
        missingFrom: (missingOf.get(r.candidateId) ?? []).map((m) => ({
          interviewId: m.interviewId,
          userId: m.userId,
          name: names.get(m.userId) ?? 'Unknown user',
          role: m.role,
          feedbackDueAt: m.feedbackDueAt,
          overdue: m.feedbackDueAt.getTime() < now.getTime(),
        })),
        meanByType: r.means,
        overallMean: r.overallMean,
        recommendations: r.recommendations,
        agreement: agreement(s?.criteria, s?.criteria?.units),
        agreementSet: agreementSet(s),
      };
    });
    const last = from.length > limit ? from[limit - 1] : undefined;
    return {
      position: { id: position.id, name: position.title },
      rows: out,
      sort,
      order,
      agreementSet: agreementSet(positionSums),
      total: rows.length,
      page: { limit: all ? rows.length : limit, nextCursor: last ? encodeCursor([sort, order, last.key, last.name, last.id]) : null },
    };
  }

  /** The last row of the previous page; a cursor of another sort or a hand-made one starts over. */
  private after(cursor: string | undefined, sort: string, order: string): { key: SortValue; name: string; id: string } | undefined {
    const v = decodeCursor(cursor);
    if (!v || v.length !== 5 || v[0] !== sort || v[1] !== order) return undefined;
    const [, , key, name, id] = v;
    if (!(key === null || typeof key === 'number' || typeof key === 'string') || typeof name !== 'string' || typeof id !== 'string') return undefined;
    return { key, name, id };
  }

  async csv(user: AuthUser, positionId: string, q: PositionSummaryQueryDto): Promise<{ filename: string; body: string }> {
    const s = await this.summary(user, positionId, q, true);
    const num = (v: number | null) => (v === null ? '' : v.toFixed(2));
    const body = toCsv([
      ['Candidate', 'Interviews done', 'Scorecards submitted', 'Scorecards missing', 'Mean technical', 'Mean behavioral', 'Mean situational', 'Mean overall',
        ...RECOMMENDATIONS.map((r) => RECOMMENDATION_LABELS[r]), 'Agreement (alpha)', 'Pairable ratings',
        'Agreement on recommendations (alpha)', 'Pairable recommendations', 'Agreement on competencies (alpha, interval)', 'Pairable competency means'],
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
    const slug = s.position.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'position';
    return { filename: `${slug}-feedback.csv`, body };
  }
}
