import type { MigrationInterface, QueryRunner } from 'typeorm';

// Position competencies and the interview plan (stages, templates, revision); interviews point at a plan stage,
// and their stage text widens to hold a plan stage's name.

export class PositionPlans1795420100000 implements MigrationInterface {
  name = 'PositionPlans1795420100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "plan_stages" (
                "id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "name" character varying(120) NOT NULL,
                "position" integer NOT NULL,
                CONSTRAINT "PK_dbe2738bcc7ba6e987eb7e7b3cd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_plan_stages_position" ON "plan_stages" ("position_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "position_competencies" (
                "id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "name" character varying(120) NOT NULL,
                "description" character varying(2000),
                "position" integer NOT NULL,
                CONSTRAINT "PK_6f12118600da28091eb2fb6d8c5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_position_competencies_position" ON "position_competencies" ("position_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "plan_templates" (
                "id" uuid NOT NULL,
                "stage_id" uuid NOT NULL,
                "title" character varying(120) NOT NULL,
                "duration_minutes" integer NOT NULL,
                "panel_size" integer NOT NULL,
                "lead_required" boolean NOT NULL DEFAULT true,
                "question_ids" uuid array NOT NULL DEFAULT '{}',
                "question_set_ids" uuid array NOT NULL DEFAULT '{}',
                "competency_ids" uuid array NOT NULL DEFAULT '{}',
                "position" integer NOT NULL,
                CONSTRAINT "plan_templates_panel_size_range" CHECK (
                    panel_size BETWEEN 1 AND 10
                ),
                CONSTRAINT "plan_templates_duration_range" CHECK (
                    duration_minutes BETWEEN 5 AND 600
                ),
                CONSTRAINT "PK_e59f68cfae4005422637b12102f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_plan_templates_stage" ON "plan_templates" ("stage_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "position_plans" (
                "position_id" uuid NOT NULL,
                "revision" integer NOT NULL DEFAULT '0',
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a78610798182c86e238753f7cf9" PRIMARY KEY ("position_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews"
            ADD "plan_stage_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews" ALTER COLUMN "stage" TYPE character varying(120)
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_interviews_plan_stage" ON "interviews" ("plan_stage_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "plan_stages"
            ADD CONSTRAINT "FK_c0b49a76349649f0cde1e8f64ce" FOREIGN KEY ("position_id") REFERENCES "positions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "position_competencies"
            ADD CONSTRAINT "FK_8709a20ba285a5873ce578c1d2d" FOREIGN KEY ("position_id") REFERENCES "positions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "plan_templates"
            ADD CONSTRAINT "FK_6be2da5f00d8903ba8b6fb1c382" FOREIGN KEY ("stage_id") REFERENCES "plan_stages"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "position_plans"
            ADD CONSTRAINT "FK_a78610798182c86e238753f7cf9" FOREIGN KEY ("position_id") REFERENCES "positions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "position_plans" DROP CONSTRAINT "FK_a78610798182c86e238753f7cf9"
        `);
    await queryRunner.query(`
            ALTER TABLE "plan_templates" DROP CONSTRAINT "FK_6be2da5f00d8903ba8b6fb1c382"
        `);
    await queryRunner.query(`
            ALTER TABLE "position_competencies" DROP CONSTRAINT "FK_8709a20ba285a5873ce578c1d2d"
        `);
    await queryRunner.query(`
            ALTER TABLE "plan_stages" DROP CONSTRAINT "FK_c0b49a76349649f0cde1e8f64ce"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_interviews_plan_stage"
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews" ALTER COLUMN "stage" TYPE character varying(40) USING left("stage", 40)
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews" DROP COLUMN "plan_stage_id"
        `);
    await queryRunner.query(`
            DROP TABLE "position_plans"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_plan_templates_stage"
        `);
    await queryRunner.query(`
            DROP TABLE "plan_templates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_position_competencies_position"
        `);
    await queryRunner.query(`
            DROP TABLE "position_competencies"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_plan_stages_position"
        `);
    await queryRunner.query(`
            DROP TABLE "plan_stages"
        `);
  }
}
