import type { MigrationInterface, QueryRunner } from 'typeorm';

const LOCK = `PERFORM pg_advisory_xact_lock(hashtextextended('feedback-aggregates:' || c::text, 0)) FROM (SELECT DISTINCT c FROM unnest(ids) c ORDER BY c) x;`;

/**
 * The rest of what the position summary needs per candidate, so that a page of it reads one row per
 * candidate and nothing per scorecard or interview beyond the candidates shown:
 *
 * - `candidate_recommendation_coincidences`: recommendation agreement's coincidences (units =
 *   interviews, values = submitted recommendations 1-4), integers split by unit size as for criteria;
 * - `candidate_competency_agreement`: interval alpha over (interview, competency) units of panelists'
 *   means needs only additive sums: the pairable values n, Σ_u (2 m_u Σx² - 2 (Σx)²) / (m_u - 1) (the
 *   observed Σ o_ck (v_c - v_k)²), Σx and Σx². Kept in numeric, so that all-equal values give an exact 0;
 * - `candidate_interview_counts`: interviews done (awaiting feedback, completed) and their panel slots
 *   without a submitted scorecard, plus the end times and owed slots of still scheduled interviews
 *   (one ended but not yet moved on by its end job counts as done from its end, as before).
 *
 * Same discipline as SummaryAggregates: recomputed per candidate under the same advisory lock, in
 * the writing transaction, by triggers on scorecards (via refresh_feedback_aggregates) and on the
 * interviews and panels whose rows the counts depend on.
 */
export class SummaryAgreementAggregates1795421420000 implements MigrationInterface {
  name = 'SummaryAgreementAggregates1795421420000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "candidate_recommendation_coincidences" (
                "candidate_id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "panel" integer NOT NULL,
                "units" integer NOT NULL,
                "pairs" bigint array NOT NULL,
                CONSTRAINT "PK_candidate_recommendation_coincidences" PRIMARY KEY ("candidate_id", "position_id", "panel")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_candidate_recommendation_coincidences_position" ON "candidate_recommendation_coincidences" ("position_id")`,
    );
    await queryRunner.query(`
            CREATE TABLE "candidate_competency_agreement" (
                "candidate_id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "units" integer NOT NULL,
                "pairable" integer NOT NULL,
                "observed" numeric NOT NULL,
                "value_sum" numeric NOT NULL,
                "value_squares" numeric NOT NULL,
                CONSTRAINT "PK_candidate_competency_agreement" PRIMARY KEY ("candidate_id", "position_id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_candidate_competency_agreement_position" ON "candidate_competency_agreement" ("position_id")`,
    );
    await queryRunner.query(`
            CREATE TABLE "candidate_interview_counts" (
                "candidate_id" uuid NOT NULL,
                "done" integer NOT NULL,
                "owed" integer NOT NULL,
                "scheduled_ends" timestamptz array NOT NULL,
                "scheduled_owed" integer array NOT NULL,
                CONSTRAINT "PK_candidate_interview_counts" PRIMARY KEY ("candidate_id")
            )
        `);

    await queryRunner.query(`
            CREATE FUNCTION refresh_interview_counts(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
            BEGIN
                IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
                ${LOCK}
                DELETE FROM candidate_interview_counts WHERE candidate_id = ANY(ids);
                INSERT INTO candidate_interview_counts
                SELECT i.candidate_id,
                       count(*) FILTER (WHERE i.status <> 'scheduled'),
                       COALESCE(sum(o.owed) FILTER (WHERE i.status <> 'scheduled'), 0),
                       COALESCE(array_agg(i.ends_at ORDER BY i.ends_at, i.id) FILTER (WHERE i.status = 'scheduled'), '{}'),
                       COALESCE(array_agg(o.owed ORDER BY i.ends_at, i.id) FILTER (WHERE i.status = 'scheduled'), '{}')
                  FROM interviews i
                  CROSS JOIN LATERAL (SELECT count(*)::int AS owed FROM interview_panelists p
                                       WHERE p.interview_id = i.id
                                         AND NOT EXISTS (SELECT 1 FROM scorecards s WHERE s.interview_id = i.id AND s.panelist_id = p.user_id AND s.status = 'submitted')) o
                 WHERE i.candidate_id = ANY(ids) AND i.status IN ('scheduled', 'awaiting_feedback', 'completed')
                 GROUP BY i.candidate_id;
            END
            $fn$
        `);
    await queryRunner.query(`
            CREATE FUNCTION refresh_agreement_aggregates(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
            BEGIN
                IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
                ${LOCK}
                DELETE FROM candidate_recommendation_coincidences WHERE candidate_id = ANY(ids);
                DELETE FROM candidate_competency_agreement WHERE candidate_id = ANY(ids);
                WITH units AS (
                    SELECT candidate_id, position_id, count(*) AS m,
                           count(*) FILTER (WHERE overall_recommendation = 'strong_no') AS n1, count(*) FILTER (WHERE overall_recommendation = 'no') AS n2,
                           count(*) FILTER (WHERE overall_recommendation = 'yes') AS n3, count(*) FILTER (WHERE overall_recommendation = 'strong_yes') AS n4
                      FROM scorecards
                     WHERE candidate_id = ANY(ids) AND status = 'submitted' AND overall_recommendation IN ('strong_no', 'no', 'yes', 'strong_yes')
                     GROUP BY candidate_id, position_id, interview_id HAVING count(*) >= 2)
                INSERT INTO candidate_recommendation_coincidences
                SELECT candidate_id, position_id, m, count(*),
                       ARRAY[sum(n1 * (n1 - 1)), sum(n1 * n2), sum(n1 * n3), sum(n1 * n4),
                             sum(n2 * n1), sum(n2 * (n2 - 1)), sum(n2 * n3), sum(n2 * n4),
                             sum(n3 * n1), sum(n3 * n2), sum(n3 * (n3 - 1)), sum(n3 * n4),
                             sum(n4 * n1), sum(n4 * n2), sum(n4 * n3), sum(n4 * (n4 - 1))]::bigint[]
                  FROM units GROUP BY candidate_id, position_id, m;
                -- a value is a panelist's mean on a competency, rating_sum::numeric / ratings as avg() divides
                WITH units AS (
                    SELECT candidate_id, position_id, count(*) AS m,
                           sum(x) AS s1, sum(x * x) AS s2
                      FROM (SELECT candidate_id, position_id, interview_id, competency, rating_sum::numeric / ratings AS x
                              FROM scorecard_competency_aggregates WHERE candidate_id = ANY(ids)) v
                     GROUP BY candidate_id, position_id, interview_id, competency HAVING count(*) >= 2)
                INSERT INTO candidate_competency_agreement
                SELECT candidate_id, position_id, count(*), sum(m), sum((2 * m * s2 - 2 * s1 * s1) / (m - 1)), sum(s1), sum(s2)
                  FROM units GROUP BY candidate_id, position_id;
            END
            $fn$
        `);
    // the triggers on scorecards call refresh_feedback_aggregates: it now refreshes everything
    await queryRunner.query(`ALTER FUNCTION refresh_feedback_aggregates(uuid[]) RENAME TO refresh_feedback_totals`);
    await queryRunner.query(`
            CREATE FUNCTION refresh_feedback_aggregates(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
            BEGIN
                PERFORM refresh_feedback_totals(ids);
                PERFORM refresh_agreement_aggregates(ids);
                PERFORM refresh_interview_counts(ids);
            END
            $fn$
        `);

    await queryRunner.query(`
            CREATE FUNCTION interview_counts_interviews() RETURNS trigger LANGUAGE plpgsql AS $fn$
            DECLARE ids uuid[];
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(DISTINCT candidate_id) INTO ids FROM new_rows;
                ELSIF TG_OP = 'DELETE' THEN
                    SELECT array_agg(DISTINCT candidate_id) INTO ids FROM old_rows;
                ELSE
                    ids := ARRAY[OLD.candidate_id, NEW.candidate_id];
                END IF;
                PERFORM refresh_interview_counts(ids);
                RETURN NULL;
            END
            $fn$
        `);
    await queryRunner.query(
      `CREATE TRIGGER "interviews_interview_counts_insert" AFTER INSERT ON "interviews" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interview_counts_interviews()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "interviews_interview_counts_delete" AFTER DELETE ON "interviews" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION interview_counts_interviews()`,
    );
    // row by row, filtered in C: edits of title, location or invitations run nothing
    await queryRunner.query(`
            CREATE TRIGGER "interviews_interview_counts_update" AFTER UPDATE ON "interviews" FOR EACH ROW
            WHEN ((OLD.status, OLD.candidate_id, OLD.ends_at) IS DISTINCT FROM (NEW.status, NEW.candidate_id, NEW.ends_at))
            EXECUTE FUNCTION interview_counts_interviews()
        `);
    await queryRunner.query(`
            CREATE FUNCTION interview_counts_panelists() RETURNS trigger LANGUAGE plpgsql AS $fn$
            DECLARE ids uuid[];
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(DISTINCT i.candidate_id) INTO ids FROM interviews i WHERE i.id IN (SELECT interview_id FROM new_rows);
                ELSIF TG_OP = 'DELETE' THEN
                    SELECT array_agg(DISTINCT i.candidate_id) INTO ids FROM interviews i WHERE i.id IN (SELECT interview_id FROM old_rows);
                ELSE
                    SELECT array_agg(DISTINCT i.candidate_id) INTO ids FROM interviews i WHERE i.id IN (OLD.interview_id, NEW.interview_id);
                END IF;
                PERFORM refresh_interview_counts(ids);
                RETURN NULL;
            END
            $fn$
        `);
    await queryRunner.query(
      `CREATE TRIGGER "interview_panelists_interview_counts_insert" AFTER INSERT ON "interview_panelists" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interview_counts_panelists()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "interview_panelists_interview_counts_delete" AFTER DELETE ON "interview_panelists" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION interview_counts_panelists()`,
    );
    // an answer to the invitation (rsvp) changes nothing counted
    await queryRunner.query(`
            CREATE TRIGGER "interview_panelists_interview_counts_update" AFTER UPDATE ON "interview_panelists" FOR EACH ROW
            WHEN ((OLD.interview_id, OLD.user_id) IS DISTINCT FROM (NEW.interview_id, NEW.user_id))
            EXECUTE FUNCTION interview_counts_panelists()
        `);

    // backfill
    await queryRunner.query(
      `SELECT refresh_agreement_aggregates(array_agg(DISTINCT candidate_id)) FROM scorecards WHERE status = 'submitted'`,
    );
    await queryRunner.query(`SELECT refresh_interview_counts(array_agg(DISTINCT candidate_id)) FROM interviews`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "interview_panelists_interview_counts_update" ON "interview_panelists"`);
    await queryRunner.query(`DROP TRIGGER "interview_panelists_interview_counts_delete" ON "interview_panelists"`);
    await queryRunner.query(`DROP TRIGGER "interview_panelists_interview_counts_insert" ON "interview_panelists"`);
    await queryRunner.query(`DROP TRIGGER "interviews_interview_counts_update" ON "interviews"`);
    await queryRunner.query(`DROP TRIGGER "interviews_interview_counts_delete" ON "interviews"`);
    await queryRunner.query(`DROP TRIGGER "interviews_interview_counts_insert" ON "interviews"`);
    await queryRunner.query(`DROP FUNCTION interview_counts_panelists()`);
    await queryRunner.query(`DROP FUNCTION interview_counts_interviews()`);
    await queryRunner.query(`DROP FUNCTION refresh_feedback_aggregates(uuid[])`);
    await queryRunner.query(`ALTER FUNCTION refresh_feedback_totals(uuid[]) RENAME TO refresh_feedback_aggregates`);
    await queryRunner.query(`DROP FUNCTION refresh_agreement_aggregates(uuid[])`);
    await queryRunner.query(`DROP FUNCTION refresh_interview_counts(uuid[])`);
    await queryRunner.query(`DROP TABLE "candidate_interview_counts"`);
    await queryRunner.query(`DROP TABLE "candidate_competency_agreement"`);
    await queryRunner.query(`DROP TABLE "candidate_recommendation_coincidences"`);
  }
}
