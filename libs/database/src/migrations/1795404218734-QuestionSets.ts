import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QuestionSets1795404218734 implements MigrationInterface {
  name = 'QuestionSets1795404218734';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "question_sets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "lineage_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "name" character varying(200) NOT NULL,
                "description" text,
                "position_family" character varying(120),
                "level" character varying(60),
                "tags" text array NOT NULL DEFAULT '{}',
                "status" character varying(16) NOT NULL DEFAULT 'draft',
                "owner_id" uuid NOT NULL,
                "revision" integer NOT NULL DEFAULT '1',
                "superseded_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "published_at" TIMESTAMP WITH TIME ZONE,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "question_sets_status_known" CHECK (status IN ('draft', 'published', 'archived')),
                CONSTRAINT "PK_12966187dea2ccd7eb45d79cd15" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_question_sets_updated_id" ON "question_sets" ("updated_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_question_sets_lineage_version" ON "question_sets" ("lineage_id", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "questions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "set_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "type" character varying(16) NOT NULL,
                "prompt" text NOT NULL,
                "follow_ups" jsonb NOT NULL DEFAULT '[]',
                "criteria" jsonb NOT NULL DEFAULT '[]',
                "guidance" jsonb NOT NULL DEFAULT '{}',
                "competencies" text array NOT NULL DEFAULT '{}',
                "timebox_minutes" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "questions_type_known" CHECK (
                    type IN ('technical', 'behavioral', 'situational')
                ),
                CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_questions_set_position" ON "questions" ("set_id", "position")
        `);
    await queryRunner.query(`
            ALTER TABLE "questions"
            ADD CONSTRAINT "FK_b9f4e7c4829a9a0dc0160096a22" FOREIGN KEY ("set_id") REFERENCES "question_sets"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "questions" DROP CONSTRAINT "FK_b9f4e7c4829a9a0dc0160096a22"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_questions_set_position"
        `);
    await queryRunner.query(`
            DROP TABLE "questions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_question_sets_lineage_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_question_sets_updated_id"
        `);
    await queryRunner.query(`
            DROP TABLE "question_sets"
        `);
  }
}
