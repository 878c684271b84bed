import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { fixedRead } from '@app/common';
import { coincidencesFromPairs, type Coincidences, type PairCounts } from '../stats';
import {
  candidateAgreementsSql,
  MISSING_SLOTS_SQL,
  POSITION_AGREEMENT_SQL,
  POSITION_ROWS_SQL,
  toCandidateAgreements,
  toMissingSlots,
  toPositionAgreement,
  toPositionRows,
  type CandidateAgreementSums,
  type MissingSlot,
  type PositionCandidateRow,
} from './position-page';

/** The scope of an aggregation: one interview, one candidate, or every candidate of a position. */
export type Scope = { interviewId: string } | { candidateId: string } | { positionId: string };

/**
 * A scorecard on one of the candidates in `param` (null: any). The candidates of a hiring manager's
 * positions come from the interviews module (`CandidatesService.idsManagedBy`): their tables are its own.
 */
const ON_CANDIDATES = (alias: string, param: string) =>
  `(${param}::uuid[] IS NULL OR ${alias}.candidate_id = ANY(${param}::uuid[]))`;

function scopeSql(scope: Scope, alias = 's'): { where: string; param: string } {
  if ('interviewId' in scope) return { where: `${alias}.interview_id = $1`, param: scope.interviewId };
  if ('candidateId' in scope) return { where: `${alias}.candidate_id = $1`, param: scope.candidateId };
  return { where: `${alias}.position_id = $1`, param: scope.positionId };
}

export interface CriterionRow {
  interviewQuestionId: string;
  criterionId: string;
  ratings: Array<{ userId: string; rating: number | null; notAssessed: boolean; note: string | null }>;
  mean: number | null;
  spread: number | null;
  min: number | null;
  max: number | null;
  rated: number;
  notAssessed: number;
}

export interface GroupStat {
  key: string;
  mean: number | null;
  spread: number | null;
  count: number;
}

export interface CandidateRow {
  candidateId: string;
  means: Record<string, number | null>;
  overallMean: number | null;
  ratings: number;
  recommendations: Record<string, number>;
  submitted: number;
}

const VALUES = [1, 2, 3, 4];

/**
 * Every aggregation of submitted scorecards, in SQL: one statement per figure, whatever the number
 * of scorecards. Only submitted scorecards count.
 */
@Injectable()
export class FeedbackStatsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Per question and criterion of one interview: each panelist's rating, mean, spread. */
  async criteria(interviewId: string): Promise<CriterionRow[]> {
    const rows: Array<Record<string, unknown>> = await fixedRead(
      this.ds.manager,
      `SELECT r.interview_question_id, r.criterion_id,
              json_agg(json_build_object('userId', r.panelist_id, 'rating', r.rating, 'notAssessed', r.not_assessed, 'note', r.note) ORDER BY r.panelist_id) AS ratings,
              avg(r.rating)::float AS mean, stddev_pop(r.rating)::float AS spread, min(r.rating) AS min, max(r.rating) AS max,
              count(r.rating)::int AS rated, count(*) FILTER (WHERE r.not_assessed)::int AS not_assessed
         FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted'
        WHERE r.interview_id = $1
        GROUP BY r.interview_question_id, r.criterion_id`,
      [interviewId],
    );
    return rows.map((r) => ({
      interviewQuestionId: r.interview_question_id as string,
      criterionId: r.criterion_id as string,
      ratings: r.ratings as CriterionRow['ratings'],
      mean: r.mean as number | null,
      spread: r.spread as number | null,
      min: r.min as number | null,
      max: r.max as number | null,
      rated: r.rated as number,
      notAssessed: r.not_assessed as number,
    }));
  }

  /** Submitted scorecards' recommendations, per scorecard (small: one row per panelist). */
  async recommendations(
    scope: Scope,
  ): Promise<
    Array<{ interviewId: string; candidateId: string; panelistId: string; recommendation: string; submittedAt: Date }>
  > {
    const { where, param } = scopeSql(scope);
    const rows: Array<Record<string, unknown>> = await fixedRead(
      this.ds.manager,
      `SELECT s.interview_id, s.candidate_id, s.panelist_id, s.overall_recommendation, s.submitted_at FROM scorecards s WHERE ${where} AND s.status = 'submitted'`,
      [param],
    );
    return rows.map((r) => ({
      interviewId: r.interview_id as string,
      candidateId: r.candidate_id as string,
      panelistId: r.panelist_id as string,
      recommendation: r.overall_recommendation as string,
      submittedAt: r.submitted_at as Date,
    }));
  }

  /** Mean, spread and count of ratings grouped by question type or by competency. */
  async groups(scope: Scope, by: 'type' | 'competency'): Promise<GroupStat[]> {
    const { where, param } = scopeSql(scope);
    const key = by === 'type' ? 'r.question_type' : 'c.competency';
    const from = by === 'type' ? '' : 'CROSS JOIN LATERAL unnest(r.competencies) AS c(competency)';
    const rows: Array<Record<string, unknown>> = await fixedRead(
      this.ds.manager,
      `SELECT ${key} AS key, avg(r.rating)::float AS mean, stddev_pop(r.rating)::float AS spread, count(r.rating)::int AS count
         FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted' ${from}
        WHERE ${where}
        GROUP BY ${key} ORDER BY ${key}`,
      [param],
    );
    return rows.map((r) => ({
      key: r.key as string,
      mean: r.mean as number | null,
      spread: r.spread as number | null,
      count: r.count as number,
    }));
  }

  /**
   * The coincidence matrix of ordinal ratings, per group (an interview, or a candidate). A unit is one
   * criterion of one interview question; its values are the submitted panelists' ratings. Per
   * candidate it is read from the maintained `candidate_coincidences` (a row per candidate and unit
   * size), so a position costs its candidates, not its ratings; one interview is small enough to count.
   */
  async coincidences(
    scope: Scope,
    groupBy: 'interview' | 'candidate',
  ): Promise<Map<string, Coincidences & { units: number }>> {
    if (groupBy === 'candidate' && !('interviewId' in scope)) return this.candidateCoincidences(scope);
    const { where, param } = scopeSql(scope);
    const group = groupBy === 'interview' ? 's.interview_id' : 's.candidate_id';
    // One pass over the units: per unit the count of each value, then o_ck = Σ_u n_uc (n_uk - [c=k]) / (m_u - 1).
    // (A self-join of per-value counts looks simpler but the planner nests it quadratically.)
    const counts = VALUES.map((v) => `count(*) FILTER (WHERE r.rating = ${v}) AS n${v}`).join(', ');
    const cells = VALUES.flatMap((c) =>
      VALUES.map((k) => `sum(n${c} * (n${k} - ${c === k ? 1 : 0})::float / (m - 1)) AS o${c}${k}`),
    ).join(', ');
    const rows: Array<Record<string, number | string>> = await fixedRead(
      this.ds.manager,
      `WITH u AS (
         SELECT ${group} AS g, ${counts}, count(*) AS m
           FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted'
          WHERE ${where} AND r.rating IS NOT NULL
          GROUP BY ${group}, r.interview_question_id, r.criterion_id
         HAVING count(*) >= 2)
       SELECT g, count(*)::int AS units, ${cells} FROM u GROUP BY g`,
      [param],
    );
    const out = new Map<string, Coincidences & { units: number }>();
    for (const r of rows) {
      out.set(r.g as string, {
        values: VALUES,
        o: VALUES.map((c) => VALUES.map((k) => Number(r[`o${c}${k}`]))),
        units: Number(r.units),
      });
    }
    return out;
  }

  private async candidateCoincidences(
    scope: { candidateId: string } | { positionId: string },
  ): Promise<Map<string, Coincidences & { units: number }>> {
    const { where, param } = scopeSql(scope, 'a');
    const rows: Array<{ candidate_id: string; panel: number; units: number; pairs: string[] }> = await fixedRead(
      this.ds.manager,
      `SELECT a.candidate_id, a.panel, a.units, a.pairs FROM candidate_coincidences a WHERE ${where} ORDER BY a.candidate_id, a.panel`,
      [param],
    );
    return byCandidate(rows);
  }

  /** The position summary's statements (shared with the bench's bare server: position-page.ts). */
  async positionRows(positionId: string, now: Date): Promise<PositionCandidateRow[]> {
    return toPositionRows(await fixedRead(this.ds.manager, POSITION_ROWS_SQL, [positionId, now]));
  }

  /** The agreement sums of these candidates (a page), or of every candidate of the position (null). */
  async candidateAgreements(
    positionId: string,
    candidateIds: string[] | null,
  ): Promise<Map<string, CandidateAgreementSums>> {
    if (candidateIds && !candidateIds.length) return new Map();
    const params = candidateIds ? [positionId, candidateIds] : [positionId];
    return toCandidateAgreements(await fixedRead(this.ds.manager, candidateAgreementsSql(!!candidateIds), params));
  }

  async positionAgreement(positionId: string): Promise<CandidateAgreementSums> {
    return toPositionAgreement(await fixedRead(this.ds.manager, POSITION_AGREEMENT_SQL, [positionId]));
  }

  async missingSlots(candidateIds: string[], now: Date): Promise<MissingSlot[]> {
    if (!candidateIds.length) return [];
    return toMissingSlots(await fixedRead(this.ds.manager, MISSING_SLOTS_SQL, [candidateIds, now]));
  }

  /**
   * An interviewer against their panels: leniency (their rating minus the mean of the others' on the
   * same criterion), how often their recommendation goes against the others' majority (hire vs no
   * hire; ties skipped), the median hours from the interview's end to submission, and the share of
   * criteria they left "not assessed". Submitted scorecards only; with `candidateIds`, only those on
   * these candidates (a hiring manager's, the access policy's scope).
   */
  async calibration(userId: string, candidateIds?: string[]): Promise<Calibration> {
    const [r] = await this.ds.query(
      `WITH sub AS (SELECT * FROM scorecards sc WHERE status = 'submitted' AND ${ON_CANDIDATES('sc', '$2')}),
       mine AS (SELECT r.interview_question_id q, r.criterion_id c, r.rating FROM scorecard_ratings r JOIN sub s ON s.id = r.scorecard_id
                 WHERE r.panelist_id = $1 AND r.rating IS NOT NULL),
       others AS (SELECT r.interview_question_id q, r.criterion_id c, avg(r.rating) AS mean FROM scorecard_ratings r JOIN sub s ON s.id = r.scorecard_id
                   WHERE r.panelist_id <> $1 AND r.rating IS NOT NULL AND (r.interview_question_id, r.criterion_id) IN (SELECT q, c FROM mine)
                   GROUP BY 1, 2),
       lean AS (SELECT avg(mine.rating - others.mean)::float AS leniency, count(*)::int AS n FROM mine JOIN others USING (q, c)),
       votes AS (SELECT s.interview_id,
                        bool_or(s.panelist_id = $1 AND s.overall_recommendation IN ('yes', 'strong_yes')) AS my_hire,
                        count(*) FILTER (WHERE s.panelist_id <> $1 AND s.overall_recommendation IN ('yes', 'strong_yes')) AS other_hire,
                        count(*) FILTER (WHERE s.panelist_id <> $1 AND s.overall_recommendation IN ('no', 'strong_no')) AS other_no
                   FROM sub s WHERE s.interview_id IN (SELECT interview_id FROM sub WHERE panelist_id = $1) GROUP BY s.interview_id),
       dis AS (SELECT count(*) FILTER (WHERE other_hire <> other_no)::int AS comparable,
                      count(*) FILTER (WHERE other_hire <> other_no AND my_hire <> (other_hire > other_no))::int AS disagreements
                 FROM votes),
       delay AS (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM submitted_at - interview_ends_at) / 3600)::float AS median_hours,
                        count(*)::int AS submitted
                   FROM sub WHERE panelist_id = $1),
       na AS (SELECT count(*) FILTER (WHERE r.not_assessed)::int AS not_assessed, count(*)::int AS total
                FROM scorecard_ratings r JOIN sub s ON s.id = r.scorecard_id WHERE r.panelist_id = $1)
       SELECT * FROM lean, dis, delay, na`,
      [userId, candidateIds ?? null],
    );
    return {
      leniency: r.leniency,
      comparedRatings: r.n,
      comparableInterviews: r.comparable,
      disagreements: r.disagreements,
      medianHoursToSubmit: r.median_hours,
      submitted: r.submitted,
      notAssessed: r.not_assessed,
      ratingsGiven: r.total,
    };
  }

  /** Per source question: how often it was rated and how much its ratings vary (with `candidateIds`, on these only). */
  async questionStats(
    sourceQuestionIds: string[],
    candidateIds?: string[],
  ): Promise<
    Array<{
      questionId: string;
      interviews: number;
      ratings: number;
      notAssessed: number;
      mean: number | null;
      spread: number | null;
      distribution: number[];
    }>
  > {
    if (!sourceQuestionIds.length) return [];
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT r.source_question_id AS q, count(DISTINCT r.interview_id)::int AS interviews, count(r.rating)::int AS ratings,
              count(*) FILTER (WHERE r.not_assessed)::int AS not_assessed, avg(r.rating)::float AS mean, stddev_pop(r.rating)::float AS spread,
              ARRAY[count(*) FILTER (WHERE r.rating = 1), count(*) FILTER (WHERE r.rating = 2), count(*) FILTER (WHERE r.rating = 3), count(*) FILTER (WHERE r.rating = 4)]::int[] AS distribution
         FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted'
        WHERE r.source_question_id = ANY($1::uuid[]) AND ${ON_CANDIDATES('s', '$2')}
        GROUP BY r.source_question_id`,
      [sourceQuestionIds, candidateIds ?? null],
    );
    return rows.map((r) => ({
      questionId: r.q as string,
      interviews: r.interviews as number,
      ratings: r.ratings as number,
      notAssessed: r.not_assessed as number,
      mean: r.mean as number | null,
      spread: r.spread as number | null,
      distribution: r.distribution as number[],
    }));
  }

  /**
   * Each submitted panelist's mean rating per competency per interview: the values of competency
   * agreement, from the maintained `scorecard_competency_aggregates` (one row per scorecard and
   * competency). sum::numeric / count is avg()'s own division, so the means are identical.
   */
  async competencyMeans(
    scope: Scope,
  ): Promise<
    Array<{ interviewId: string; candidateId: string; panelistId: string; competency: string; mean: number }>
  > {
    const { where, param } = scopeSql(scope, 'a');
    const rows: Array<Record<string, unknown>> = await fixedRead(
      this.ds.manager,
      `SELECT a.interview_id, a.candidate_id, a.panelist_id, a.competency, (a.rating_sum::numeric / a.ratings)::float AS mean
         FROM scorecard_competency_aggregates a
        WHERE ${where}
        ORDER BY a.interview_id, a.competency, a.panelist_id`,
      [param],
    );
    return rows.map((r) => ({
      interviewId: r.interview_id as string,
      candidateId: r.candidate_id as string,
      panelistId: r.panelist_id as string,
      competency: r.competency as string,
      mean: r.mean as number,
    }));
  }
}

function byCandidate(
  rows: Array<{ candidate_id: string } & PairCounts>,
): Map<string, Coincidences & { units: number }> {
  const groups = new Map<string, PairCounts[]>();
  for (const r of rows) {
    const list = groups.get(r.candidate_id);
    if (list) list.push(r);
    else groups.set(r.candidate_id, [r]);
  }
  return new Map([...groups].map(([id, list]) => [id, coincidencesFromPairs(VALUES, list)!]));
}

export interface Calibration {
  leniency: number | null;
  comparedRatings: number;
  comparableInterviews: number;
  disagreements: number;
  medianHoursToSubmit: number | null;
  submitted: number;
  notAssessed: number;
  ratingsGiven: number;
}
