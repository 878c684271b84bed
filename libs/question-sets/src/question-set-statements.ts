import type { QuestionSetSummaryResponse } from './dto/question-set.response';
import type { QuestionSetStatus } from './entities/question-set.entity';

/**
 * The list of question sets as one statement whose text never changes: every filter is a parameter
 * that is either null (the filter is off) or a value. node-postgres sends it unnamed, so PostgreSQL
 * plans it with the values at hand and folds the switched-off filters away; the page still walks the
 * (updated_at, id) index. Words (all must match) come as an array of ILIKE patterns.
 * Parameters: $1 statuses, $2 position family, $3 tag (lower case), $4 question type, $5 word
 * patterns, $6 updated since, $7 and $8 the keyset (updated_at as text, id), $9 the page size + 1.
 * The bare server of bench/ sends this very statement.
 */
export const LIST_SETS = `
SELECT s.id, s.lineage_id, s.version, s.name, s.description, s.position_family, s.level, s.tags, s.status,
       s.owner_id, s.revision, s.superseded_by_id, s.created_at, s.updated_at, s.published_at, s.archived_at,
       s.updated_at::text AS cursor_ts, c.total, c.technical, c.behavioral, c.situational
  FROM (SELECT * FROM question_sets s
         WHERE s.status = ANY($1::varchar[])
           AND ($2::text IS NULL OR lower(s.position_family) = lower($2::text))
           AND ($3::text IS NULL OR $3::text = ANY(s.tags))
           AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM questions t WHERE t.set_id = s.id AND t.type = $4::text))
           AND (cardinality($5::text[]) = 0 OR NOT EXISTS (
                 SELECT 1 FROM unnest($5::text[]) AS w(p)
                  WHERE NOT coalesce(s.name ILIKE w.p OR s.description ILIKE w.p OR s.position_family ILIKE w.p
                          OR EXISTS (SELECT 1 FROM questions x
                                      WHERE x.set_id = s.id AND (x.prompt ILIKE w.p OR x.criteria::text ILIKE w.p)),
                        false)))
           AND ($6::timestamptz IS NULL OR s.updated_at >= $6::timestamptz)
           AND ($7::timestamptz IS NULL OR (s.updated_at, s.id) < ($7::timestamptz, $8::uuid))
         ORDER BY s.updated_at DESC, s.id DESC
         LIMIT $9) s
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE q.type = 'technical')::int AS technical,
           count(*) FILTER (WHERE q.type = 'behavioral')::int AS behavioral,
           count(*) FILTER (WHERE q.type = 'situational')::int AS situational
      FROM questions q WHERE q.set_id = s.id
  ) c ON true
 ORDER BY s.updated_at DESC, s.id DESC`;

/** A row of LIST_SETS, as node-postgres gives it. */
export interface SetListRow {
  id: string;
  lineage_id: string;
  version: number;
  name: string;
  description: string | null;
  position_family: string | null;
  level: string | null;
  tags: string[];
  status: QuestionSetStatus;
  owner_id: string;
  revision: number;
  superseded_by_id: string | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  archived_at: Date | null;
  cursor_ts: string;
  total: number;
  technical: number;
  behavioral: number;
  situational: number;
}

/** A list row as the API answers it (the same fields, in the same order, as a set's summary). */
export function toSummaryItem(r: SetListRow): QuestionSetSummaryResponse {
  return {
    id: r.id,
    lineageId: r.lineage_id,
    version: r.version,
    name: r.name,
    description: r.description,
    positionFamily: r.position_family,
    level: r.level,
    tags: r.tags,
    status: r.status,
    ownerId: r.owner_id,
    revision: r.revision,
    questionCount: r.total,
    questionsByType: { technical: r.technical, behavioral: r.behavioral, situational: r.situational },
    supersededById: r.superseded_by_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    archivedAt: r.archived_at,
  };
}
