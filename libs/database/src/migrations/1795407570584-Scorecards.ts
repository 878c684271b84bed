import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Scorecards1795407570584 implements MigrationInterface {
  name = 'Scorecards1795407570584';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "scorecards" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "interview_id" uuid NOT NULL,
                "panelist_id" uuid NOT NULL,
                "candidate_id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "status" character varying(12) NOT NULL DEFAULT 'draft',
                "overall_recommendation" character varying(12),
                "summary" text,
                "version" integer NOT NULL DEFAULT '1',
                "interview_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_scorecards_interview_panelist" UNIQUE ("interview_id", "panelist_id"),
                CONSTRAINT "scorecards_recommendation_known" CHECK (
                    overall_recommendation IS NULL
                    OR overall_recommendation IN ('strong_no', 'no', 'yes', 'strong_yes')
                ),
                CONSTRAINT "scorecards_status_known" CHECK (status IN ('draft', 'submitted')),
                CONSTRAINT "PK_5ab8d3887ff2fb66e229c1fdd89" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_scorecards_panelist" ON "scorecards" ("panelist_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_scorecards_position" ON "scorecards" ("position_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_scorecards_candidate" ON "scorecards" ("candidate_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "scorecard_question_notes" (
                "scorecard_id" uuid NOT NULL,
                "interview_question_id" uuid NOT NULL,
                "notes" text,
                "follow_ups_asked" text array NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_02e71de9ced5cf5494fa4db75e8" PRIMARY KEY ("scorecard_id", "interview_question_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "scorecard_ratings" (
                "scorecard_id" uuid NOT NULL,
                "interview_question_id" uuid NOT NULL,
                "criterion_id" character varying(64) NOT NULL,
                "interview_id" uuid NOT NULL,
                "panelist_id" uuid NOT NULL,
                "rating" smallint,
                "not_assessed" boolean NOT NULL DEFAULT false,
                "note" text,
                "question_type" character varying(16) NOT NULL,
                "competencies" text array NOT NULL DEFAULT '{}',
                "source_question_id" uuid,
                CONSTRAINT "scorecard_ratings_value" CHECK (
                    (
                        rating IS NULL
                        AND not_assessed
                    )
                    OR (
                        rating BETWEEN 1 AND 4
                        AND NOT not_assessed
                    )
                ),
                CONSTRAINT "PK_c8762478cd3c2288d1c8373fb39" PRIMARY KEY (
                    "scorecard_id",
                    "interview_question_id",
                    "criterion_id"
                )
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_scorecard_ratings_source_question" ON "scorecard_ratings" ("source_question_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_scorecard_ratings_interview_criterion" ON "scorecard_ratings" (
                "interview_id",
                "interview_question_id",
                "criterion_id"
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "scorecard_question_notes"
            ADD CONSTRAINT "FK_60da3509abad5a707751cd76bbd" FOREIGN KEY ("scorecard_id") REFERENCES "scorecards"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "scorecard_ratings"
            ADD CONSTRAINT "FK_19393dfa76f50088379cbfd9f81" FOREIGN KEY ("scorecard_id") REFERENCES "scorecards"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "scorecard_ratings" DROP CONSTRAINT "FK_19393dfa76f50088379cbfd9f81"
        `);
    await queryRunner.query(`
            ALTER TABLE "scorecard_question_notes" DROP CONSTRAINT "FK_60da3509abad5a707751cd76bbd"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_scorecard_ratings_interview_criterion"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_scorecard_ratings_source_question"
        `);
    await queryRunner.query(`
            DROP TABLE "scorecard_ratings"
        `);
    await queryRunner.query(`
            DROP TABLE "scorecard_question_notes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_scorecards_candidate"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_scorecards_position"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_scorecards_panelist"
        `);
    await queryRunner.query(`
            DROP TABLE "scorecards"
        `);
  }
}
