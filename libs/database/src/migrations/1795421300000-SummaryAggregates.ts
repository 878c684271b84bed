import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Aggregates of submitted scorecards that the summaries read instead of scanning every rating:
 * per candidate (counts, sums, sums of squares, recommendation counts), the candidate's coincidence
 * matrix split by unit size (exact integers), and per scorecard and competency (count and sum).
 *
 * They are maintained by triggers in the writing transaction: a scorecard submitted, reopened or
 * deleted, or a rating of a submitted scorecard written by any path (the API, the demo seeder, bulk
 * SQL in tests and the bench), recomputes its candidate's rows from the ratings. Recomputing a
 * candidate rather than adding deltas costs one candidate's ratings per submit and can never drift.
 * Autosaves of drafts touch no aggregate: the scorecard trigger's WHEN skips them in C, and the
 * rating triggers find no submitted scorecard among the changed rows.
 */
export class SummaryAggregates1795421300000 implements MigrationInterface {
  name = 'SummaryAggregates1795421300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "candidate_feedback_aggregates" (
                "candidate_id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "submitted" integer NOT NULL,
                "strong_no" integer NOT NULL,
                "no" integer NOT NULL,
                "yes" integer NOT NULL,
                "strong_yes" integer NOT NULL,
                "ratings" integer NOT NULL,
                "rating_sum" integer NOT NULL,
                "rating_squares" integer NOT NULL,
                "technical_count" integer NOT NULL,
                "technical_sum" integer NOT NULL,
                "behavioral_count" integer NOT NULL,
                "behavioral_sum" integer NOT NULL,
                "situational_count" integer NOT NULL,
                "situational_sum" integer NOT NULL,
                CONSTRAINT "PK_candidate_feedback_aggregates" PRIMARY KEY ("candidate_id", "position_id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_candidate_feedback_aggregates_position" ON "candidate_feedback_aggregates" ("position_id")`,
    );
    await queryRunner.query(`
            CREATE TABLE "candidate_coincidences" (
                "candidate_id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "panel" integer NOT NULL,
                "units" integer NOT NULL,
                "pairs" bigint array NOT NULL,
                CONSTRAINT "PK_candidate_coincidences" PRIMARY KEY ("candidate_id", "position_id", "panel")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_candidate_coincidences_position" ON "candidate_coincidences" ("position_id")`,
    );
    await queryRunner.query(`
            CREATE TABLE "scorecard_competency_aggregates" (
                "scorecard_id" uuid NOT NULL,
                "competency" text NOT NULL,
                "interview_id" uuid NOT NULL,
                "candidate_id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "panelist_id" uuid NOT NULL,
                "ratings" integer NOT NULL,
                "rating_sum" integer NOT NULL,
                CONSTRAINT "PK_scorecard_competency_aggregates" PRIMARY KEY ("scorecard_id", "competency")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_scorecard_competency_aggregates_position" ON "scorecard_competency_aggregates" ("position_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_scorecard_competency_aggregates_candidate" ON "scorecard_competency_aggregates" ("candidate_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_scorecard_competency_aggregates_interview" ON "scorecard_competency_aggregates" ("interview_id")`,
    );

    // Recomputes the candidates' rows from their submitted scorecards. The advisory lock makes
    // concurrent submits on one candidate take turns; under READ COMMITTED each statement after
    // it sees the previous holder's committed rows, so the last writer never misses a scorecard.
    await queryRunner.query(`
            CREATE FUNCTION refresh_feedback_aggregates(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
            BEGIN
                IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
                PERFORM pg_advisory_xact_lock(hashtextextended('feedback-aggregates:' || c::text, 0)) FROM (SELECT DISTINCT c FROM unnest(ids) c ORDER BY c) x;
                DELETE FROM candidate_feedback_aggregates WHERE candidate_id = ANY(ids);
                DELETE FROM candidate_coincidences WHERE candidate_id = ANY(ids);
                DELETE FROM scorecard_competency_aggregates WHERE candidate_id = ANY(ids);
                WITH sc AS (
                    SELECT s.id, s.interview_id, s.panelist_id, s.candidate_id, s.position_id, s.overall_recommendation
                      FROM scorecards s WHERE s.candidate_id = ANY(ids) AND s.status = 'submitted'),
                rated AS (
                    SELECT sc.id AS scorecard_id, sc.interview_id, sc.panelist_id, sc.candidate_id, sc.position_id,
                           r.interview_question_id, r.criterion_id, r.question_type, r.competencies, r.rating
                      FROM scorecard_ratings r JOIN sc ON sc.id = r.scorecard_id WHERE r.rating IS NOT NULL),
                totals AS (
                    INSERT INTO candidate_feedback_aggregates
                    SELECT rec.candidate_id, rec.position_id, rec.submitted, rec.strong_no, rec.no, rec.yes, rec.strong_yes,
                           COALESCE(m.n, 0), COALESCE(m.s, 0), COALESCE(m.sq, 0), COALESCE(m.tn, 0), COALESCE(m.ts, 0),
                           COALESCE(m.bn, 0), COALESCE(m.bs, 0), COALESCE(m.sn, 0), COALESCE(m.ss, 0)
                      FROM (SELECT candidate_id, position_id, count(*) AS submitted,
                                   count(*) FILTER (WHERE overall_recommendation = 'strong_no') AS strong_no,
                                   count(*) FILTER (WHERE overall_recommendation = 'no') AS no,
                                   count(*) FILTER (WHERE overall_recommendation = 'yes') AS yes,
                                   count(*) FILTER (WHERE overall_recommendation = 'strong_yes') AS strong_yes
                              FROM sc GROUP BY candidate_id, position_id) rec
                      LEFT JOIN (SELECT candidate_id, position_id, count(*) AS n, sum(rating) AS s, sum(rating * rating) AS sq,
                                        count(*) FILTER (WHERE question_type = 'technical') AS tn, sum(rating) FILTER (WHERE question_type = 'technical') AS ts,
                                        count(*) FILTER (WHERE question_type = 'behavioral') AS bn, sum(rating) FILTER (WHERE question_type = 'behavioral') AS bs,
                                        count(*) FILTER (WHERE question_type = 'situational') AS sn, sum(rating) FILTER (WHERE question_type = 'situational') AS ss
                                   FROM rated GROUP BY candidate_id, position_id) m USING (candidate_id, position_id)),
                units AS (
                    SELECT candidate_id, position_id, count(*) AS m,
                           count(*) FILTER (WHERE rating = 1) AS n1, count(*) FILTER (WHERE rating = 2) AS n2,
                           count(*) FILTER (WHERE rating = 3) AS n3, count(*) FILTER (WHERE rating = 4) AS n4
                      FROM rated GROUP BY candidate_id, position_id, interview_question_id, criterion_id HAVING count(*) >= 2),
                pairs AS (
                    INSERT INTO candidate_coincidences
                    SELECT candidate_id, position_id, m, count(*),
                           ARRAY[sum(n1 * (n1 - 1)), sum(n1 * n2), sum(n1 * n3), sum(n1 * n4),
                                 sum(n2 * n1), sum(n2 * (n2 - 1)), sum(n2 * n3), sum(n2 * n4),
                                 sum(n3 * n1), sum(n3 * n2), sum(n3 * (n3 - 1)), sum(n3 * n4),
                                 sum(n4 * n1), sum(n4 * n2), sum(n4 * n3), sum(n4 * (n4 - 1))]::bigint[]
                      FROM units GROUP BY candidate_id, position_id, m)
                INSERT INTO scorecard_competency_aggregates
                SELECT scorecard_id, c.competency, interview_id, candidate_id, position_id, panelist_id, count(*), sum(rating)
                  FROM rated CROSS JOIN LATERAL unnest(rated.competencies) AS c(competency)
                 GROUP BY scorecard_id, c.competency, interview_id, candidate_id, position_id, panelist_id;
            END
            $fn$
        `);
    // statement triggers with transition tables: a bulk insert refreshes each candidate once
    await queryRunner.query(`
            CREATE FUNCTION feedback_aggregates_scorecards() RETURNS trigger LANGUAGE plpgsql AS $fn$
            DECLARE ids uuid[];
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(DISTINCT candidate_id) INTO ids FROM new_rows WHERE status = 'submitted';
                ELSE
                    SELECT array_agg(DISTINCT candidate_id) INTO ids FROM old_rows WHERE status = 'submitted';
                END IF;
                PERFORM refresh_feedback_aggregates(ids);
                RETURN NULL;
            END
            $fn$
        `);
    await queryRunner.query(
      `CREATE TRIGGER "scorecards_feedback_aggregates_insert" AFTER INSERT ON "scorecards" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_aggregates_scorecards()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "scorecards_feedback_aggregates_delete" AFTER DELETE ON "scorecards" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_aggregates_scorecards()`,
    );
    // updates row by row, filtered in C: an autosave (version, summary, draft recommendation) runs nothing
    await queryRunner.query(`
            CREATE FUNCTION feedback_aggregates_scorecard_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                PERFORM refresh_feedback_aggregates(ARRAY[OLD.candidate_id, NEW.candidate_id]);
                RETURN NULL;
            END
            $fn$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "scorecards_feedback_aggregates_update" AFTER UPDATE ON "scorecards" FOR EACH ROW
            WHEN ((OLD.status = 'submitted' OR NEW.status = 'submitted')
                  AND (OLD.status, OLD.overall_recommendation, OLD.candidate_id, OLD.position_id, OLD.interview_id, OLD.panelist_id)
                      IS DISTINCT FROM (NEW.status, NEW.overall_recommendation, NEW.candidate_id, NEW.position_id, NEW.interview_id, NEW.panelist_id))
            EXECUTE FUNCTION feedback_aggregates_scorecard_update()
        `);
    await queryRunner.query(`
            CREATE FUNCTION feedback_aggregates_ratings() RETURNS trigger LANGUAGE plpgsql AS $fn$
            DECLARE ids uuid[];
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(DISTINCT s.candidate_id) INTO ids FROM scorecards s WHERE s.status = 'submitted' AND s.id IN (SELECT scorecard_id FROM new_rows);
                ELSIF TG_OP = 'DELETE' THEN
                    SELECT array_agg(DISTINCT s.candidate_id) INTO ids FROM scorecards s WHERE s.status = 'submitted' AND s.id IN (SELECT scorecard_id FROM old_rows);
                ELSE
                    SELECT array_agg(DISTINCT s.candidate_id) INTO ids FROM scorecards s WHERE s.status = 'submitted'
                       AND s.id IN (SELECT scorecard_id FROM new_rows UNION SELECT scorecard_id FROM old_rows);
                END IF;
                PERFORM refresh_feedback_aggregates(ids);
                RETURN NULL;
            END
            $fn$
        `);
    await queryRunner.query(
      `CREATE TRIGGER "scorecard_ratings_feedback_aggregates_insert" AFTER INSERT ON "scorecard_ratings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_aggregates_ratings()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "scorecard_ratings_feedback_aggregates_update" AFTER UPDATE ON "scorecard_ratings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_aggregates_ratings()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "scorecard_ratings_feedback_aggregates_delete" AFTER DELETE ON "scorecard_ratings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_aggregates_ratings()`,
    );

    // backfill from the scorecards already submitted
    await queryRunner.query(
      `SELECT refresh_feedback_aggregates(array_agg(DISTINCT candidate_id)) FROM scorecards WHERE status = 'submitted'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "scorecard_ratings_feedback_aggregates_delete" ON "scorecard_ratings"`);
    await queryRunner.query(`DROP TRIGGER "scorecard_ratings_feedback_aggregates_update" ON "scorecard_ratings"`);
    await queryRunner.query(`DROP TRIGGER "scorecard_ratings_feedback_aggregates_insert" ON "scorecard_ratings"`);
    await queryRunner.query(`DROP TRIGGER "scorecards_feedback_aggregates_update" ON "scorecards"`);
    await queryRunner.query(`DROP TRIGGER "scorecards_feedback_aggregates_delete" ON "scorecards"`);
    await queryRunner.query(`DROP TRIGGER "scorecards_feedback_aggregates_insert" ON "scorecards"`);
    await queryRunner.query(`DROP FUNCTION feedback_aggregates_ratings()`);
    await queryRunner.query(`DROP FUNCTION feedback_aggregates_scorecard_update()`);
    await queryRunner.query(`DROP FUNCTION feedback_aggregates_scorecards()`);
    await queryRunner.query(`DROP FUNCTION refresh_feedback_aggregates(uuid[])`);
    await queryRunner.query(`DROP TABLE "scorecard_competency_aggregates"`);
    await queryRunner.query(`DROP TABLE "candidate_coincidences"`);
    await queryRunner.query(`DROP TABLE "candidate_feedback_aggregates"`);
  }
}
