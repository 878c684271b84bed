import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InterviewsAndAudit1795406026994 implements MigrationInterface {
  name = 'InterviewsAndAudit1795406026994';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "actor_id" uuid,
                "entity_type" character varying(40) NOT NULL,
                "entity_id" uuid NOT NULL,
                "action" character varying(60) NOT NULL,
                "changes" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_events_entity" ON "audit_events" ("entity_type", "entity_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "interviewer_profiles" (
                "user_id" uuid NOT NULL,
                "title" character varying(200),
                "department" character varying(120),
                "competencies" text array NOT NULL DEFAULT '{}',
                "question_types" text array NOT NULL DEFAULT '{}',
                "weekly_limit" integer NOT NULL DEFAULT '5',
                "email_notifications" boolean NOT NULL DEFAULT true,
                "webhook_url" character varying(2000),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_97cae56ebf5871609df0ead3b46" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "positions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "department" character varying(120),
                "hiring_manager_id" uuid NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'open',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "positions_status_known" CHECK (status IN ('open', 'closed')),
                CONSTRAINT "PK_17e4e62ccd5749b289ae3fae6f3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_positions_hiring_manager" ON "positions" ("hiring_manager_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "candidates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "email" character varying(254) NOT NULL,
                "position_id" uuid NOT NULL,
                "notes" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_140681296bf033ab1eb95288abb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_candidates_position" ON "candidates" ("position_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "interviews" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "candidate_id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "stage" character varying(40) NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "timezone" character varying(64) NOT NULL,
                "duration_minutes" integer NOT NULL,
                "location" character varying(500),
                "meeting_url" character varying(2000),
                "status" character varying(12) NOT NULL DEFAULT 'scheduled',
                "feedback_due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "cancel_reason" text,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "created_by_id" uuid NOT NULL,
                "sequence" integer NOT NULL DEFAULT '0',
                "revision" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "interviews_ends_after_start" CHECK (ends_at > starts_at),
                CONSTRAINT "interviews_status_known" CHECK (
                    status IN ('scheduled', 'completed', 'cancelled')
                ),
                CONSTRAINT "PK_fd41af1f96d698fa33c2f070f47" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_interviews_position" ON "interviews" ("position_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_interviews_candidate" ON "interviews" ("candidate_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_interviews_starts_at" ON "interviews" ("starts_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "interview_panelists" (
                "interview_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" character varying(10) NOT NULL,
                "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "interview_panelists_role_known" CHECK (role IN ('lead', 'shadow')),
                CONSTRAINT "PK_2e5ef4ffbf081f75bc5d8f17b7b" PRIMARY KEY ("interview_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_interview_panelists_user" ON "interview_panelists" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "interview_questions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "interview_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "source_question_id" uuid,
                "source_set_id" uuid,
                "source_set_name" character varying(200),
                "source_set_version" integer,
                "type" character varying(16) NOT NULL,
                "prompt" text NOT NULL,
                "follow_ups" jsonb NOT NULL DEFAULT '[]',
                "criteria" jsonb NOT NULL DEFAULT '[]',
                "guidance" jsonb NOT NULL DEFAULT '{}',
                "competencies" text array NOT NULL DEFAULT '{}',
                "timebox_minutes" integer,
                "asked_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "interview_questions_type_known" CHECK (
                    type IN ('technical', 'behavioral', 'situational')
                ),
                CONSTRAINT "PK_2ef2c099d8bc521e9b89e986b3c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_interview_questions_interview" ON "interview_questions" ("interview_id", "position")
        `);
    await queryRunner.query(`
            ALTER TABLE "candidates"
            ADD CONSTRAINT "FK_7e1a499220a4c395b9871beb044" FOREIGN KEY ("position_id") REFERENCES "positions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews"
            ADD CONSTRAINT "FK_74f05927fc5dd3d5258bad5f609" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews"
            ADD CONSTRAINT "FK_18f2fe18aff423aaa36dc9258a9" FOREIGN KEY ("position_id") REFERENCES "positions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "interview_panelists"
            ADD CONSTRAINT "FK_5c3e276ae68150c3e3765bea946" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "interview_questions"
            ADD CONSTRAINT "FK_3e422e705d4c17a63109805b153" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "interview_questions" DROP CONSTRAINT "FK_3e422e705d4c17a63109805b153"
        `);
    await queryRunner.query(`
            ALTER TABLE "interview_panelists" DROP CONSTRAINT "FK_5c3e276ae68150c3e3765bea946"
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews" DROP CONSTRAINT "FK_18f2fe18aff423aaa36dc9258a9"
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews" DROP CONSTRAINT "FK_74f05927fc5dd3d5258bad5f609"
        `);
    await queryRunner.query(`
            ALTER TABLE "candidates" DROP CONSTRAINT "FK_7e1a499220a4c395b9871beb044"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_interview_questions_interview"
        `);
    await queryRunner.query(`
            DROP TABLE "interview_questions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_interview_panelists_user"
        `);
    await queryRunner.query(`
            DROP TABLE "interview_panelists"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_interviews_starts_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_interviews_candidate"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_interviews_position"
        `);
    await queryRunner.query(`
            DROP TABLE "interviews"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_candidates_position"
        `);
    await queryRunner.query(`
            DROP TABLE "candidates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_positions_hiring_manager"
        `);
    await queryRunner.query(`
            DROP TABLE "positions"
        `);
    await queryRunner.query(`
            DROP TABLE "interviewer_profiles"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_events_entity"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
  }
}
