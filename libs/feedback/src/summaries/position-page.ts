import { encodeCursor, readCursor, type CursorKind } from '@app/common';
import type { AgreementSetResponse, PositionRowResponse, PositionSummaryResponse } from '../dto/summary.dto';
import {
  agreementFigure,
  coincidencesFromPairs,
  intervalFigure,
  type Coincidences,
  type IntervalSums,
  type PairCounts,
} from '../stats';
import { agreement } from './summary-helpers';

/**
 * The position summary's SQL and its pure assembly, shared by the app and the bench's bare server
 * (bench/bare/server.ts) so that both run the very same statements. Every statement reads aggregates
 * that the writes maintain (migrations SummaryAggregates and SummaryAgreementAggregates): one row per
 * candidate of the position to sort by, and the agreement sums and owed scorecards of the page only.
 */

const VALUES = [1, 2, 3, 4];

export interface PositionCandidateRow {
  candidateId: string;
  name: string;
  means: { technical: number | null; behavioral: number | null; situational: number | null };
  overallMean: number | null;
  recommendations: { strong_no: number; no: number; yes: number; strong_yes: number };
  submitted: number;
  interviewsDone: number;
  missing: number;
}

export interface CandidateAgreementSums {
  criteria?: Coincidences & { units: number };
  recommendations?: Coincidences & { units: number };
  competencies?: IntervalSums;
}

export interface MissingSlot {
  interviewId: string;
  candidateId: string;
  feedbackDueAt: Date;
  userId: string;
  role: string;
}

// pg hands rows back untyped; each to* function below gives them their one typed shape
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = Record<string, any>;

/**
 * $1 position, $2 now. Means are sum::numeric / count, avg()'s own division; an interview still
 * "scheduled" whose end has passed counts as done (and owing) from its end, as before its end job runs.
 */
export const POSITION_ROWS_SQL = `
  SELECT c.id, c.name, COALESCE(a.submitted, 0) AS submitted, COALESCE(a.strong_no, 0) AS strong_no, COALESCE(a.no, 0) AS no,
         COALESCE(a.yes, 0) AS yes, COALESCE(a.strong_yes, 0) AS strong_yes,
         CASE WHEN a.technical_count > 0 THEN (a.technical_sum::numeric / a.technical_count)::float END AS technical,
         CASE WHEN a.behavioral_count > 0 THEN (a.behavioral_sum::numeric / a.behavioral_count)::float END AS behavioral,
         CASE WHEN a.situational_count > 0 THEN (a.situational_sum::numeric / a.situational_count)::float END AS situational,
         CASE WHEN a.ratings > 0 THEN (a.rating_sum::numeric / a.ratings)::float END AS overall,
         -- CASE runs the unnest only for the few candidates with a scheduled interview
         COALESCE(n.done, 0) + CASE WHEN n.scheduled_ends[1] <= $2 THEN (SELECT count(*)::int FROM unnest(n.scheduled_ends) e WHERE e <= $2) ELSE 0 END AS done,
         COALESCE(n.owed, 0) + CASE WHEN n.scheduled_ends[1] <= $2
                                    THEN (SELECT sum(o)::int FROM unnest(n.scheduled_ends, n.scheduled_owed) x(e, o) WHERE e <= $2) ELSE 0 END AS owed
    FROM candidates c
    LEFT JOIN candidate_feedback_aggregates a ON a.candidate_id = c.id AND a.position_id = $1
    LEFT JOIN candidate_interview_counts n ON n.candidate_id = c.id
   WHERE c.position_id = $1`;

export function toPositionRows(rows: Raw[]): PositionCandidateRow[] {
  return rows.map((r) => ({
    candidateId: r.id,
    name: r.name,
    means: { technical: r.technical, behavioral: r.behavioral, situational: r.situational },
    overallMean: r.overall,
    recommendations: { strong_no: r.strong_no, no: r.no, yes: r.yes, strong_yes: r.strong_yes },
    submitted: r.submitted,
    interviewsDone: r.done,
    missing: r.owed,
  }));
}

/**
 * $1 position, $2 (when `page`) the candidates: criteria and recommendation pair counts by unit size,
 * and competency interval sums, expected = 2nΣx² − 2(Σx)² computed in numeric (exact).
 */
export function candidateAgreementsSql(page: boolean): string {
  const only = page ? 'AND a.candidate_id = ANY($2::uuid[])' : '';
  return `
    SELECT 'c' AS kind, a.candidate_id, a.panel, a.units, a.pairs, 0 AS pairable, 0::float AS observed, 0::float AS expected
      FROM candidate_coincidences a WHERE a.position_id = $1 ${only}
    UNION ALL
    SELECT 'r', a.candidate_id, a.panel, a.units, a.pairs, 0, 0, 0
      FROM candidate_recommendation_coincidences a WHERE a.position_id = $1 ${only}
    UNION ALL
    SELECT 'k', a.candidate_id, 0, a.units, NULL, a.pairable, a.observed::float, (2 * a.pairable * a.value_squares - 2 * a.value_sum * a.value_sum)::float
      FROM candidate_competency_agreement a WHERE a.position_id = $1 ${only}
    ORDER BY 1, 2, 3`;
}

function sumsOf(rows: Raw[]): CandidateAgreementSums {
  const pairs = (kind: string): PairCounts[] =>
    rows.filter((r) => r.kind === kind).map((r) => ({ panel: r.panel, units: r.units, pairs: r.pairs }));
  const k = rows.find((r) => r.kind === 'k');
  return {
    criteria: coincidencesFromPairs(VALUES, pairs('c')),
    recommendations: coincidencesFromPairs(VALUES, pairs('r')),
    competencies: k && { pairable: k.pairable, observed: k.observed, expected: k.expected, units: k.units },
  };
}

export function toCandidateAgreements(rows: Raw[]): Map<string, CandidateAgreementSums> {
  const groups = new Map<string, Raw[]>();
  for (const r of rows) {
    const list = groups.get(r.candidate_id);
    if (list) list.push(r);
    else groups.set(r.candidate_id, [r]);
  }
  return new Map([...groups].map(([id, list]) => [id, sumsOf(list)]));
}

const CELLS = Array.from({ length: 16 }, (_v, i) => `sum(a.pairs[${i + 1}])`).join(', ');

/** $1 position: the candidates' sums added in SQL, per unit size, never a rating. */
export const POSITION_AGREEMENT_SQL = `
  SELECT 'c' AS kind, a.panel, sum(a.units)::int AS units, ARRAY[${CELLS}]::text[] AS pairs, 0 AS pairable, 0::float AS observed, 0::float AS expected
    FROM candidate_coincidences a WHERE a.position_id = $1 GROUP BY a.panel
  UNION ALL
  SELECT 'r', a.panel, sum(a.units)::int, ARRAY[${CELLS}]::text[], 0, 0, 0
    FROM candidate_recommendation_coincidences a WHERE a.position_id = $1 GROUP BY a.panel
  UNION ALL
  SELECT 'k', 0, sum(a.units)::int, NULL, sum(a.pairable)::int, sum(a.observed)::float,
         (2 * sum(a.pairable) * sum(a.value_squares) - 2 * sum(a.value_sum) * sum(a.value_sum))::float
    FROM candidate_competency_agreement a WHERE a.position_id = $1 HAVING count(*) > 0
  ORDER BY 1, 2`;

export const toPositionAgreement = sumsOf;

/** $1 candidates, $2 now: owed panel slots of done interviews, in the interview list's order. */
export const MISSING_SLOTS_SQL = `
  SELECT i.id, i.candidate_id, i.feedback_due_at, p.user_id, p.role
    FROM interviews i JOIN interview_panelists p ON p.interview_id = i.id
   WHERE i.candidate_id = ANY($1::uuid[])
     AND (i.status IN ('awaiting_feedback', 'completed') OR (i.status = 'scheduled' AND i.ends_at <= $2))
     AND NOT EXISTS (SELECT 1 FROM scorecards s WHERE s.interview_id = i.id AND s.panelist_id = p.user_id AND s.status = 'submitted')
   ORDER BY i.starts_at, i.id, p.role, p.added_at`;

export function toMissingSlots(rows: Raw[]): MissingSlot[] {
  return rows.map((r) => ({
    interviewId: r.id,
    candidateId: r.candidate_id,
    feedbackDueAt: r.feedback_due_at,
    userId: r.user_id,
    role: r.role,
  }));
}

type SortValue = number | string | null;
type Keyed = { row: PositionCandidateRow; key: SortValue; name: string; id: string };

/** Each sort's key, and the kind of that key in a cursor. */
const SORTERS: Record<string, { key: (r: PositionCandidateRow, alpha: SortValue) => SortValue; kind: CursorKind }> = {
  name: { key: (r) => r.name.toLowerCase(), kind: 'text' },
  overallMean: { key: (r) => r.overallMean, kind: 'number or null' },
  technical: { key: (r) => r.means.technical, kind: 'number or null' },
  behavioral: { key: (r) => r.means.behavioral, kind: 'number or null' },
  situational: { key: (r) => r.means.situational, kind: 'number or null' },
  strongYes: { key: (r) => r.recommendations.strong_yes, kind: 'integer' },
  yes: { key: (r) => r.recommendations.yes, kind: 'integer' },
  no: { key: (r) => r.recommendations.no, kind: 'integer' },
  strongNo: { key: (r) => r.recommendations.strong_no, kind: 'integer' },
  agreement: { key: (_r, alpha) => alpha, kind: 'number or null' },
  missing: { key: (r) => r.missing, kind: 'integer' },
  interviews: { key: (r) => r.interviewsDone, kind: 'integer' },
};

/** The table's order: the sort key (blanks last whatever the order), then name, then id. */
function compare(order: string, a: Omit<Keyed, 'row'>, b: Omit<Keyed, 'row'>): number {
  if (a.key !== b.key) {
    if (a.key === null) return 1;
    if (b.key === null) return -1;
    return (a.key < b.key ? -1 : 1) * (order === 'asc' ? 1 : -1);
  }
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The last row of the previous page. A cursor of another sort or order is a 400, as a hand-made one:
 * its key means nothing in this order, and a first page in its place would be taken for the next.
 */
function after(cursor: string | undefined, sort: string, order: string): Omit<Keyed, 'row'> | undefined {
  const last = readCursor(cursor, [[sort], [order], SORTERS[sort].kind, 'text', 'uuid']);
  return last && { key: last[2], name: last[3], id: last[4] };
}

/**
 * Sorts every candidate's row by its maintained figures and takes the page after `cursor`. Sorting
 * by agreement needs every candidate's criteria matrix (`everyone`); any other sort needs none.
 */
export function choosePage(
  rows: PositionCandidateRow[],
  q: { sort: string; order: string; limit: number; cursor?: string },
  everyone?: Map<string, CandidateAgreementSums>,
): { page: PositionCandidateRow[]; nextCursor: string | null } {
  const { key } = SORTERS[q.sort];
  const keyed: Keyed[] = rows.map((r) => {
    let alpha: SortValue = null;
    if (q.sort === 'agreement') {
      const a = agreement(everyone?.get(r.candidateId)?.criteria);
      alpha = a.enoughData ? a.alpha : null;
    }
    return { row: r, key: key(r, alpha), name: r.name, id: r.candidateId };
  });
  keyed.sort((a, b) => compare(q.order, a, b));
  const last = after(q.cursor, q.sort, q.order);
  const from = last ? keyed.filter((k) => compare(q.order, k, last) > 0) : keyed;
  const end = from.length > q.limit ? from[q.limit - 1] : undefined;
  const nextCursor = end ? encodeCursor([q.sort, q.order, end.key, end.name, end.id]) : null;
  return { page: from.slice(0, q.limit).map((k) => k.row), nextCursor };
}

export function agreementSetOf(sums: CandidateAgreementSums | undefined): AgreementSetResponse {
  return {
    criteria: agreementFigure('criteria', sums?.criteria, sums?.criteria?.units ?? 0),
    recommendations: agreementFigure('recommendations', sums?.recommendations, sums?.recommendations?.units ?? 0),
    competencies: intervalFigure('competencies', sums?.competencies),
  };
}

/** The response from a chosen page, its agreement sums, its owed slots and their panelists' names. */
export function positionSummaryResponse(a: {
  position: { id: string; name: string };
  sort: string;
  order: string;
  limit: number;
  total: number;
  page: PositionCandidateRow[];
  nextCursor: string | null;
  sums: Map<string, CandidateAgreementSums>;
  positionSums: CandidateAgreementSums;
  missing: MissingSlot[];
  names: Map<string, string>;
  now: Date;
}): PositionSummaryResponse {
  const missingOf = new Map<string, MissingSlot[]>();
  for (const m of a.missing) {
    const list = missingOf.get(m.candidateId);
    if (list) list.push(m);
    else missingOf.set(m.candidateId, [m]);
  }
  const rows: PositionRowResponse[] = a.page.map((r) => {
    const s = a.sums.get(r.candidateId);
    return {
      candidate: { id: r.candidateId, name: r.name },
      interviewsDone: r.interviewsDone,
      scorecardsSubmitted: r.submitted,
      scorecardsMissing: r.missing,
      missingFrom: (missingOf.get(r.candidateId) ?? []).map((m) => ({
        interviewId: m.interviewId,
        userId: m.userId,
        name: a.names.get(m.userId) ?? 'Unknown user',
        role: m.role,
        feedbackDueAt: m.feedbackDueAt,
        overdue: m.feedbackDueAt.getTime() < a.now.getTime(),
      })),
      meanByType: r.means,
      overallMean: r.overallMean,
      recommendations: r.recommendations,
      agreement: agreement(s?.criteria, s?.criteria?.units),
      agreementSet: agreementSetOf(s),
    };
  });
  return {
    position: a.position,
    rows,
    agreementSet: agreementSetOf(a.positionSums),
    sort: a.sort,
    order: a.order,
    total: a.total,
    page: { limit: a.limit, nextCursor: a.nextCursor },
  };
}
