/**
 * The scorecard write path's fixed SQL (issue 15): parameterised text built once at load, no query
 * builder per request. Kept free of Nest and TypeORM so that the benchmark's bare server
 * (bench/bare/server.ts) sends these very statements.
 *
 * The summaries' aggregates are maintained by triggers on `scorecards` and `scorecard_ratings`
 * (migration SummaryAggregates); every statement here is an ordinary INSERT, UPDATE or DELETE of
 * those tables, so the triggers see them as they saw the query builder's.
 */

/** A scorecard row's columns, snake_case as stored. */
export const CARD_COLUMNS =
  'id, interview_id, panelist_id, candidate_id, position_id, status, overall_recommendation, summary, version, ' +
  'interview_ends_at, submitted_at, created_at, updated_at';

/** $1 interview, $2 panelist: the scorecard, locked for the transaction. */
export const LOCK_CARD = `SELECT ${CARD_COLUMNS} FROM scorecards
  WHERE interview_id = $1 AND panelist_id = $2 FOR UPDATE`;

/** $1 scorecard id: the scorecard, locked for the transaction. */
export const LOCK_CARD_BY_ID = `SELECT ${CARD_COLUMNS} FROM scorecards WHERE id = $1 FOR UPDATE`;

/** $1 interview, $2 panelist. */
export const FIND_CARD = `SELECT ${CARD_COLUMNS} FROM scorecards WHERE interview_id = $1 AND panelist_id = $2`;

/** $1 interview, $2 panelist, $3 candidate, $4 position, $5 interview end: a draft unless one exists. */
export const INSERT_DRAFT = `INSERT INTO scorecards
    (interview_id, panelist_id, candidate_id, position_id, interview_ends_at, status)
  VALUES ($1, $2, $3, $4, $5, 'draft')
  ON CONFLICT (interview_id, panelist_id) DO NOTHING RETURNING ${CARD_COLUMNS}`;

/** $1 scorecard id: its ratings and question notes, as JSON arrays in one row. */
export const RATINGS_AND_NOTES = `SELECT
  (SELECT COALESCE(json_agg(json_build_object('interviewQuestionId', r.interview_question_id,
          'criterionId', r.criterion_id, 'rating', r.rating, 'notAssessed', r.not_assessed, 'note', r.note)), '[]')
     FROM scorecard_ratings r WHERE r.scorecard_id = $1) AS ratings,
  (SELECT COALESCE(json_agg(json_build_object('interviewQuestionId', n.interview_question_id, 'notes', n.notes,
          'followUpsAsked', n.follow_ups_asked)), '[]')
     FROM scorecard_question_notes n WHERE n.scorecard_id = $1) AS notes`;

/**
 * The autosave in one statement. The scorecard's update carries the optimistic check (the version
 * sent, not submitted): when it matches no row, nothing else is written either, since every other
 * part reads the updated row. Under READ COMMITTED a concurrent save makes the update re-check the
 * newer row, whose version no longer matches, so exactly one of two saves of a version succeeds.
 *
 * $1 interview, $2 panelist, $3 version sent, $4 whether the recommendation is given, $5 it,
 * $6 whether the summary is given, $7 it, $8 ratings to set (JSON array of {question_id,
 * criterion_id, rating, not_assessed, note, question_type, competencies, source_question_id}),
 * $9 and $10 the question and criterion ids of the ratings to clear, $11 question notes (JSON
 * array of {question_id, notes, follow_ups_asked}). Returns the updated scorecard, or no row.
 */
export const SAVE_DRAFT = `WITH card AS (
    UPDATE scorecards SET
      overall_recommendation = CASE WHEN $4::boolean THEN $5::varchar ELSE overall_recommendation END,
      summary = CASE WHEN $6::boolean THEN $7::text ELSE summary END,
      version = version + 1, updated_at = now()
    WHERE interview_id = $1 AND panelist_id = $2 AND version = $3 AND status <> 'submitted'
    RETURNING ${CARD_COLUMNS}
  ), rated AS (
    INSERT INTO scorecard_ratings (scorecard_id, interview_question_id, criterion_id, interview_id, panelist_id,
                                   rating, not_assessed, note, question_type, competencies, source_question_id)
    SELECT card.id, x.question_id, x.criterion_id, card.interview_id, card.panelist_id,
           x.rating, x.not_assessed, x.note, x.question_type, x.competencies, x.source_question_id
      FROM card, jsonb_to_recordset($8::jsonb) AS x(question_id uuid, criterion_id varchar, rating smallint,
             not_assessed boolean, note text, question_type varchar, competencies text[], source_question_id uuid)
    ON CONFLICT (scorecard_id, interview_question_id, criterion_id) DO UPDATE SET
      interview_id = EXCLUDED.interview_id, panelist_id = EXCLUDED.panelist_id, rating = EXCLUDED.rating,
      not_assessed = EXCLUDED.not_assessed, note = EXCLUDED.note, question_type = EXCLUDED.question_type,
      competencies = EXCLUDED.competencies, source_question_id = EXCLUDED.source_question_id
    RETURNING 1
  ), cleared AS (
    DELETE FROM scorecard_ratings r USING card
     WHERE r.scorecard_id = card.id
       AND (r.interview_question_id, r.criterion_id) IN (SELECT * FROM unnest($9::uuid[], $10::varchar[]))
    RETURNING 1
  ), noted AS (
    INSERT INTO scorecard_question_notes (scorecard_id, interview_question_id, notes, follow_ups_asked)
    SELECT card.id, n.question_id, n.notes, n.follow_ups_asked
      FROM card, jsonb_to_recordset($11::jsonb) AS n(question_id uuid, notes text, follow_ups_asked text[])
    ON CONFLICT (scorecard_id, interview_question_id)
      DO UPDATE SET notes = EXCLUDED.notes, follow_ups_asked = EXCLUDED.follow_ups_asked
    RETURNING 1
  )
  SELECT ${CARD_COLUMNS} FROM card`;

// the updates are wrapped in a SELECT so that every statement here answers rows (TypeORM's query()
// answers [rows, count] for a bare UPDATE)

/** $1 scorecard id, $2 when. */
export const SUBMIT = `WITH card AS (
    UPDATE scorecards SET status = 'submitted', submitted_at = $2, version = version + 1, updated_at = now()
    WHERE id = $1 RETURNING ${CARD_COLUMNS}
  ) SELECT * FROM card`;

/** $1 scorecard id. */
export const REOPEN = `WITH card AS (
    UPDATE scorecards SET status = 'draft', submitted_at = NULL, version = version + 1, updated_at = now()
    WHERE id = $1 RETURNING ${CARD_COLUMNS}
  ) SELECT * FROM card`;

/** A scorecard row as the rest of the module reads it (the entity's shape). */
export interface CardRow {
  id: string;
  interview_id: string;
  panelist_id: string;
  candidate_id: string;
  position_id: string;
  status: 'draft' | 'submitted';
  overall_recommendation: 'strong_no' | 'no' | 'yes' | 'strong_yes' | null;
  summary: string | null;
  version: number;
  interview_ends_at: Date;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toCard(r: CardRow) {
  return {
    id: r.id,
    interviewId: r.interview_id,
    panelistId: r.panelist_id,
    candidateId: r.candidate_id,
    positionId: r.position_id,
    status: r.status,
    overallRecommendation: r.overall_recommendation,
    summary: r.summary,
    version: r.version,
    interviewEndsAt: r.interview_ends_at,
    submittedAt: r.submitted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What a response needs of a rating and of a question's notes. */
export interface RatingView {
  interviewQuestionId: string;
  criterionId: string;
  rating: number | null;
  notAssessed: boolean;
  note: string | null;
}
export interface NotesView {
  interviewQuestionId: string;
  notes: string | null;
  followUpsAsked: string[];
}
